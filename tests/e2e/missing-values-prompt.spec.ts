/**
 * A FOCUS file lacking BillingCurrency in the app (the spec's commitment examples): the
 * MISSING_COLUMNS result offers "Supply the missing values…", a value per missing column,
 * and the file imports with it, the outcome saying what was assumed for every row.
 */
import { sample } from '../helpers/paths'
import { expect, test } from './support/fixtures'

const PURCHASE = sample(
  'focus-spec-examples/data/commitment_discount_scenarios/commitment_discount_purchase_scenario_1.csv',
)

test('a FOCUS file lacking BillingCurrency imports with the currency the user supplies', async ({
  app,
  workspace,
  importer,
  loaded,
}) => {
  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([PURCHASE])
  const outcome = importer.outcome('commitment_discount_purchase_scenario_1.csv')
  await expect(outcome).toHaveAttribute('data-status', 'failed')
  await expect(outcome.getByTestId('outcome-error')).toContainText(
    'lacks required FOCUS column: BillingCurrency.',
  )

  await outcome.getByRole('button', { name: 'Supply the missing values…' }).click()
  const form = outcome.getByTestId('missing-values-form')
  const importButton = form.getByRole('button', { name: 'Import with these values' })
  await expect(importButton).toBeDisabled()
  await form.getByLabel('BillingCurrency').fill('USD')
  await importButton.click()
  await expect(outcome).toHaveAttribute('data-status', 'imported', { timeout: 60_000 })
  await expect(outcome.getByTestId('outcome-assumed')).toHaveText(
    'Assumed for every row (the file has no such column): BillingCurrency = USD',
  )
})
