/**
 * Savings → Vendors (issue 13, Vendor register): the demo sample's vendors with their cost per
 * billing period (summed from the CSV here), two contracts entered in one category showing as
 * an overlap, a renewal due with its notice deadline, and a vendor's cost figure followed to
 * exactly its rows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { RowsPage } from './pages/rows-page'
import { VendorsPage } from './pages/vendors-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** BilledCost values of September rows whose `column` is `name`, from the CSV text. */
function billed(column: string, name: string): string[] {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const at = (c: string): number => header.indexOf(c)
  return rows
    .filter(
      (r) => r[at(column)] === name && (r[at('BillingPeriodStart')] ?? '').startsWith('2024-09'),
    )
    .map((r) => r[at('BilledCost')] ?? '0')
}

test('vendors: the data vendors with cost, contracts entered, renewals, overlaps, a figure opens its rows', async ({
  page,
  app,
  workspace,
  loaded,
}, testInfo) => {
  test.setTimeout(180_000)
  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  const vendors = new VendorsPage(page)
  await vendors.open()
  await expect(page.getByTestId('vendor-entries-empty')).toBeVisible()

  const oracle = billed('PublisherName', 'Oracle')
  const oracleRow = vendors.costRows('Oracle', 'publisher').first()
  await expect(oracleRow.getByTestId('vendor-billed')).toHaveAttribute(
    'data-value',
    sumDecimals(oracle),
  )

  await vendors.asOf('2026-11-30')
  await vendors.add({
    name: 'Oracle',
    category: 'Database',
    owner: 'Data platform',
    renewalDate: '2027-01-15',
    noticeDays: '60',
    annualValue: '24000',
    currency: 'USD',
    dataHeld: 'Customer orders',
    exitPlan: 'Move to PostgreSQL',
  })
  await vendors.add({ name: 'MongoDB Atlas', category: 'database' })
  await expect(vendors.entry('Oracle')).toContainText('in the data as Oracle')
  await expect(vendors.entry('Oracle')).toContainText('USD 24,000.00')
  await expect(page.getByTestId('vendor-renewal')).toHaveText(
    'Oracle: renews 2027-01-15 (in 46 days); notice deadline 2026-11-16 has passed',
  )
  await expect(page.getByTestId('vendor-overlap')).toHaveText('database: MongoDB Atlas, Oracle')
  await screenshotPage(page, testInfo.outputPath('vendors.png'))

  const redHat = billed('PublisherName', 'Red Hat Inc.')
  const figure = vendors.costRows('Red Hat Inc.', 'publisher').first().getByTestId('vendor-billed')
  await expect(figure).toHaveAttribute('data-value', sumDecimals(redHat))
  await figure.click()
  const rows = new RowsPage(page)
  await expect(rows.place).toContainText(`of ${redHat.length}`)
  await expect(rows.rows).toHaveCount(redHat.length)

  await page.keyboard.press('Escape')
  await vendors.entry('MongoDB Atlas').getByTestId('vendor-delete').click()
  await expect(vendors.entry('MongoDB Atlas')).toHaveCount(0)
  await expect(page.getByTestId('vendor-overlaps')).toContainText(
    'No category holds two or more vendors.',
  )
})
