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

test('unit costs of an allocation target open their direct rows; a showback pack lists its unit costs', async ({
  page,
  app,
  workspace,
  allocate,
  reports,
}, testInfo) => {
  test.setTimeout(240_000)
  const orders = testInfo.outputPath('orders.csv')
  const lines = ['date,metric,value']
  for (let day = 1; day <= 30; day++)
    if (day !== 10) lines.push(`2024-09-${String(day).padStart(2, '0')},orders,${day % 2 ? 4 : 5}`)
  writeFileSync(orders, `${lines.join('\n')}\n`)
  await app.open()
  await workspace.openSample()

  const unit = new UnitCostsPage(page)
  await unit.open()
  await unit.upload(orders)
  await page.getByTestId('unit-slice').getByText('Allocation target', { exact: true }).click()
  await expect(page.getByTestId('unit-targets-none')).toContainText('Save rules first')

  await app.goTo('allocate')
  await allocate.loadExample()
  await allocate.period('2024-09')
  await allocate.waitForPreview('2024-09')
  expect(await allocate.save('Cost centers')).toBe('Saved as version 1.')
  // What the allocation charges Engineering in September (BilledCost, exact).
  const charged = await allocate.row('Engineering').locator('td').nth(4).getAttribute('data-value')

  // Choosing the target slice again reads the targets of the rules just saved.
  await unit.open()
  await page.getByTestId('unit-slice').getByText('Filters', { exact: true }).click()
  await unit.target('Engineering')
  expect(sumDecimals(await unit.costs())).toBe(charged)
  const gap = unit.row('2024-09-10')
  await expect(gap.getByTestId('unit-cost-units')).toHaveText('—')
  await expect(gap.getByTestId('unit-cost-per-unit')).toHaveText('—')
  await screenshotPage(page, testInfo.outputPath('unit-costs-target.png'))

  const cost = unit.row('2024-09-01').getByTestId('unit-cost-cost')
  const shown = (await cost.getAttribute('title')) ?? ''
  await cost.click()
  const rows = new RowsPage(page)
  await expect(page.getByText(/the \d+ rows of the direct part/)).toBeVisible()
  const direct = /the (\d+) rows of the direct part/.exec(
    (await page.getByText(/the \d+ rows of the direct part/).innerText()) ?? '',
  )?.[1]
  expect(shown).toContain('show the direct rows')
  await expect(rows.place).toContainText(`of ${direct}`)
  await screenshotPage(page, testInfo.outputPath('unit-costs-target-rows.png'))
  await page.keyboard.press('Escape')

  await app.goTo('reports')
  await reports.kind('Showback')
  await reports.period('2024-09')
  await reports.unitMetric('orders')
  await reports.waitForPreview('Showback September 2024 (2024-09)')
  await screenshotPage(page, testInfo.outputPath('reports-unit-metric.png'))
  await reports.exportPack()
  const download = await reports.download('showback-2024-09-unit-costs.csv')
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n')
  expect(csv[0]).toBe('grain,period,currency,BilledCost,orders units,BilledCost per orders')
  expect(csv.find((l) => l.startsWith('day,2024-09-10,USD,'))).toMatch(
    /^day,2024-09-10,USD,[\d.]+,,$/,
  )
  expect(csv.find((l) => l.startsWith('day,2024-09-01,USD,'))?.split(',')[4]).toBe('4')
})
