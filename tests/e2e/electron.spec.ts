/**
 * The packaged path in the real Electron binary: launch the built app
 * (`npm run build` first), open the sample through the UI and check its total
 * against the CSV itself. Also checks, from inside the running app, that the
 * bridge has one function per channel and that outbound requests fail.
 * Skipped where the Electron binary is not installed (it cannot be
 * downloaded on every machine); detected without `require('electron')`,
 * which would try to download it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { csvSums } from '../helpers/csv-sums'
import { ROOT, tempDir } from '../helpers/paths'
import { LoadedPage } from './pages/loaded-page'
import { WorkspacePage } from './pages/workspace-page'

/** The Electron executable from node_modules/electron, or null when it was never downloaded. */
function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const built = existsSync(join(ROOT, 'out', 'main', 'index.js'))
const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

test.describe('Electron app', () => {
  test.skip(!binary, 'Electron binary not installed (node_modules/electron/dist is missing)')
  test.skip(!built, 'App not built: run `npm run build` first')

  let app: ElectronApplication

  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [ROOT, `--user-data-dir=${tempDir('focal-e2e-electron-')}`],
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    })
  })

  test.afterAll(async () => {
    await app?.close()
  })

  test('opens the sample and shows its exact total', async () => {
    const page = await app.firstWindow()
    await expect(page).toHaveURL(/^app:\/\/focal\//)
    const billed = csvSums(SAMPLE_CSV, 'BilledCost').USD
    await new WorkspacePage(page).openSample()
    const total = await new LoadedPage(page).total('USD')
    expect(total.rows).toBe('1,000')
    expect(total.billed).toBe(billed?.sum)
  })

  test('exposes the typed bridge only, and no network', async () => {
    const page = await app.firstWindow()
    const surface = await page.evaluate(() => ({
      focal: Object.keys((window as unknown as { focal: object }).focal).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }))
    expect(surface.require).toBe('undefined')
    expect(surface.process).toBe('undefined')
    expect(surface.focal).toContain('workspaceOpenSample')
    expect(surface.focal).not.toContain('invoke')
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    )
    expect(fetched).toBe('blocked')
  })
})
