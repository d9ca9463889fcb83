/**
 * Saved views in Explore: build a pivot, save it, reload the page, open the view again and see
 * the same numbers (computed here from the sample CSV); undo brings back the pivot before it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { ViewsPage } from './pages/views-page'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** Exact BilledCost of the sample's rows whose ChargePeriodStart passes `keep` (text order is time order). */
function billedWhere(keep: (start: string) => boolean): string {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const start = header.indexOf('ChargePeriodStart')
  const billed = header.indexOf('BilledCost')
  return sumDecimals(rows.filter((r) => keep(r[start] ?? '')).map((r) => r[billed] ?? '0'))
}

test('a saved view survives a reload and opens to the same numbers; undo goes back', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  const all = billedWhere(() => true)
  const from = billedWhere((start) => start >= '2024-09-15')
  expect(from).not.toBe(all)
  const views = new ViewsPage(page)

  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  await explore.setDate('From', '2024-09-15')
  await expect.poll(() => explore.total('USD')).toBe(from)
  await views.save('From mid-September')
  await expect(page.getByTestId('view-select')).toHaveValue('From mid-September')
  await screenshotPage(page, testInfo.outputPath('saved-views-saved.png'))

  // A fresh load of the page (a plain reload drops the web host's token, by design).
  await app.open()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  await expect.poll(() => explore.total('USD')).toBe(all)
  await views.open('From mid-September')
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2024-09-15')
  await expect.poll(() => explore.total('USD')).toBe(from)
  await screenshotPage(page, testInfo.outputPath('saved-views-reopened.png'))

  await views.undo.click()
  await expect.poll(() => explore.total('USD')).toBe(all)
  await page.keyboard.press('Control+Shift+Z')
  await expect.poll(() => explore.total('USD')).toBe(from)
})

test('a view exported as JSON, deleted after a confirmation and imported back opens again', async ({
  app,
  workspace,
  explore,
  page,
}) => {
  const from = billedWhere((start) => start >= '2024-09-20')
  const views = new ViewsPage(page)
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  await explore.setDate('From', '2024-09-20')
  await expect.poll(() => explore.total('USD')).toBe(from)
  await views.save('From the 20th')
  await expect(page.getByTestId('view-select')).toHaveValue('From the 20th')

  const download = page.waitForEvent('download')
  await page.getByTestId('export-view').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('From-the-20th.focal-view.json')
  const saved = await file.path()
  const text = JSON.parse(readFileSync(saved, 'utf8')) as { name: string; spec: unknown }
  expect(text.name).toBe('From the 20th')
  expect(text.spec).toMatchObject({ dateRange: { start: '2024-09-20', end: null } })

  await page.getByTestId('delete-view').click()
  await expect(page.getByTestId('view-question')).toContainText('Delete the view From the 20th?')
  await page.getByTestId('view-confirm').click()
  await expect(page.getByTestId('view-select')).not.toHaveValue('From the 20th')
  await explore.setDate('From', '')
  await expect.poll(() => explore.total('USD')).toBe(billedWhere(() => true))

  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('import-view').click()
  await (await chooser).setFiles(saved)
  await views.open('From the 20th')
  await expect.poll(() => explore.total('USD')).toBe(from)
})
