/**
 * `focal validate archive.zip`: the archive is vetted and its billing files
 * extracted by the import's own walker (ingest/zip-archive.ts), so validation
 * refuses exactly what an import refuses (BAD_ARCHIVE: `../` names, links,
 * encrypted entries, zip bombs); then each billing file inside is validated
 * on its own (validate-file.ts) and named `archive.zip/inner/path.csv`.
 */
import { rm } from 'node:fs/promises'
import { posix } from 'node:path'
import { FocalFailure } from '../../../shared/contract'
import { isManifestFileName } from '../ingest/billing-file-names'
import { extractArchive, type ArchiveLimits } from '../ingest/zip-archive'
import type { Validation } from './rule-results'
import { describeFailure, validateFile } from './validate-file'

/** A file that was not validated (inside an archive or given on the command line), and why. */
export interface SkippedFile {
  readonly fileName: string
  readonly reason: string
}

/** What validating one input gave: a validation per billing file, and the files skipped. */
export interface SourceValidation {
  readonly validations: Validation[]
  readonly skipped: SkippedFile[]
}

/** How a file inside an archive is named in the report: as import names it (import-archive.ts). */
export function innerName(archiveName: string, innerPath: string): string {
  return `${archiveName}/${innerPath}`
}

/** An AWS CUR manifest lists a delivery's parts; it holds no rows to check. */
export const MANIFEST_SKIPPED = 'an AWS CUR manifest; the parts it lists are validated one by one'

/** Validates each billing file in the ZIP at `path`; never throws for bad input. */
export async function validateArchive(
  path: string,
  archiveName: string,
  options: { limits?: Partial<ArchiveLimits>; tempRoot?: string } = {},
): Promise<SourceValidation> {
  let dir: string | null = null
  try {
    const extracted = await extractArchive(path, archiveName, {
      ...options,
      onDir: (made) => {
        dir = made
      },
    })
    const validations: Validation[] = []
    const skipped: SkippedFile[] = extracted.skipped.map((entry) => ({
      fileName: innerName(archiveName, entry.innerPath),
      reason: entry.reason,
    }))
    for (const file of extracted.files) {
      const fileName = innerName(archiveName, file.innerPath)
      if (isManifestFileName(posix.basename(file.innerPath)))
        skipped.push({ fileName, reason: MANIFEST_SKIPPED })
      else validations.push(await validateFile(file.path, fileName))
    }
    return { validations, skipped }
  } catch (cause) {
    if (!(cause instanceof FocalFailure)) throw cause
    return {
      validations: [refusedArchive(archiveName, describeFailure(cause, archiveName))],
      skipped: [],
    }
  } finally {
    // The extracted copies are Focal's own; they go whatever happened.
    if (dir !== null) await rm(dir, { recursive: true, force: true })
  }
}

/** The one result of an archive that was refused whole: nothing inside it was checked. */
function refusedArchive(name: string, error: Validation['error']): Validation {
  const hint = error?.hint?.replace(
    /\bimport the (billing )?files inside/,
    'validate the $1files inside',
  )
  return {
    name,
    source: 'file',
    dataset: 'CostAndUsage',
    format: 'zip',
    focusVersion: null,
    rows: 0,
    rules: [],
    errors: 1,
    warnings: 0,
    error: error && (hint ? { ...error, hint } : error),
  }
}
