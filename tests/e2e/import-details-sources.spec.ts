/**
 * The import-details drawer says how rows were read: the part of an AWS CUR delivery an import
 * was, with the parts an incomplete delivery lacked; and the column mapping a file was read with,
 * by name and SHA-256, its rules as a table (FOCUS column ← source or constant, transforms) and
 * the mapping file to export, whose bytes hash to the SHA-256 shown.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UserMapping } from '../../shared/formats/user-mapping'
import { writeChargebackCsv } from '../helpers/chargeback-csv'
import { curSample, splitRows, writeCurDelivery } from '../helpers/cur-delivery'
import { ROOT, tempDir } from '../helpers/paths'
import { writeZip } from '../helpers/zip-writer'
import { MappingPage } from './pages/mapping-page'
import { expect, test } from './support/fixtures'

test('import details: the AWS CUR delivery part, and an incomplete delivery’s missing part', async ({
  page,
  app,
  workspace,
  importer,
  loaded,
  details,
}) => {
  // A delivery comes in a folder or ZIP with its manifest; the third part is left out.
  const delivery = writeCurDelivery(tempDir(), 'assembly-e2e', splitRows(curSample().rows, 3), {
    skip: [2],
  })
  const inner = 'cur/20231101-20231201/assembly-e2e'
  const zip = join(tempDir(), 'cur-delivery.zip')
  writeZip(zip, [
    { name: `${inner}/cur-Manifest.json`, data: readFileSync(delivery.manifest) },
    ...delivery.parts
      .slice(0, 2)
      .map((p) => ({ name: `${inner}/${p.name}`, data: readFileSync(p.path) })),
  ])
  const partName = `cur-delivery.zip/${inner}/cur-00002.csv.gz`
  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([zip])
  await page
    .getByTestId('incomplete-choice')
    .getByRole('button', { name: 'Import the parts that are here (marked incomplete)' })
    .click()
  await expect(page.getByTestId('import-progress')).toHaveCount(0, { timeout: 60_000 })
  await expect(importer.outcome(partName)).toHaveAttribute('data-status', 'imported')

  await app.goTo('loaded')
  await details.openByClick('cur-00002.csv.gz')
  expect(await details.fact('details-delivery')).toBe(
    `Part 2 of 3 of AWS CUR delivery assembly-e2e (cur-delivery.zip/${inner}/cur-Manifest.json)`,
  )
  await expect(details.panel.getByTestId('details-incomplete')).toContainText(
    'Part cur-00003.csv.gz was missing when this delivery was imported (imported incomplete, on request)',
  )
  await expect(details.panel.getByTestId('details-mapping-section')).toHaveCount(0)
  await details.screenshot(join(ROOT, 'test-results', 'import-details-delivery.png'))
  await details.closeWithEscape()

  // A file that is no delivery part has neither line.
  await details.openByClick('focus-sample.csv')
  await expect(details.panel.getByTestId('details-delivery')).toHaveCount(0)
  await expect(details.panel.getByTestId('details-incomplete')).toHaveCount(0)
})

test('import details: the column mapping a file was read with, its rules and its file', async ({
  page,
  app,
  workspace,
  importer,
  loaded,
  details,
}) => {
  const csv = writeChargebackCsv(undefined, 'mapped-chargeback.csv')
  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([csv])
  await importer.outcome('mapped-chargeback.csv').getByTestId('map-columns').click()
  const mapping = new MappingPage(page)
  await mapping.pickSource('BilledCost', 'Amount')
  await mapping.pickOption('BilledCost decimal mark', 'Decimal ,')
  await mapping.pickOption('BilledCost thousands separator', 'Thousands .')
  await mapping.pickSource('BillingCurrency', 'Currency')
  await mapping.pickSource('ChargePeriodStart', 'Date')
  await mapping.type('ChargePeriodStart date format', '%d.%m.%Y')
  await mapping.pickSource('ChargePeriodEnd', 'Date')
  await mapping.type('ChargePeriodEnd date format', '%d.%m.%Y')
  await mapping.type('ChargePeriodEnd add days', '1')
  await mapping.pickSource('ServiceName', 'Service')
  await mapping.waitUntilReady()
  await mapping.screen.getByTestId('mapping-save-import').click()
  await expect(mapping.screen).toHaveCount(0, { timeout: 60_000 })
  await expect(importer.outcome('mapped-chargeback.csv')).toHaveAttribute('data-status', 'imported')

  await app.goTo('loaded')
  await details.openByClick('mapped-chargeback.csv')
  const section = details.panel.getByTestId('details-mapping-section')
  await expect(section.getByTestId('details-mapping-name')).toHaveText('mapped-chargeback')
  const sha = (await section.getByTestId('details-mapping-sha256').innerText()).trim()
  expect(sha).toMatch(/^[0-9a-f]{64}$/)
  expect(await details.fact('details-format')).toBe(
    `mapping:mapped-chargeback@${sha.slice(0, 12)}/csv`,
  )
  expect(await details.fact('details-mapping-fact')).toBe(
    `mapped-chargeback (sha256 ${sha.slice(0, 12)})`,
  )

  // The rules as made on the screen, one line per column, in the drawer's words.
  const rules: Record<string, string[]> = {}
  for (const line of await section.getByTestId('details-mapping-rule').all()) {
    const cells = await line
      .getByRole('cell')
      .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim()))
    rules[(await line.getAttribute('data-target')) ?? ''] = cells.slice(1)
  }
  expect(rules.BilledCost).toEqual(['← Amount', 'decimal mark ","; thousands separator "."'])
  expect(rules.BillingCurrency).toEqual(['← Currency', 'as written'])
  expect(rules.ChargePeriodStart).toEqual(['← Date', 'date format %d.%m.%Y'])
  expect(rules.ChargePeriodEnd).toEqual(['← Date', 'date format %d.%m.%Y; +1 day'])
  expect(rules.ServiceName).toEqual(['← Service', 'as written'])
  await details.screenshot(join(ROOT, 'test-results', 'import-details-mapping.png'))

  // The exported file is the mapping as recorded: its bytes hash to the SHA-256 shown.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export mapping' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('mapped-chargeback.focal-mapping.json')
  const saved = join(tempDir(), 'exported.json')
  await download.saveAs(saved)
  const bytes = readFileSync(saved)
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha)
  const exported = JSON.parse(bytes.toString('utf8')) as UserMapping
  expect(exported.name).toBe('mapped-chargeback')
  expect(Object.keys(exported.columns)).toEqual(Object.keys(rules))
})
