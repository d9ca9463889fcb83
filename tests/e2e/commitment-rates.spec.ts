/**
 * Savings → Commitments (issue 13): the FOCUS spec's zero-utilization example imported in the
 * app with the BillingCurrency supplied, its period's utilization 0 % and unused cost in the
 * totals and the commitment's row, and the unused figure followed to the one row it sums.
 */
import { join } from 'node:path'
import { ROOT, sample } from '../helpers/paths'
import { CommitmentsPage } from './pages/commitments-page'
import { RowsPage } from './pages/rows-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const ZERO = sample(
  'focus-spec-examples/data/commitment_discount_flexibility/zero_percent_utilization_without_commitment_discount_flexibility.csv',
)
const ID = '<my-commitment-discount-id>'

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
