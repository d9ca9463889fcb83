/**
 * The import-details drawer: opened from a registry row by mouse and by keyboard, it shows the
 * file's identity, its source and stored totals to the last decimal, the FOCUS rules checked with
 * their failures, the fixes applied and the columns kept, and a failed file's error with where
 * and what to do. Expected figures come from the files themselves (csv-sums), never from Focal.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { csvSums, parseCsv } from '../helpers/csv-sums'
import { subtractDecimals } from '../../shared/money'
import { csvRecords, sumBy } from '../helpers/native-sums'
import { ROOT, sample } from '../helpers/paths'
import { expect, test } from './support/fixtures'

const SAMPLE_CSV = join(ROOT, 'resources', 'demo', 'focus-sample.csv')
const CUR_CSV = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
/** FOCUS 1.4 ChargeCategory values (reference/focus-spec.md), written out here on purpose. */
const CHARGE_CATEGORIES = ['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment']

/** A small FOCUS file that breaks three rules on known rows, in two currencies. */
const RULES_CSV = [
  'BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,Tags',
  '1.25,1.00,USD,Usage,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"{""team"":""web""}"',
  '2.50,2.00,USD,Bogus,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"{""team"": web"',
  '3.75,3.00,USD,Refund,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,',
  '0.005,0.001,EUR,Usage,2024-09-03T00:00:00Z,2024-09-02T00:00:00Z,',
].join('\n')

/** Failing row count and first data row (1-based) of `fails` over the rows of a CSV, computed here. */
function failures(path: string, fails: (row: Record<string, string>) => boolean) {
  const failing = csvRecords(path)
    .map((row, i) => (fails(row) ? i + 1 : 0))
    .filter((n) => n > 0)
  return { rows: String(failing.length), firstRow: failing.length ? String(failing[0]) : '—' }
}

const notJsonObject = (text: string): boolean => {
  if (text === '') return false
  try {
    const value: unknown = JSON.parse(text)
    return typeof value !== 'object' || value === null || Array.isArray(value)
  } catch {
    return true
  }
}

test('import details: identity, exact totals, rules, fixes, columns kept; keyboard reachable', async ({
  page,
  app,
  workspace,
  loaded,
  details,
}) => {
  const billed = csvSums(SAMPLE_CSV, 'BilledCost').USD
  const effective = csvSums(SAMPLE_CSV, 'EffectiveCost').USD
  const sha256 = createHash('sha256').update(readFileSync(SAMPLE_CSV)).digest('hex')

  await app.open()
  await workspace.openSample()
  await loaded.waitForTable()

  // Keyboard: Tab reaches the registry row's handle, Enter opens, Escape closes and gives focus back.
  const opener = details.opener('focus-sample.csv')
  let presses = 0
  while (!(await opener.evaluate((el) => el === document.activeElement)) && presses < 80) {
    await page.keyboard.press('Tab')
    presses += 1
  }
  await expect(opener).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(details.panel).toBeVisible()
  // Focus moves into the drawer, so a keyboard user is where the details are.
  expect(await details.panel.evaluate((el) => el.contains(document.activeElement))).toBe(true)

  expect(await details.fact('details-file')).toBe('focus-sample.csv')
  await expect(details.panel.getByTestId('details-sha256').locator('[data-sha256]')).toHaveText(
    sha256,
  )
  await expect(details.panel.getByRole('button', { name: 'Copy SHA-256' })).toBeVisible()
  expect(await details.fact('details-size')).toContain(
    `(${statSync(SAMPLE_CSV).size.toLocaleString('en-US')} bytes)`,
  )
  expect(await details.fact('details-focus-version')).toBe('1.0')
  expect(await details.fact('details-row-count')).toBe('1,000')
  expect(await details.fact('details-status')).toMatch(/^imported\s*reconciled$/i)
  expect(await details.fact('details-started')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/)

  expect(await details.total('USD')).toEqual({
    rows: '1,000 rows stored',
    reconciled: true,
    billedSource: billed?.sum,
    billedStored: billed?.sum,
    billedDifference: '0',
    effectiveSource: effective?.sum,
    effectiveStored: effective?.sum,
    effectiveDifference: '0',
  })
  // Every rule whose columns the sample has was checked, and none fails.
  const rules = await details.rules()
  expect(rules.map((r) => r.rule).sort()).toEqual(
    [
      'BilledCost.NotNull',
      'BillingCurrency.Format',
      'ChargeCategory.Allowed',
      'ChargeClass.Allowed',
      'ChargePeriod.Order',
      'ServiceCategory.Allowed',
      'Tags.JsonObject',
    ].sort(),
  )
  expect(rules.every((r) => r.result === 'passes' && r.rows === '0')).toBe(true)
  expect(await details.fixes()).toEqual({})
  // Id and PublisherName are not FOCUS 1.4 columns (data/README.md: the sample's extra Id column).
  expect((await details.columnsKept()).sort()).toEqual(
    ['Id → x_Id', 'PublisherName → x_PublisherName'].sort(),
  )
  await details.screenshot(join(ROOT, 'test-results', 'import-details-1440.png'))
  await page.setViewportSize({ width: 1024, height: 768 })
  await details.screenshot(join(ROOT, 'test-results', 'import-details-1024.png'))
  await page.setViewportSize({ width: 1440, height: 900 })

  await details.closeWithEscape()
  await expect(opener).toBeFocused()
})

