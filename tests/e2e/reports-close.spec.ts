/**
 * Closing a month from the Reports screen, as a controller would: export the
 * pack, close September with a note, import a late file (refused, naming the
 * file, the month and the note), reopen with a note, import it again, and
 * export: the new pack states the change since the close, equal to the late
 * rows' BilledCost, and the earlier pack is listed as no longer matching the data.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { MonthClosePage } from './pages/month-close-page'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const LATE_AMOUNTS = ['1.25', '2.5', '0.75']

/** Three September rows of the demo file as new rows: their own BilledCost and description. */
function writeLateFile(path: string): void {
  const [header = [], ...rows] = parseCsv(
    readFileSync(join(ROOT, 'resources/demo/focus-sample.csv'), 'utf8'),
  )
  const at = (name: string): number => header.indexOf(name)
  const september = rows.filter((r) => (r[at('BillingPeriodStart')] ?? '').startsWith('2024-09'))
  const late = september
    .slice(0, LATE_AMOUNTS.length)
    .map((r, i) =>
      r.map((v, j) =>
        j === at('BilledCost')
          ? (LATE_AMOUNTS[i] ?? '0')
          : j === at('ChargeDescription')
            ? `Late credit ${i + 1}`
            : v,
      ),
    )
  const line = (cells: string[]): string =>
    cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')
  writeFileSync(path, [header, ...late].map(line).join('\n') + '\n')
}

test('close September, refuse a late file, reopen, import it and export the changes', async ({
  page,
  app,
  workspace,
  importer,
  loaded,
  reports,
}, testInfo) => {
  test.setTimeout(180_000)
  const late = testInfo.outputPath('late-credit.csv')
  writeLateFile(late)
  const month = new MonthClosePage(page)

  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('reports')
  await reports.kind('Chargeback')
  await reports.period('2024-09')
  await reports.waitForPreview('Chargeback September 2024 (2024-09)')
  await month.waitForState('open')
  await reports.exportPack()
  await expect(month.packs).toHaveCount(1)
  await expect(month.packs.first()).toHaveAttribute('data-current', 'true')

  await month.close('September signed off by finance')
  await expect(month.card).toContainText('Closed on')
  await expect(month.card).toContainText('September signed off by finance')
  await month.card.screenshot({ path: join(ROOT, 'test-results', 'reports-close-closed.png') })

  await app.goTo('import')
  await importer.importFiles([late])
  const refused = importer.outcome('late-credit.csv')
  await expect(refused).toHaveAttribute('data-status', 'failed')
  const error = refused.getByTestId('outcome-error')
  await expect(error).toContainText('late-credit.csv has rows in the billing period 2024-09')
  await expect(error).toContainText('September signed off by finance')
  await expect(refused).toContainText('Reopen the month first')
  await screenshotPage(page, join(ROOT, 'test-results', 'reports-close-refused.png'))

  await app.goTo('reports')
  await reports.waitForPreview('Chargeback September 2024 (2024-09)')
  await month.waitForState('closed')
  await month.reopen('Late AWS credit arrived')
  await expect(month.card).toContainText('Reopened on')

  await app.goTo('import')
  await importer.importFiles([late])
  await expect(importer.outcome('late-credit.csv').last()).toHaveAttribute(
    'data-status',
    'imported',
  )

  await app.goTo('reports')
  await reports.waitForPreview('Chargeback September 2024 (2024-09)')
  await month.waitForState('reopened')
  // The pack made before the late rows no longer matches the data.
  await expect(month.packs.first()).toHaveAttribute('data-current', 'false')
  await expect(month.packs.first()).toContainText('No: the data changed')
  await reports.exportPack()
  await expect(month.packs).toHaveCount(2)
  await expect(month.packs.first()).toHaveAttribute('data-current', 'true')
  await expect(month.packs.nth(1)).toHaveAttribute('data-current', 'false')

  const download = await reports.download('chargeback-2024-09-changes-since-close.csv')
  const rows = parseCsv(readFileSync(await download.path(), 'utf8'))
  const total = rows.find((r) => r[0] === 'Total')
  expect(total?.[1]).toBe('USD')
  expect(total?.[4]).toBe(sumDecimals(LATE_AMOUNTS))
  expect(rows.find((r) => r[0] === 'Closed')?.[3]).toBe('September signed off by finance')
  await month.card.screenshot({ path: join(ROOT, 'test-results', 'reports-close-reopened.png') })
  await screenshotPage(page, join(ROOT, 'test-results', 'reports-close.png'))
  // A chargeback pack is never listed under showback.
  await reports.kind('Showback')
  await expect(month.card).toContainText('No showback pack has been exported')
  await expect(month.packs).toHaveCount(0)
})
