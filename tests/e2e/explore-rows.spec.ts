/**
 * Drill-through in Explore: a figure opens exactly its rows (paged, sortable), a row opens its
 * detail with provenance, and "Show in source" says plainly when the file is not at hand.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { RowsPage } from './pages/rows-page'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

test('a figure opens its rows, a row its detail and its source', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  const [header = [], ...records] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  // The first figure: the month, service and currency of the table's first row.
  const first = explore.rows.first()
  const cells = await first.getByRole('cell').allInnerTexts()
  const count = Number((cells.at(-1) ?? '').replaceAll(',', ''))
  const service = cells[1] ?? ''
  const rows = new RowsPage(page)
  await rows.openCell(0)
  await expect(rows.place).toHaveText(
    `Rows 1–${Math.min(50, count)} of ${count.toLocaleString('en-US')}`,
  )
  // Counted here from the file: the rows of that service whose charge period starts in that month.
  const month = (start: string): string =>
    new Date(`${start.replace(' ', 'T')}Z`).toLocaleString('en-US', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    })
  const at = (name: string): number => header.indexOf(name)
  const expected = records.filter(
    (r) => r[at('ServiceName')] === service && month(r[at('ChargePeriodStart')] ?? '') === cells[0],
  ).length
  expect(count).toBe(expected)

  // Amounts sort largest first on the first click.
  await rows.sortBy('BilledCost')
  await expect(rows.table.getByRole('button', { name: 'BilledCost ↓' })).toBeVisible()
  // The arrow shows at once; the sorted page is on screen when the table is no longer busy.
  await expect(rows.table).toHaveAttribute('aria-busy', 'false')
  const billed = await rows.rows.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelectorAll('td')[6]?.textContent ?? ''),
  )
  const sorted = [...billed].sort((a, b) => Number(b) - Number(a))
  expect(billed).toEqual(sorted)

  await rows.rows.first().click()
  await expect(rows.detail).toContainText('data row')
  await expect(rows.detail).toContainText('SHA-256')
  await rows.showInSource()
  await expect(page.getByTestId('source-missing')).toContainText(
    'is not at hand: choose the folder that holds it.',
  )
  await screenshotPage(page, testInfo.outputPath('explore-rows-detail.png'))
})
