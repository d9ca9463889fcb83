/**
 * The newcomer's path through the real web host: open the sample, check its
 * totals to the last decimal against the file itself, import a provider
 * export through the page, then pivot and chart it.
 */
import { formatMoney } from '../../shared/money'
import { csvSums } from '../helpers/csv-sums'
import { ROOT, sample } from '../helpers/paths'
import { expect, test } from './support/fixtures'
import { join } from 'node:path'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
const AWS_CSV = sample('focus-data-toolkit-golden/aws_1_2_cost_and_usage_rows100_seed42.csv')

test('sample totals are exact, an import reconciles, and a pivot draws', async ({
  page,
  app,
  workspace,
  importer,
  loaded,
  explore,
}) => {
  // Independent oracle: the sums come from parsing the CSV here, not from DuckDB.
  const billed = csvSums(SAMPLE_CSV, 'BilledCost').USD
  const effective = csvSums(SAMPLE_CSV, 'EffectiveCost').USD
  expect(billed?.rows).toBe(1000)
  expect(Number(billed?.sum).toFixed(6)).toBe('20.520227')
  expect(Number(effective?.sum).toFixed(6)).toBe('14.976514')

  await app.open()
  await workspace.openSample()
  const sampleTotal = await loaded.total('USD')
  expect(sampleTotal.rows).toBe('1,000')
  expect(sampleTotal.billed).toBe(billed?.sum)
  expect(sampleTotal.effective).toBe(effective?.sum)
  // What people read is the same exact figure, formatted.
  expect(sampleTotal.billedText).toBe(
    formatMoney(billed?.sum ?? '', 'USD', { maximumFractionDigits: 18 }),
  )

  await app.goTo('import')
  await importer.importFiles([AWS_CSV])
  const outcome = importer.outcome('aws_1_2_cost_and_usage_rows100_seed42.csv')
  await expect(outcome).toHaveAttribute('data-status', 'imported')
  await expect(outcome.getByText('reconciled')).toBeVisible()

  await app.goTo('loaded')
  await loaded.waitForTable()
  const row = loaded.registryRow('aws_1_2_cost_and_usage_rows100_seed42.csv')
  await expect(row.getByTestId('reconciled-badge')).toBeVisible()
  await expect(row).toContainText('100')
  const combined = await loaded.total('USD')
  expect(combined.rows).toBe('1,100')
  await page.screenshot({ path: join(ROOT, 'test-results', 'loaded.png'), fullPage: true })

  await app.goTo('explore')
  await explore.groupBy('ServiceName')
  await explore.measure('EffectiveCost')
  await explore.waitForResult('EffectiveCost')
  expect(await explore.rows.count()).toBeGreaterThan(3)
  await expect(explore.chartCanvas).toBeVisible()
  // Top N folds the rest into "(Other)", so the pivot's total is the whole workspace's.
  expect(await explore.total('USD')).toBe(combined.effective)
  await page.screenshot({ path: join(ROOT, 'test-results', 'explore.png'), fullPage: true })
})
