/** A file that overlaps what is loaded is never summed silently: the import asks, and "Replace the earlier rows" supersedes them with the delta shown. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { normalizeDecimal, subtractDecimals, sumDecimals } from '../../shared/money'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { expect, test } from './support/fixtures'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')

test('an overlapping file is refused with a choice; superseding replaces only the shared rows', async ({
  app,
  workspace,
  importer,
  loaded,
}, testInfo) => {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const provider = (row: string[]): string => row[at('ProviderName')] ?? ''
  // Microsoft's September restated (one cost changed) and Oracle's rows under a new account.
  const microsoft = rows.filter((r) => provider(r) === 'Microsoft')
  const restated = microsoft.map((r, i) =>
    i === 0 ? r.map((v, c) => (c === at('BilledCost') ? '4.25' : v)) : r,
  )
  const moved = rows
    .filter((r) => provider(r) === 'Oracle')
    .map((r) => r.map((v, c) => (c === at('BillingAccountId') ? '77777777' : v)))
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  const file = testInfo.outputPath('restated-and-new.csv')
  writeFileSync(file, [header, ...restated, ...moved].map((r) => r.map(cell).join(',')).join('\n'))
  const billed = (list: string[][]): string => sumDecimals(list.map((r) => r[at('BilledCost')]!))

  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()
  await app.goTo('import')
  await importer.importFiles([file])
  const outcome = importer.outcome('restated-and-new.csv')
  await expect(outcome).toHaveAttribute('data-status', 'failed')
  await expect(outcome.getByTestId('outcome-error')).toContainText('overlaps import #1')
  await expect(outcome.getByTestId('overlap-choices')).toBeVisible()

  await importer.chooseOnOverlap('restated-and-new.csv', 'Replace the earlier rows')
  await expect(outcome).toHaveAttribute('data-status', 'imported')
  const difference = normalizeDecimal(subtractDecimals(billed(restated), billed(microsoft)))
  await expect(outcome.getByTestId('outcome-supersession')).toContainText(
    `USD: 0 rows added, 0 removed, 1 changed; BilledCost +${difference}`,
  )

  await app.goTo('loaded')
  await loaded.waitForTable()
  const others = rows.filter((r) => provider(r) !== 'Microsoft')
  expect((await loaded.total('USD')).billed).toBe(billed([...others, ...restated, ...moved]))
})
