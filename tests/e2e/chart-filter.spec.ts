/**
 * "Filter to this" from the Explore chart: clicking the first bar (the largest service) adds an
 * include filter chip and the total becomes that service's, computed here from the sample CSV;
 * removing the chip brings every row back.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** Exact BilledCost of the sample's rows of one service, or of all rows. */
function billed(service: string | null): string {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const name = header.indexOf('ServiceName')
  const cost = header.indexOf('BilledCost')
  return sumDecimals(
    rows.filter((r) => service === null || r[name] === service).map((r) => r[cost] ?? '0'),
  )
}

test('clicking a bar filters the pivot to its service; removing the chip undoes it', async ({
  app,
  workspace,
  explore,
  page,
}, testInfo) => {
  const service = 'Amazon Elastic Compute Cloud'
  const all = billed(null)
  const one = billed(service)
  expect(one).not.toBe(all)

  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  await expect.poll(() => explore.total('USD')).toBe(all)

  // The largest service is the first, tallest bar: move right along its middle until a click lands on it.
  const chips = page.getByTestId('filter-chip')
  await page.getByTestId('chart').scrollIntoViewIfNeeded()
  const box = await page.getByTestId('chart').boundingBox()
  if (!box) throw new Error('The chart is not on the page.')
  for (let x = 40; x < 320 && (await chips.count()) === 0; x += 12)
    await page.mouse.click(box.x + x, box.y + box.height * 0.4)
  await expect(chips).toHaveText([`ServiceName: ${service}`])
  await expect.poll(() => explore.total('USD')).toBe(one)
  await page.screenshot({ path: testInfo.outputPath('chart-filter.png') })

  await page.getByRole('button', { name: `Remove filter ServiceName: ${service}` }).click()
  await expect(chips).toHaveCount(0)
  await expect.poll(() => explore.total('USD')).toBe(all)
})
