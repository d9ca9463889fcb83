/**
 * Reports in a reporting currency: a bad rates file is refused naming its line and column,
 * good rates are listed, and the exported pack's summary CSV states the total in EUR at the
 * month's rate, equal to the September BilledCost summed from the file times the rate.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { multiply } from '../integration/fx/fixture'
import { FxRatesPage } from './pages/fx-rates-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

function septemberBilled(): string {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const period = header.indexOf('BillingPeriodStart')
  const billed = header.indexOf('BilledCost')
  return sumDecimals(
    rows.filter((r) => (r[period] ?? '').startsWith('2024-09')).map((r) => r[billed] || '0'),
  )
}

test('import exchange rates and export the pack with a reporting currency', async ({
  page,
  app,
  workspace,
  loaded,
  reports,
}, testInfo) => {
  test.setTimeout(180_000)
  const fx = new FxRatesPage(page)
  const bad = testInfo.outputPath('bad-rates.csv')
  const good = testInfo.outputPath('rates.csv')
  writeFileSync(bad, 'month,from,to,rate,source\n2024-09,USD,EUR,0.9x,Treasury\n')
  writeFileSync(good, 'month,from,to,rate,source\n2024-09,USD,EUR,0.901234,Treasury average\n')

  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('reports')
  await reports.kind('Chargeback')
  await reports.period('2024-09')
  await reports.waitForPreview('Chargeback September 2024 (2024-09)')
  await expect(fx.status).toContainText('No exchange rates')

  await fx.upload(bad)
  await expect(page.getByText('The exchange rates were not imported')).toBeVisible()
  await expect(page.getByTestId('fx-rates')).toContainText(
    'bad-rates.csv line 2, column rate: "0.9x" is not a rate above zero.',
  )
  await expect(fx.status).toContainText('No exchange rates')

  await fx.upload(good)
  await expect(fx.status).toHaveText(
    'Imported 1 rate from rates.csv. 1 rate in force from 1 file: 1 USD = 0.901234 EUR (2024-09, Treasury average)',
  )
  await fx.reportingCurrency('eur')
  await expect(page.getByTestId('reporting-currency')).toHaveValue('EUR')
  await screenshotPage(page, join(ROOT, 'test-results', 'reports-fx.png'))

  await reports.exportPack()
  const download = await reports.download('chargeback-2024-09-summary.csv')
  const [header = [], ...rows] = parseCsv(readFileSync(await download.path(), 'utf8'))
  const total = rows.find((r) => r[1] === 'Total in EUR')
  expect(total?.[header.indexOf('Converted exact')]).toBe(multiply(septemberBilled(), '0.901234'))
  const usd = rows.find((r) => r[1] === 'Total (USD)')
  expect(usd?.slice(header.indexOf('Rate'))).toEqual(['0.901234', '2024-09', 'Treasury average'])
})
