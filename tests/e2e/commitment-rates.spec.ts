/**
 * Savings → Commitments (issue 13): the FOCUS spec's zero-utilization example imported in the
 * app with the BillingCurrency supplied, its period's utilization 0 % and unused cost in the
 * totals and the commitment's row, and the unused figure followed to the one row it sums.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT, sample } from '../helpers/paths'
import { CommitmentsPage } from './pages/commitments-page'
import { RowsPage } from './pages/rows-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const ZERO = sample(
  'focus-spec-examples/data/commitment_discount_flexibility/zero_percent_utilization_without_commitment_discount_flexibility.csv',
)
const ID = '<my-commitment-discount-id>'
const GOLDEN = 'focus-data-toolkit-golden'
const AZURE_COSTS = sample(`${GOLDEN}/azure_1_3_cost_and_usage_rows100_seed42.csv`)
const AZURE_CONTRACTS = sample(`${GOLDEN}/azure_1_3_contract_commitment_rows100_seed42.csv`)

/** A CSV's rows as objects, read by the tests' own parser. */
function csvRows(path: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

test('a commitment example shows its utilization, and its unused cost opens its rows', async ({
  app,
  workspace,
  importer,
  loaded,
  page,
}) => {
  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([ZERO])
  const outcome = importer.outcome(
    'zero_percent_utilization_without_commitment_discount_flexibility.csv',
  )
  await expect(outcome).toHaveAttribute('data-status', 'failed')
  await outcome.getByRole('button', { name: 'Supply the missing values…' }).click()
  const form = outcome.getByTestId('missing-values-form')
  await form.getByLabel('BillingCurrency').fill('USD')
  await form.getByRole('button', { name: 'Import with these values' }).click()
  await expect(outcome).toHaveAttribute('data-status', 'imported', { timeout: 60_000 })

  const commitments = new CommitmentsPage(page)
  await commitments.open()
  await commitments.choosePeriod('2023-01')
  // The example: one commitment, its one Usage row Unused at EffectiveCost 1.50, nothing used.
  const totals = commitments.totals('USD')
  await expect(totals.getByTestId('commitment-total-utilization')).toContainText('0.0%')
  await expect(totals.getByTestId('total-unused')).toHaveText('USD 1.50')
  await expect(totals.getByTestId('commitment-total-utilization')).toContainText(
    'FinOps Foundation commitment discount utilization',
  )
  // ESR: (2.00 list of the on-demand row − 3.50 effective) ÷ 2.00.
  await expect(totals.getByTestId('commitment-total-effectiveSavingsRate')).toContainText('-75.0%')
  const row = commitments.row(ID)
  await expect(row.getByTestId('row-utilization')).toHaveText('0.0%')
  await expect(row.getByTestId('row-committed')).toHaveText('USD 1.50')
  await expect(row.getByTestId('row-purchases')).toHaveText('USD 1.50')
  await expect(page.getByTestId('commitment-expiries')).toContainText(
    'No Contract Commitment dataset is imported',
  )
  await screenshotPage(page, join(ROOT, 'test-results', 'commitments.png'))

  await row.getByTestId('row-unused').click()
  const rows = new RowsPage(page)
  await expect(page.getByTestId('rows-drawer')).toContainText(`Unused · ${ID} · USD · 2023-01`)
  await expect(rows.place).toContainText('of 1')
  await expect(rows.rows).toHaveCount(1)
  await expect(rows.rows.first()).toContainText('1.5')
  await screenshotPage(page, join(ROOT, 'test-results', 'commitments-rows.png'))
})

test('Azure cost rows with their Contract Commitment dataset: terms, expiries as of a day, a commitment’s used rows', async ({
  app,
  workspace,
  importer,
  loaded,
  page,
}) => {
  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([AZURE_COSTS, AZURE_CONTRACTS])
  for (const file of [AZURE_COSTS, AZURE_CONTRACTS])
    await expect(importer.outcome(file.split('/').at(-1)!)).toHaveAttribute(
      'data-status',
      'imported',
    )

  const commitments = new CommitmentsPage(page)
  await commitments.open()
  await commitments.choosePeriod('2026-05')
  // The commitment with the most Used rows in the file, and its Used EffectiveCost.
  const used = csvRows(AZURE_COSTS).filter(
    (r) => r.ChargeCategory === 'Usage' && r.CommitmentDiscountStatus === 'Used',
  )
  const counts = new Map<string, number>()
  for (const r of used)
    counts.set(r.CommitmentDiscountId!, (counts.get(r.CommitmentDiscountId!) ?? 0) + 1)
  const [id = '', n = 0] =
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? []
  const cost = sumDecimals(
    used.filter((r) => r.CommitmentDiscountId === id).map((r) => r.EffectiveCost!),
  )
  const row = commitments.row(id)
  await expect(row.getByTestId('row-used').locator('.amount')).toHaveAttribute('data-value', cost)
  // Its term from the Contract Commitment dataset (ContractCommitmentPeriodStart to End).
  await expect(row.getByTestId('row-term')).toContainText('1 year')
  await expect(row.getByTestId('row-term')).toContainText('ends 2027-')

  // Every commitment of the sample runs a year from May 2026: as of March 2027 some end soon.
  await page.getByTestId('commitments-as-of').fill('2027-03-01')
  await page.getByTestId('commitments-as-of').press('Enter')
  await commitments.settled()
  const expiries = page.getByTestId('commitment-expiries')
  await expect(expiries).toContainText('Ending within 90 days of 2027-03-01')
  const day = Date.parse('2027-03-01T00:00:00Z')
  const ending = csvRows(AZURE_CONTRACTS).filter((r) => {
    const left = (Date.parse(r.ContractCommitmentPeriodEnd!) - day) / 86_400_000
    return left >= 0 && left <= 90
  })
  await expect(expiries.getByTestId('commitment-expiry')).toHaveCount(ending.length)
  await screenshotPage(page, join(ROOT, 'test-results', 'commitments-azure.png'))
  // Every contract commitment with its term, on request.
  await page.getByTestId('commitment-terms-toggle').click()
  await expect(page.getByTestId('commitment-term')).toHaveCount(csvRows(AZURE_CONTRACTS).length)

  await row.getByTestId('row-used').click()
  const rows = new RowsPage(page)
  await expect(rows.place).toContainText(`of ${n}`)
  await expect(rows.rows).toHaveCount(n)
})
