/**
 * Explore's date inputs: "From" alone and "Until" alone each filter the pivot (they used to be
 * ignored until both were set). Expected totals come from parsing the sample CSV here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** Exact BilledCost of the sample's rows whose ChargePeriodStart passes `keep` (text order is time order). */
function billedWhere(keep: (start: string) => boolean): string {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const start = header.indexOf('ChargePeriodStart')
  const billed = header.indexOf('BilledCost')
  return sumDecimals(rows.filter((r) => keep(r[start] ?? '')).map((r) => r[billed] ?? '0'))
}

test('a From date alone and an Until date alone each filter the pivot', async ({
  app,
  workspace,
  explore,
}) => {
  const from = billedWhere((start) => start >= '2024-09-15')
  const until = billedWhere((start) => start < '2024-09-15')
  expect(from).not.toBe(billedWhere(() => true))

  await app.open()
  await workspace.openSample()
  await app.goTo('explore')
  await explore.waitForResult('BilledCost')
  expect(await explore.total('USD')).toBe(billedWhere(() => true))

  await explore.setDate('From', '2024-09-15')
  await expect.poll(() => explore.total('USD')).toBe(from)
  await explore.setDate('From', '')
  await explore.setDate('Until (exclusive)', '2024-09-15')
  await expect.poll(() => explore.total('USD')).toBe(until)
})
