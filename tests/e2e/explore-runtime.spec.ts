/**
 * Explore's query runtime (issue 9: "typing is debounced, clicks are not", "cached per spec"):
 * a click on a time grain brings the new figures, a click back answers from the engine's cache
 * with the same figures, and the totals are the sample file's own sums.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** The result rows the summary line counts ("1,234 result rows …"). */
function resultRows(summary: string): number {
  return Number(/^([\d,]+) result rows/.exec(summary)?.[1]?.replace(/,/g, '') ?? NaN)
}

test('a grain click shows the new figures; clicking back answers from the cache', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  const [header = [], ...records] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const billed = sumDecimals(records.map((r) => r[header.indexOf('BilledCost')] || '0'))
  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  await explore.waitForCurrent()
  const byMonth = resultRows((await explore.summary.textContent()) ?? '')
  const monthKey = await explore.result.getAttribute('data-spec-key')

  await explore.grain('Day')
  await explore.waitForCurrent()
  await expect(explore.result).not.toHaveAttribute('data-spec-key', monthKey ?? '')
  await expect(explore.table.getByRole('columnheader', { name: 'Day', exact: true })).toBeVisible()
  const byDay = resultRows((await explore.summary.textContent()) ?? '')
  expect(byDay).toBeGreaterThan(byMonth)
  expect(await explore.total('USD')).toBe(billed)
  await expect(explore.summary).not.toContainText('from the cache')
  // The chart draws in the frame after the table, and says when it has.
  await explore.waitForChart()
  await expect(page.getByTestId('chart')).toHaveAttribute('aria-label', /^BilledCost lines chart/)
  await screenshotPage(page, testInfo.outputPath('explore-runtime-day.png'))

  // Back to months: the engine answered that spec before and the data did not change.
  await explore.grain('Month')
  await explore.waitForCurrent()
  await expect(explore.result).toHaveAttribute('data-spec-key', monthKey ?? '')
  await expect(explore.summary).toContainText('from the cache')
  expect(resultRows((await explore.summary.textContent()) ?? '')).toBe(byMonth)
  expect(await explore.total('USD')).toBe(billed)
  await expect(explore.result).toHaveAttribute('data-stale', 'false')
  await explore.waitForChart()
  await screenshotPage(page, testInfo.outputPath('explore-runtime-cached.png'))
})
