/** AWS CUR legacy CSV imported as FOCUS 1.4 (shared/formats/aws-cur-legacy.ts): rows, exact totals, mapped values. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvRecords, sumBy } from '../../helpers/native-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

const ANONYMOUS = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
const KOKU = sample('koku-test-data/aws/2023-06-01.csv')
let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('AWS CUR legacy CSV', () => {
  it('imports the focus_converters sample: 1,281 rows, BilledCost = EffectiveCost = its UnblendedCost per currency', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, ANONYMOUS)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      status: 'imported',
      format: 'aws-cur-legacy/csv',
      focusVersion: '1.4',
      rowCount: 1281,
      reconciled: true,
    })
    // Usage and Tax rows only: no amortization, so both costs are the unblended cost.
    const unblended = sumBy(
      csvRecords(ANONYMOUS),
      'lineItem/CurrencyCode',
      (r) => r['lineItem/UnblendedCost'] ?? null,
    )
    const usd = normalizeDecimal(unblended.USD?.sum ?? '')
    expect(await storedSums(ws)).toEqual({ USD: { rows: 1281, billed: usd, effective: usd } })
    expect(record.totals).toMatchObject([{ currency: 'USD', rows: 1281, reconciled: true }])
    expect(normalizeDecimal(record.totals[0]?.billedSource ?? '')).toBe(usd)
  })

  it('maps ChargeCategory, ServiceCategory, periods and provider names from the CUR columns', async () => {
    ws = await freshWorkspace()
    await importFile(ws, ANONYMOUS)
    const categories = await ws.all(
      `SELECT ChargeCategory AS c, count(*)::BIGINT AS n FROM focus GROUP BY 1 ORDER BY 1`,
    )
    // The file's own LineItemType counts: Usage 1269, Tax 12 (shared/data/README.md).
    expect(categories.map((r) => [r.c, Number(r.n)])).toEqual([
      ['Tax', 12],
      ['Usage', 1269],
    ])
    // Line item ids repeat in this anonymized sample, so rows are found by their source row.
    const records = csvRecords(ANONYMOUS)
    const onDemand = records.findIndex((r) => r['pricing/term'] === 'OnDemand')
    const source = records[onDemand] ?? {}
    const [row] = await ws.all(
      `SELECT ServiceName, ServiceCategory, ServiceProviderName, HostProviderName, InvoiceIssuerName, ChargeFrequency, PricingCategory,
        RegionId, SkuMeter, strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s,
        strftime(BillingPeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS pe, "x_lineItem/LineItemType" AS t, x_FixCodes AS fixes,
        x_ServiceCode, x_Operation
       FROM focus WHERE x_SourceRow = $1`,
      [onDemand + 1],
    )
    expect(source['lineItem/ProductCode']).toBe('AWSCloudShell')
    expect(row).toMatchObject({
      ServiceName: source['product/ProductName'],
      // AWSCloudShell is not in the focus_converters lookup: the FOCUS catch-all.
      ServiceCategory: 'Other',
      ServiceProviderName: 'AWS',
      HostProviderName: 'AWS',
      InvoiceIssuerName: 'Amazon Web Services Canada, Inc.',
      ChargeFrequency: 'Usage-Based',
      PricingCategory: 'Standard',
      RegionId: 'us-east-1',
      SkuMeter: 'USE1-DataTransfer-xAZ-In-Bytes',
      s: '2023-11-05 04:00',
      pe: '2023-12-01 00:00',
      t: 'Usage',
      x_ServiceCode: 'AWSCloudShell',
      x_Operation: source['lineItem/Operation'],
    })
    // Every row's ServiceCategory is the lookup file's value for its ProductCode, read here from the file itself.
    const lookup = new Map(
      csvRecords(sample('focus-converters-samples/mapping_files/aws_category_mapping.csv')).map(
        (r) => [r.product_code, r.ServiceCategory],
      ),
    )
    const expected: Record<string, number> = {}
    for (const r of records) {
      const category = lookup.get(r['lineItem/ProductCode'] ?? '') ?? 'Other'
      expected[category] = (expected[category] ?? 0) + 1
    }
    const byCategory = await ws.all(
      'SELECT ServiceCategory AS c, count(*)::BIGINT AS n FROM focus GROUP BY 1',
    )
    expect(Object.fromEntries(byCategory.map((r) => [r.c, Number(r.n)]))).toEqual(expected)
    expect(row?.fixes).toEqual(
      expect.arrayContaining([
        'CHARGE_CATEGORY_FROM_LINE_ITEM_TYPE',
        'SERVICE_CATEGORY_FROM_PRODUCT_CODE',
      ]),
    )
    const [tax] = await ws.all(
      `SELECT PricingCategory, ConsumedQuantity, ChargeFrequency FROM focus WHERE ChargeCategory = 'Tax' LIMIT 1`,
    )
    expect(tax).toEqual({ PricingCategory: null, ConsumedQuantity: null, ChargeFrequency: null })
  })

  it('imports the Koku CUR (NOK, Savings Plan covered usage, cost categories): EffectiveCost is the Savings Plan rate', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, KOKU)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({ status: 'imported', rowCount: 3, reconciled: true })
    const records = csvRecords(KOKU)
    const billed = sumBy(
      records,
      'lineItem/CurrencyCode',
      (r) => r['lineItem/UnblendedCost'] ?? null,
    )
    const effective = sumBy(records, 'lineItem/CurrencyCode', (r) =>
      r['lineItem/LineItemType'] === 'SavingsPlanCoveredUsage'
        ? (r['savingsPlan/SavingsPlanEffectiveCost'] ?? null)
        : (r['lineItem/UnblendedCost'] ?? null),
    )
    expect(await storedSums(ws)).toEqual({
      NOK: {
        rows: 3,
        billed: normalizeDecimal(billed.NOK?.sum ?? ''),
        effective: normalizeDecimal(effective.NOK?.sum ?? ''),
      },
    })
    const [row] = await ws.all(
      `SELECT PricingCategory, CommitmentDiscountStatus, CommitmentDiscountCategory, CommitmentDiscountType, "x_costCategory/cost_env" AS env,
         strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s FROM focus ORDER BY x_SourceRow LIMIT 1`,
    )
    // Koku's times carry no offset: CUR times are UTC, whatever the machine's zone.
    expect(row).toMatchObject({
      PricingCategory: 'Committed',
      CommitmentDiscountStatus: 'Used',
      s: '2023-06-01 00:00',
    })
    expect(row?.env).toBeTypeOf('string')
  })

  const HEADER =
    'identity/LineItemId,bill/PayerAccountId,lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/CurrencyCode,lineItem/UnblendedCost,resourceTags/user:CostCenter,resourceTags/aws:createdBy'
  const ROW = (id: string, cost: string): string =>
    `${id},111122223333,Usage,2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,USD,${cost},cc-1,alice`

  it('a cost that is not a number is refused naming the file, row and CUR column', async () => {
    const path = join(tempDir(), 'cur-bad.csv')
    writeFileSync(path, [HEADER, ROW('a', '1.5'), ROW('b', 'n/a'), ''].join('\n'))
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.status).toBe('failed')
    expect(record.error).toMatchObject({
      code: 'BAD_VALUE',
      location: { file: 'cur-bad.csv', row: 2, column: 'lineItem/UnblendedCost', value: 'n/a' },
    })
    expect(record.error?.message).toMatch(
      /^cur-bad\.csv, row 2, column lineItem\/UnblendedCost: "n\/a" is not a number\./,
    )
    expect(await ws.all('SELECT count(*)::INTEGER AS n FROM focus')).toEqual([{ n: 0 }])
  })

  it('tag columns become the Tags object, keys as written (user:, aws:)', async () => {
    const path = join(tempDir(), 'cur-tags.csv')
    writeFileSync(
      path,
      [
        HEADER,
        ROW('a', '1.5'),
        'b,111122223333,Usage,2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,USD,2,,',
        '',
      ].join('\n'),
    )
    ws = await freshWorkspace()
    expect((await importFile(ws, path)).status).toBe('imported')
    const rows = await ws.all('SELECT Tags, x_FixCodes AS f FROM focus ORDER BY x_SourceRow')
    expect(JSON.parse(String(rows[0]?.Tags))).toEqual({
      'user:CostCenter': 'cc-1',
      'aws:createdBy': 'alice',
    })
    expect(rows[0]?.f).toContain('TAGS_FROM_RESOURCE_TAGS')
    expect(rows[1]?.Tags).toBeNull()
    expect(rows[1]?.f).not.toContain('TAGS_FROM_RESOURCE_TAGS')
  })

  it('a ragged row (one field short of the header, as in a real CUR sample) is refused at its line: Focal cannot tell which field is missing', async () => {
    const path = join(tempDir(), 'cur-ragged.csv')
    writeFileSync(
      path,
      [HEADER, ROW('a', '1.5'), ROW('b', '2').replace(/,alice$/, ''), ''].join('\n'),
    )
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.status).toBe('failed')
    expect(record.error?.message).toMatch(/^cur-ragged\.csv/)
    expect(record.error?.location).toMatchObject({ file: 'cur-ragged.csv', line: 3 })
    expect(await ws.all('SELECT count(*)::INTEGER AS n FROM focus')).toEqual([{ n: 0 }])
  })

  it('two provider columns differing only in case are refused, named by their place in the header', async () => {
    const path = join(tempDir(), 'cur-twice.csv')
    writeFileSync(
      path,
      [`${HEADER},pricing/term,pricing/Term`, `${ROW('a', '1.5')},OnDemand,OnDemand`, ''].join(
        '\n',
      ),
    )
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.error).toMatchObject({
      code: 'DUPLICATE_COLUMNS',
      message:
        'cur-twice.csv: two columns fill x_pricing/Term: "pricing/term" (column 10) and "pricing/Term" (column 11).',
    })
  })
})