test('import details: rule failures with their first rows, a native file’s fixes, and a failed file’s error', async ({
  app,
  workspace,
  importer,
  loaded,
  details,
}, testInfo) => {
  const rulesFile = testInfo.outputPath('rules-broken.csv')
  writeFileSync(rulesFile, `${RULES_CSV}\n`)
  const badFile = testInfo.outputPath('bad-amount.csv')
  writeFileSync(
    badFile,
    'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd\n' +
      '1.25,1.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z\n' +
      'abc,2.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z\n',
  )

  await app.open()
  await workspace.openSample()
  await app.goTo('import')
  await importer.importFiles([rulesFile, CUR_CSV, badFile])
  await app.goTo('loaded')
  await loaded.waitForTable()

  // Rule failures, each count and first row computed from the file here.
  await details.openByClick('rules-broken.csv')
  const rules = Object.fromEntries((await details.rules()).map((r) => [r.rule, r]))
  const expectRule = (rule: string, fails: (row: Record<string, string>) => boolean): void => {
    const expected = failures(rulesFile, fails)
    const failed = expected.rows !== '0'
    expect(rules[rule]).toEqual({ rule, result: failed ? 'fails' : 'passes', ...expected })
  }
  expectRule(
    'ChargeCategory.Allowed',
    (row) => !CHARGE_CATEGORIES.includes(row.ChargeCategory ?? ''),
  )
  expectRule('ChargePeriod.Order', (row) => row.ChargePeriodEnd! <= row.ChargePeriodStart!)
  expectRule('Tags.JsonObject', (row) => notJsonObject(row.Tags ?? ''))
  expectRule('BilledCost.NotNull', (row) => row.BilledCost === '')
  expectRule('BillingCurrency.Format', (row) => !/^[A-Z]{3}$/.test(row.BillingCurrency ?? ''))
  expect(Object.keys(rules)).toHaveLength(5)
  for (const currency of ['EUR', 'USD']) {
    const billed = csvSums(rulesFile, 'BilledCost')[currency]
    const effective = csvSums(rulesFile, 'EffectiveCost')[currency]
    expect(await details.total(currency)).toMatchObject({
      rows: `${billed?.rows} ${billed?.rows === 1 ? 'row' : 'rows'} stored`,
      reconciled: true,
      billedSource: billed?.sum,
      billedStored: billed?.sum,
      effectiveSource: effective?.sum,
      effectiveStored: effective?.sum,
    })
  }
  await details.screenshot(join(ROOT, 'test-results', 'import-details-rules.png'))
  await details.closeWithEscape()

  // A native AWS CUR file: every row's ChargeCategory is derived from lineItem/LineItemType.
  await details.openByClick('sample-anonymous-aws-export-dataset.csv')
  const [, ...curRows] = parseCsv(readFileSync(CUR_CSV, 'utf8'))
  const curCount = curRows.length.toLocaleString('en-US')
  expect((await details.fixes()).CHARGE_CATEGORY_FROM_LINE_ITEM_TYPE).toBe(
    `${curCount} of ${curCount}`,
  )
  // The CUR writes some amounts in E-notation (1.81E-8): native-sums spells them out exactly.
  const unblended = sumBy(
    csvRecords(CUR_CSV),
    'lineItem/CurrencyCode',
    (row) => row['lineItem/UnblendedCost'] ?? null,
  ).USD
  expect(await details.total('USD')).toMatchObject({
    reconciled: true,
    billedSource: unblended?.sum,
    billedStored: unblended?.sum,
  })
  const kept = await details.columnsKept()
  const header = parseCsv(readFileSync(CUR_CSV, 'utf8'))[0] ?? []
  // Each kept column is one of the file's own columns, stored under an x_ name.
  expect(kept.length).toBeGreaterThan(0)
  for (const line of kept) {
    const [source = '', target = ''] = line.split(' → ')
    expect(header).toContain(source)
    expect(target).toMatch(/^x_/)
  }
  await details.screenshot(join(ROOT, 'test-results', 'import-details-native.png'))
  await details.closeWithEscape()

  // A failed file: its error names row, column and value, says what to do, and nothing was stored.
  await details.openByClick('bad-amount.csv')
  expect(await details.fact('details-status')).toMatch(/^failed$/i)
  const alert = details.panel.getByTestId('error-alert')
  await expect(alert).toContainText('bad-amount.csv, row 2, column BilledCost')
  await expect(alert).toContainText('Where: bad-amount.csv, row 2, column BilledCost, value "abc"')
  await expect(alert).toContainText('Fix the file and import it again')
  await expect(details.panel.getByTestId('details-totals')).toContainText('Nothing was stored')
  await details.screenshot(join(ROOT, 'test-results', 'import-details-failed.png'))
  await details.closeWithEscape()
})

