/**
 * A FOCUS Contract Commitment dataset imported in the app: What's loaded says how many
 * commitments and their exact cost, and the cost summary beside it does not change.
 * Expected figures come from the file itself (csv-sums).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { subtractDecimals, sumDecimals } from '../../shared/money'
import { csvSums } from '../helpers/csv-sums'
import { sample } from '../helpers/paths'
import { expect, test } from './support/fixtures'

const AZURE = 'focus-data-toolkit-golden/azure_1_3_contract_commitment_rows100_seed42.csv'

test("What's loaded shows the Contract Commitment dataset beside an unchanged cost summary", async ({
  app,
  workspace,
  importer,
  loaded,
  details,
  page,
}, testInfo) => {
  await app.open()
  await workspace.openSample()
  await app.goTo('loaded')
  await loaded.waitForTable()
  const before = await loaded.summaryText()
  await expect(loaded.commitmentsLine()).toHaveCount(0)

  await app.goTo('import')
  await importer.importFiles([sample(AZURE)])
  await expect(
    importer.outcome('azure_1_3_contract_commitment_rows100_seed42.csv'),
  ).toHaveAttribute('data-status', 'imported')

  const cost = csvSums(sample(AZURE), 'ContractCommitmentCost').USD!
  // The import's outcome names the dataset and its exact cost, not a BilledCost.
  const outcome = importer
    .outcome('azure_1_3_contract_commitment_rows100_seed42.csv')
    .getByTestId('outcome-commitments')
  await expect(outcome).toContainText(
    `Contract Commitment dataset: ${cost.rows} commitments, total`,
  )
  await expect(outcome.locator('[data-value]')).toHaveAttribute('data-value', cost.sum)

  await app.goTo('loaded')
  await loaded.waitForTable()
  const summary = loaded.commitmentsLine()
  await expect(summary).toContainText(
    `Contract Commitment dataset: ${cost.rows} commitments, total`,
  )
  await expect(summary.locator('[data-value]')).toHaveAttribute('data-value', cost.sum)
  await expect(summary.locator('[data-value]')).toHaveText('USD 539,071.29088')
  expect(await loaded.summaryText()).toBe(before)

  // Its import details compare ContractCommitmentCost in the file with what was stored.
  await details.openByClick('azure_1_3_contract_commitment_rows100_seed42.csv')
  const usd = details.panel.getByTestId('details-total-USD')
  await expect(usd.getByTestId('details-rows')).toHaveText(`${cost.rows} commitments stored`)
  await expect(usd.getByTestId('details-reconciled')).toBeVisible()
  const line = usd.getByTestId('details-ContractCommitmentCost')
  for (const side of ['source', 'stored'])
    await expect(line.getByTestId(side).locator('[data-value]')).toHaveAttribute(
      'data-value',
      cost.sum,
    )
  await expect(line.getByTestId('difference')).toHaveText('none')
  await expect(details.panel.getByTestId('details-lineage')).toContainText(
    'It has not superseded, or been superseded by, another import.',
  )
  await page.keyboard.press('Escape')

  // A restated file of the same commitments: one cost changes; its details show by how much.
  const [header = '', ...lines] = readFileSync(sample(AZURE), 'utf8').split('\n')
  const costAt = header.split(',').indexOf('ContractCommitmentCost')
  const first = (lines[0] ?? '').split(',')
  const difference = subtractDecimals('2300', first[costAt] ?? '')
  first[costAt] = '2300'
  const restated = testInfo.outputPath('restated-commitments.csv')
  writeFileSync(restated, [header, first.join(','), ...lines.slice(1)].join('\n'))
  await app.goTo('import')
  await importer.importFiles([restated])
  await expect(importer.outcome('restated-commitments.csv')).toHaveAttribute(
    'data-status',
    'imported',
  )
  await app.goTo('loaded')
  await expect(summary.locator('[data-value]')).toHaveAttribute(
    'data-value',
    sumDecimals([cost.sum, difference]),
  )
  await details.openByClick('restated-commitments.csv')
  const delta = details.panel.getByTestId('details-commitment-delta-USD')
  await expect(delta.getByRole('cell')).toHaveText(['USD', '0', '0', '1', `USD +${difference}`])
  await expect(delta.locator('[data-value]')).toHaveAttribute('data-value', difference)
})
