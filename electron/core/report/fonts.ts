/**
 * The bundled report fonts (resources/fonts). Found by walking up from this
 * module, because it runs from the sources (tests), from out/cli (the CLI
 * bundle) and from out/main inside the app's asar, each at a different depth.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fail } from '../../../shared/contract'

/** Font files a report uses, by role. */
export interface ReportFonts {
  regular: string
  bold: string
}

const REGULAR = 'DejaVuSans.ttf'
const BOLD = 'DejaVuSans-Bold.ttf'

/** The fonts in `dir`, or in the nearest resources/fonts above this module when no dir is given. */
export function findReportFonts(dir?: string): ReportFonts {
  const candidates: string[] = []
  if (dir) candidates.push(dir)
  else {
    let here = dirname(fileURLToPath(import.meta.url))
    for (let i = 0; i < 8; i++) {
      candidates.push(join(here, 'resources', 'fonts'))
      const up = dirname(here)
      if (up === here) break
      here = up
    }
  }
  const found = candidates.find((c) => existsSync(join(c, REGULAR)) && existsSync(join(c, BOLD)))
  if (!found)
    fail('NOT_FOUND', 'The report fonts are missing from this installation.', {
      hint: `Expected ${REGULAR} and ${BOLD} in resources/fonts; reinstall Focal.`,
    })
  return { regular: join(found, REGULAR), bold: join(found, BOLD) }
}
