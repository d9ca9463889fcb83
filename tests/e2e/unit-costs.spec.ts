/**
 * Savings → Unit costs (issue 13, Unit economics): a bad metrics file refused naming its row
 * and column; orders for September with the 10th missing imported; EC2's BilledCost per order
 * per day with the 10th a gap (—, not zero); a day's cost figure followed to exactly its rows.
 * Expected figures are summed from the demo CSV here.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { RowsPage } from './pages/rows-page'
import { UnitCostsPage } from './pages/unit-costs-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
const EC2 = 'Amazon Elastic Compute Cloud'

/** EC2's BilledCost values charged on `day`, from the CSV text. */
function ec2Billed(day: string): string[] {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  return rows
    .filter(
      (r) => r[at('ServiceName')] === EC2 && (r[at('ChargePeriodStart')] ?? '').startsWith(day),
    )
    .map((r) => r[at('BilledCost')] ?? '0')
}

test('unit costs: import metrics, a gap on a day without a value, a cost figure opens its rows', async ({
  page,
  app,
  workspace,
  loaded,
}, testInfo) => {
  test.setTimeout(180_000)
  const bad = testInfo.outputPath('bad-orders.csv')
  const good = testInfo.outputPath('orders.csv')
  writeFileSync(bad, 'date,metric,value\n2024-09-01,orders,4\n2024-09-02,orders,1 200\n')
  const lines = ['date,metric,value']
  for (let day = 1; day <= 30; day++)
    if (day !== 10) lines.push(`2024-09-${String(day).padStart(2, '0')},orders,${day % 2 ? 4 : 5}`)
  writeFileSync(good, `${lines.join('\n')}\n`)

  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  const unit = new UnitCostsPage(page)
  await unit.open()
  await expect(unit.status).toContainText('No business metrics yet')

  await unit.upload(bad)
  await expect(page.getByText('The metrics were not imported')).toBeVisible()
  await expect(unit.panel).toContainText(
    'bad-orders.csv row 3, column value: "1 200" is not a number of units.',
  )

  await unit.upload(good)
  await expect(unit.status).toContainText('Imported 29 values from orders.csv. 1 metric: orders.')
  await unit.slice('ServiceName', EC2)

  const first = ec2Billed('2024-09-01')
  // 0.0421391927 ÷ 4 orders, shown to 6 decimals.
  expect(sumDecimals(first)).toBe('0.0421391927')
  await expect(unit.row('2024-09-01').getByTestId('unit-cost-per-unit')).toHaveText('USD 0.010535')
  await expect(unit.row('2024-09-01').getByTestId('unit-cost-units')).toHaveText('4')
  const gap = unit.row('2024-09-10')
  await expect(gap.getByTestId('unit-cost-units')).toHaveText('—')
  await expect(gap.getByTestId('unit-cost-per-unit')).toHaveText('—')
  await expect(gap.getByTestId('unit-cost-cost')).toHaveAttribute(
    'data-value',
    sumDecimals(ec2Billed('2024-09-10')),
  )
  await screenshotPage(page, testInfo.outputPath('unit-costs.png'))

  await unit.row('2024-09-01').getByTestId('unit-cost-cost').click()
  const rows = new RowsPage(page)
  await expect(rows.place).toContainText(`of ${first.length}`)
  await expect(rows.rows).toHaveCount(first.length)
  await screenshotPage(page, testInfo.outputPath('unit-costs-rows.png'))
})
