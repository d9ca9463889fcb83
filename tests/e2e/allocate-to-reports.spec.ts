/**
 * Finance's month end through the real web host: open the sample, load the
 * example allocation rules, check the live preview (Unallocated shown, the
 * reconciliation ✓), save them as a version with a note, then build the
 * chargeback pack for 2024-09 by the saved rules, check its totals against
 * the CSV summed here, export it with progress, download a PDF and the whole
 * pack as one ZIP; then the showback of the same month as one ZIP, without a journal.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sumDecimals } from '../../shared/money'
import { fixedDecimals, formatExact, roundDecimal } from '../../shared/report'
import { parseCsv } from '../helpers/csv-sums'
import { ROOT } from '../helpers/paths'
import { readZipEntries } from '../helpers/zip-reader'
import { expect, test } from './support/fixtures'
import { screenshotPage } from './support/screenshot'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')

/** The oracle: BilledCost of the September 2024 rows, summed exactly from the file. */
function septemberBilled(): string {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE_CSV, 'utf8'))
  const period = header.indexOf('BillingPeriodStart')
  const billed = header.indexOf('BilledCost')
  return sumDecimals(
    rows.filter((r) => (r[period] ?? '').startsWith('2024-09')).map((r) => r[billed] || '0'),
  )
}

test('allocate with the example rules, save a version, export the chargeback pack', async ({
  page,
  app,
  workspace,
  allocate,
  reports,
}, testInfo) => {
  // Two exports (chargeback, then showback) on a machine that may be busy.
  test.setTimeout(180_000)
  const expected = septemberBilled()
  await app.open()
  await workspace.openSample()

  await app.goTo('allocate')
  await allocate.loadExample()
  await allocate.period('2024-09')
  await allocate.waitForPreview('2024-09')
  expect(await allocate.rules.count()).toBe(10)
  await expect(allocate.row('Unallocated')).toBeVisible()
  await expect(allocate.row('Engineering')).toBeVisible()
  await expect(allocate.reconciliation('USD')).toHaveAttribute('data-ok', 'true')
  await expect(allocate.reconciliation('USD')).toContainText('✓')
  await expect(allocate.reconciliation('USD')).toContainText(formatExact(expected, 'USD'))

  expect(await allocate.save('Example rules for the September close')).toBe('Saved as version 1.')
  await expect(allocate.versions).toHaveCount(1)
  await expect(allocate.versions.first()).toContainText('Example rules for the September close')
  await expect(page.getByText('saved as version 1', { exact: true })).toBeVisible()
  await screenshotPage(page, join(ROOT, 'test-results', 'allocate.png'))
  expect(await allocate.save('Nothing changed')).toMatch(/^Unchanged/)
  await expect(allocate.versions).toHaveCount(1)

  await app.goTo('reports')
  await reports.kind('Chargeback')
  await reports.period('2024-09')
  await reports.bySavedRules()
  await reports.waitForPreview('Chargeback September 2024 (2024-09)')
  await expect(reports.row('Unallocated')).toBeVisible()
  await expect(reports.total('USD')).toHaveAttribute('data-value', roundDecimal(expected, 2))
  await expect(reports.reconciliation('USD')).toHaveAttribute('data-ok', 'true')
  await expect(reports.reconciliation('USD')).toContainText(formatExact(expected, 'USD'))

  // The journal's settings: the invoice's credit account and a ledger mapping for every cost center.
  const targets = await reports.targets()
  expect(targets).toContain('Unallocated')
  const ledger = join(testInfo.outputDir, 'ledger.csv')
  mkdirSync(testInfo.outputDir, { recursive: true })
  writeFileSync(
    ledger,
    [
      'target,ledger_account,cost_center_code',
      ...targets.map((t, i) => `"${t}",6${String(i).padStart(3, '0')},CC-${i}`),
    ].join('\n'),
  )
  await reports.creditAccount('2100')
  await reports.uploadLedger(
    ledger,
    new RegExp(`^${targets.length} of ${targets.length} cost centers have a ledger account`),
  )

  await reports.exportPack()
  await expect(page.getByTestId('export-count')).toHaveText(
    /^Done: (\d+) of \1 steps · \d+ files written/,
  )
  expect(await reports.files.count()).toBeGreaterThan(4)
  const download = await reports.download('chargeback-2024-09-summary.pdf')
  expect(download.suggestedFilename()).toBe('chargeback-2024-09-summary.pdf')
  const bytes = readFileSync(await download.path())
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')

  // The whole pack in one archive: every listed file, folders kept, the same bytes.
  const zip = await reports.downloadZip()
  expect(zip.suggestedFilename()).toBe('chargeback-2024-09.zip')
  const entries = await readZipEntries(await zip.path())
  const names = await reports.files.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-name')),
  )
  expect(entries.map((e) => e.name)).toEqual(names)
  expect(
    entries.find((e) => e.name === 'chargeback-2024-09-summary.pdf')?.bytes.equals(bytes),
  ).toBe(true)
  // The journal in the ZIP balances, and its credit is the invoice total at cents.
  const [header = [], ...journal] = parseCsv(
    entries.find((e) => e.name === 'chargeback-2024-09-journal.csv')?.bytes.toString('utf8') ?? '',
  )
  const side = (name: string): string =>
    sumDecimals(journal.map((r) => r[header.indexOf(name)] || '0'))
  expect(side('Debit')).toBe(side('Credit'))
  const credit = journal.find((r) => r[header.indexOf('Account')] === '2100')
  expect(credit?.[header.indexOf('Credit')]).toBe(fixedDecimals(expected, 2))
  await screenshotPage(page, join(ROOT, 'test-results', 'reports.png'))

  // The showback of the same month as one ZIP: the same cost, and no journal (it is not booked).
  await reports.kind('Showback')
  await reports.waitForPreview('Showback September 2024 (2024-09)')
  await expect(reports.total('USD')).toHaveAttribute('data-value', roundDecimal(expected, 2))
  await reports.exportPack()
  await expect(reports.file('showback-2024-09-manifest.json')).toBeVisible()
  const showbackZip = await reports.downloadZip()
  expect(showbackZip.suggestedFilename()).toBe('showback-2024-09.zip')
  const showback = await readZipEntries(await showbackZip.path())
  const listed = await reports.files.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-name')),
  )
  expect(showback.map((e) => e.name)).toEqual(listed)
  expect(showback.map((e) => e.name)).toContain('showback-2024-09-summary.csv')
  expect(showback.some((e) => /journal/i.test(e.name) || e.name.startsWith('chargeback-'))).toBe(
    false,
  )
  const manifest = JSON.parse(
    showback.find((e) => e.name === 'showback-2024-09-manifest.json')?.bytes.toString('utf8') ??
      '{}',
  ) as { report?: string; journal?: unknown; reconciliation?: Array<{ sum: string; ok: boolean }> }
  expect(manifest.report).toBe('showback')
  expect(manifest).not.toHaveProperty('journal')
  expect(manifest.reconciliation).toMatchObject([{ sum: expected, ok: true }])
  await screenshotPage(page, join(ROOT, 'test-results', 'reports-showback.png'))
})

