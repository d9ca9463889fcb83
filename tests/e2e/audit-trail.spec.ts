/**
 * The audit trail screen: on the demo sample the chain is verified intact, the import's entry
 * opens its details and then its rows (every row of the demo file, counted independently) and
 * their evidence bundle (the rows and the file's SHA-256),
 * a filter narrows the log, and the CSV export holds the entries shown.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { readZipEntries } from '../helpers/zip-reader'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const DEMO = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

test('verify the audit trail, follow an import entry to its rows, export the log', async ({
  page,
  app,
  workspace,
  loaded,
}, testInfo) => {
  test.setTimeout(120_000)
  const demoRows = parseCsv(readFileSync(DEMO, 'utf8')).length - 1

  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('audit')

  const verdict = page.getByTestId('audit-verdict')
  await expect(verdict).toHaveAttribute('data-ok', 'true')
  await expect(verdict).toContainText('Chain intact')
  const entries = page.getByTestId('audit-entries')
  await expect(entries).toHaveAttribute('aria-busy', 'false')
  const imported = page.locator('[data-testid="audit-entry"][data-action="import.imported"]')
  await expect(imported).toHaveCount(1)
  await screenshotPage(page, testInfo.outputPath('audit-trail.png'))

  await imported.click()
  const details = page.getByTestId('audit-entry-details')
  await expect(details).toContainText('"sha256"')
  await expect(details).toContainText(`"rows": ${demoRows}`)
  await page.getByTestId('audit-open-rows').click()
  await expect(page.getByTestId('rows-place')).toHaveText(
    `Rows 1–50 of ${demoRows.toLocaleString('en-US')}`,
  )
  // Explain this number: the rows, their source file's SHA-256 and its audit entry in one ZIP.
  const bundle = page.waitForEvent('download')
  await page.getByTestId('rows-evidence').click()
  const zip = await bundle
  const zipPath = testInfo.outputPath(zip.suggestedFilename())
  await zip.saveAs(zipPath)
  const files = await readZipEntries(zipPath)
  const rowsCsv = parseCsv(files.find((f) => f.name === 'rows.csv')!.bytes.toString('utf8'))
  expect(rowsCsv).toHaveLength(demoRows + 1)
  const [, source = []] = parseCsv(
    files.find((f) => f.name === 'sources.csv')!.bytes.toString('utf8'),
  )
  expect(source[2]).toBe(createHash('sha256').update(readFileSync(DEMO)).digest('hex'))
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('rows-drawer')).toBeHidden()

  // Words in any field: the workspace's creation, not the import.
  await page.getByTestId('audit-text').fill('workspace.create')
  await page.getByTestId('audit-apply').click()
  await expect(page.getByTestId('audit-count')).toHaveText('Entries 1–1 of 1, newest first')
  await expect(page.getByTestId('audit-entry')).toHaveAttribute('data-action', 'workspace.create')
  const shown = 1

  const download = page.waitForEvent('download')
  await page.getByTestId('audit-export-csv').click()
  const file = await download
  const saved = testInfo.outputPath(file.suggestedFilename())
  await file.saveAs(saved)
  const [header, ...rows] = parseCsv(readFileSync(saved, 'utf8'))
  expect(header).toEqual(['seq', 'logged_at', 'actor', 'action', 'subject', 'details'])
  expect(rows).toHaveLength(shown)
})
