/**
 * Azure's actual and amortized exports of one period in the app: each result says which
 * export it is, a file whose rows do not tell is asked about ("It is the actual cost
 * export"), and the answer merges it with the amortized export instead of counting twice.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { normalizeDecimal, sumDecimals } from '../../shared/money'
import { csvRecords, sumBy } from '../helpers/native-sums'
import { ROOT, sample } from '../helpers/paths'
import { expect, test } from './support/fixtures'

const ACTUAL = sample('finops-toolkit-samples/EA_ActualCost_Small.csv')
const AMORTIZED = sample('finops-toolkit-samples/EA_AmortizedCost_Small.csv')
const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')

test('an Azure file its rows do not tell is asked about, and merges with the amortized export as told', async ({
  app,
  workspace,
  importer,
  loaded,
}, testInfo) => {
  // The actual export's on-demand rows only: no commitment row says which export it is.
  const plain = testInfo.outputPath('ea-on-demand.csv')
  writeFileSync(
    plain,
    readFileSync(ACTUAL, 'utf8')
      .split(/\r?\n/)
      .filter((line) => !line.includes('Purchase'))
      .join('\n'),
  )
  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([AMORTIZED, plain])
  await expect(
    importer.outcome('EA_AmortizedCost_Small.csv').getByTestId('outcome-cost-view'),
  ).toHaveText('Amortized cost export (told from its rows).')
  const outcome = importer.outcome('ea-on-demand.csv')
  await expect(outcome).toHaveAttribute('data-status', 'failed')
  await expect(outcome.getByTestId('outcome-error')).toContainText(
    'cannot tell whether it is the actual or the amortized',
  )

  await outcome
    .getByTestId('cost-view-choices')
    .getByRole('button', { name: 'It is the actual cost export' })
    .click()
  await expect(outcome).toHaveAttribute('data-status', 'imported', { timeout: 60_000 })
  await expect(outcome.getByTestId('outcome-cost-view')).toContainText(
    'Actual cost export (as you said): only its commitment purchases and refunds are counted; its other 10 rows are counted from the amortized export of the same period',
  )

  // Counted: the sample data, and every amortized row (its commitment usage billed at 0); none of the told file's rows.
  const amortizedBilled = sumBy(
    csvRecords(AMORTIZED),
    'BillingCurrency',
    (r) => r.Cost ?? null,
    (r) => r.PricingModel === 'OnDemand',
  )
  const demoBilled = sumBy(csvRecords(DEMO), 'BillingCurrency', (r) => r.BilledCost ?? null)
  await app.goTo('loaded')
  await loaded.waitForTable()
  expect(normalizeDecimal((await loaded.total('USD')).billed)).toBe(
    normalizeDecimal(sumDecimals([amortizedBilled.USD?.sum ?? '0', demoBilled.USD?.sum ?? '0'])),
  )
})