test('rule files round-trip as JSON, and a broken one is refused by rule and field', async ({
  app,
  workspace,
  allocate,
}) => {
  await app.open()
  await workspace.openSample()
  await app.goTo('allocate')
  await allocate.loadExample()
  await allocate.period('2024-09')
  await allocate.waitForPreview('2024-09')

  const download = await allocate.exportRules()
  expect(download.suggestedFilename()).toBe(
    'demo-chargeback-for-the-focus-sample-september-2024.json',
  )
  const text = readFileSync(await download.path(), 'utf8')
  const rules = JSON.parse(text) as {
    dimensions: Array<{ rules: Array<{ id: string; when: Array<Record<string, unknown>> }> }>
  }
  expect(rules.dimensions[0]?.rules).toHaveLength(10)

  // A rule with an operator that does not exist: nothing changes, and the problem is named.
  const broken = structuredClone(rules)
  const second = broken.dimensions[0]?.rules[1]
  if (second?.when[0]) second.when[0].op = 'contains'
  await allocate.importRules({ name: 'broken.json', buffer: Buffer.from(JSON.stringify(broken)) })
  await expect(allocate.fileProblems).toContainText('broken.json was not loaded')
  await expect(allocate.fileProblems).toContainText('rule "platform-services" (#2), when[0]')
  await expect(allocate.origin).toHaveText('Example rules')
  await expect(allocate.problems).toHaveCount(0)

  // The file as exported comes back as the draft, with the same preview.
  await allocate.importRules({ name: 'september.json', buffer: Buffer.from(text) })
  await expect(allocate.origin).toHaveText('september.json')
  await expect(allocate.fileProblems).toHaveCount(0)
  await expect(allocate.reconciliation('USD')).toHaveAttribute('data-ok', 'true')
  await expect(allocate.rules).toHaveCount(10)
})
