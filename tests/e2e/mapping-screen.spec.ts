/**
 * A CSV no known format matches (an internal chargeback export with decimal
 * commas) is refused with "Map columns…"; on the mapping screen its columns are
 * mapped, the preview marks what would be refused until the transforms are
 * right, and "Save mapping and import" stores every row, reconciled.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UserMapping } from '../../shared/formats/user-mapping'
import { CHARGEBACK_HEADER, chargebackSums, writeChargebackCsv } from '../helpers/chargeback-csv'
import { ROOT } from '../helpers/paths'
import { MappingPage } from './pages/mapping-page'
import { screenshotPage } from './support/screenshot'
import { expect, test } from './support/fixtures'

test('a CSV no format matches is mapped on the mapping screen and imported', async ({
  page,
  app,
  workspace,
  importer,
  loaded,
}) => {
  const csv = writeChargebackCsv(undefined, 'team-chargeback.csv')
  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([csv])
  const outcome = importer.outcome('team-chargeback.csv')
  await expect(outcome).toHaveAttribute('data-status', 'failed')
  await expect(outcome.getByTestId('outcome-error')).toContainText(
    'team-chargeback.csv is not a billing export Focal recognizes',
  )
  await outcome.getByTestId('map-columns').click()

  const mapping = new MappingPage(page)
  await expect(mapping.screen).toContainText('Map columns of team-chargeback.csv')
  await expect(mapping.screen.getByTestId('mapping-problems')).toContainText(
    'BilledCost, BillingCurrency, ChargePeriodStart, ChargePeriodEnd',
  )
  await mapping.pickSource('BilledCost', 'Amount')
  // Read with a decimal point, the German amounts are refused, cell by cell.
  await expect(mapping.errorCells.first()).toBeVisible()
  await expect(mapping.screen.getByTestId('mapping-value-errors')).toContainText(
    'Row 1, BilledCost: "1.234,572" is not a number',
  )
  await mapping.screen
    .getByTestId('mapping-preview')
    .screenshot({ path: join(ROOT, 'test-results', 'mapping-preview-errors.png') })
  await mapping.pickOption('BilledCost decimal mark', 'Decimal ,')
  await mapping.pickOption('BilledCost thousands separator', 'Thousands .')
  await expect(mapping.screen.getByTestId('mapping-value-errors')).toHaveCount(0)
  await mapping.pickSource('BillingCurrency', 'Currency')
  await mapping.pickSource('ChargePeriodStart', 'Date')
  await mapping.type('ChargePeriodStart date format', '%d.%m.%Y')
  await mapping.pickSource('ChargePeriodEnd', 'Date')
  await mapping.type('ChargePeriodEnd date format', '%d.%m.%Y')
  await mapping.type('ChargePeriodEnd add days', '1')
  await mapping.pickSource('ServiceName', 'Service')
  await mapping.waitUntilReady()
  await expect(mapping.screen.getByTestId('mapping-preview')).toContainText('1234.572')
  await screenshotPage(page, join(ROOT, 'test-results', 'mapping-screen.png'))
  await mapping.screen
    .getByTestId('mapping-preview')
    .screenshot({ path: join(ROOT, 'test-results', 'mapping-preview.png') })

  await mapping.screen.getByTestId('mapping-save-import').click()
  await expect(mapping.screen).toHaveCount(0, { timeout: 60_000 })
  await expect(outcome).toHaveAttribute('data-status', 'imported')
  await expect(outcome).toContainText('reconciled')
  await expect(outcome).toContainText('37 rows · mapping:team-chargeback@')

  // Saved, and exported as the file `focal import --mapping` reads.
  const saved = page.getByTestId('saved-mapping').filter({ hasText: 'team-chargeback' })
  await expect(saved).toContainText('made for Date, Team, Amount, Currency, Service, Project')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    saved.getByRole('button', { name: 'Export' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('team-chargeback.focal-mapping.json')
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as UserMapping
  expect(file).toMatchObject({
    focalMapping: 1,
    name: 'team-chargeback',
    header: CHARGEBACK_HEADER,
  })
  expect(file.columns.BilledCost).toEqual({ column: 'Amount', decimal: ',', thousands: '.' })
  expect(file.columns.ChargePeriodEnd).toEqual({ column: 'Date', date: '%d.%m.%Y', addDays: 1 })

  const sums = chargebackSums()
  await app.goTo('loaded')
  await loaded.waitForTable()
  const eur = await loaded.total('EUR')
  expect([eur.rows, eur.billed]).toEqual([String(sums.EUR?.rows), sums.EUR?.sum])
})