/** One month of one billing account, delivered and then restated (a row changed, a row added). */
const SCOPE_HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,BillingPeriodStart,BillingPeriodEnd,ProviderName,BillingAccountId,ResourceId'
const day = (d: number): string => `2024-09-0${d}T00:00:00Z`
const line = (billed: string, effective: string, d: number, resource: string): string =>
  `${billed},${effective},USD,Usage,${day(d)},${day(d + 1)},${day(1)},2024-10-01T00:00:00Z,Acme,acct-1,${resource}`
const FIRST_CSV = [SCOPE_HEADER, line('10.00', '9.00', 1, 'r1'), line('5.00', '5.00', 2, 'r2')]
const RESTATED_CSV = [
  SCOPE_HEADER,
  line('10.00', '9.00', 1, 'r1'),
  line('7.25', '6.50', 2, 'r2'),
  line('1.00', '1.00', 3, 'r3'),
]

test('import details: a restatement names what it superseded with its delta, and the earlier import what superseded it', async ({
  app,
  workspace,
  importer,
  loaded,
  details,
}, testInfo) => {
  const first = testInfo.outputPath('sept-first.csv')
  const restated = testInfo.outputPath('sept-restated.csv')
  writeFileSync(first, `${FIRST_CSV.join('\n')}\n`)
  writeFileSync(restated, `${RESTATED_CSV.join('\n')}\n`)
  // The delta, from the two files: rows by ResourceId, amounts summed exactly.
  const byResource = (path: string): Map<string, string> =>
    new Map(
      csvRecords(path).map((row) => [
        row.ResourceId ?? '',
        `${row.BilledCost}/${row.EffectiveCost}`,
      ]),
    )
  const before = byResource(first)
  const after = byResource(restated)
  const added = [...after.keys()].filter((key) => !before.has(key)).length
  const removed = [...before.keys()].filter((key) => !after.has(key)).length
  const changed = [...after].filter(([key, v]) => before.has(key) && before.get(key) !== v).length
  const sum = (path: string, column: string): string => csvSums(path, column).USD?.sum ?? ''

  await app.open()
  await workspace.openSample()
  await app.goTo('import')
  await importer.importFiles([first])
  await importer.importFiles([restated])
  await expect(importer.outcome('sept-restated.csv')).toHaveAttribute('data-status', 'imported')
  await app.goTo('loaded')
  await loaded.waitForTable()

  await details.openByClick('sept-restated.csv')
  await expect(details.panel.getByTestId('details-supersedes')).toContainText('Supersedes import #')
  await expect(details.panel.getByTestId('details-supersedes')).toContainText('(sept-first.csv)')
  expect(await details.delta('USD')).toEqual({
    added: String(added),
    removed: String(removed),
    changed: String(changed),
    billed: subtractDecimals(sum(restated, 'BilledCost'), sum(first, 'BilledCost')),
    effective: subtractDecimals(sum(restated, 'EffectiveCost'), sum(first, 'EffectiveCost')),
  })
  await details.screenshot(join(ROOT, 'test-results', 'import-details-supersedes.png'))
  await details.closeWithEscape()

  await details.openByClick('sept-first.csv')
  await expect(details.panel.getByTestId('details-superseded-by')).toContainText(
    '(sept-restated.csv)',
  )
  await expect(details.panel.getByTestId('details-scope')).toContainText(
    'no, superseded by import #',
  )
  expect(await details.fact('details-status')).toMatch(/superseded/i)
  await details.closeWithEscape()
})
