/**
 * validateFile on real samples and small broken files: every failing count and
 * sample row is computed here from the file itself (a plain CSV parse), never
 * copied from the engine's output.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { RuleResult, Validation } from '../../../electron/core/validate/rule-results'
import { validateFile } from '../../../electron/core/validate/validate-file'
import { COLUMN_RENAMES, FOCUS_COLUMNS } from '../../../shared/focus'
import { decimalsEqual } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const FOCUS_10 = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const GOLDEN = 'focus-data-toolkit-golden'

/** The file's rows as objects keyed by FOCUS 1.4 name; empty and literal NULL are null (as staging reads them). */
function rowsOf(path: string): Array<Record<string, string | null>> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  return rows.map((row) =>
    Object.fromEntries(
      header.map((name, i) => {
        const value = (row[i] ?? '').trim()
        return [COLUMN_RENAMES[name] ?? name, value === '' || value === 'NULL' ? null : value]
      }),
    ),
  )
}

/** Failing count and first five (row, value) of a predicate over the file's rows, rows 1-based. */
function expected(
  rows: Array<Record<string, string | null>>,
  breaks: (row: Record<string, string | null>) => boolean,
  shown: string,
): { failingRows: number; samples: Array<{ row: number; value: string | null }> } {
  const failing = rows.flatMap((row, i) =>
    breaks(row) ? [{ row: i + 1, value: row[shown] ?? null }] : [],
  )
  return { failingRows: failing.length, samples: failing.slice(0, 5) }
}

function rule(v: Validation, id: string): RuleResult {
  const found = v.rules.find((r) => r.rule === id)
  if (!found) throw new Error(`rule ${id} was not checked`)
  return found
}

const failedIds = (v: Validation): string[] => v.rules.filter((r) => !r.passed).map((r) => r.rule)

/** Per-column rules recomputed in TypeScript: not-null, allowed values, the currency pattern. */
function columnOracle(
  rows: Array<Record<string, string | null>>,
  r: RuleResult,
): ReturnType<typeof expected> | null {
  const allowed: Record<string, readonly string[]> = {
    ChargeFrequency: ['One-Time', 'Recurring', 'Usage-Based'],
    PricingCategory: ['Standard', 'Dynamic', 'Committed', 'Other'],
    CommitmentDiscountCategory: ['Spend', 'Usage'],
    CommitmentDiscountStatus: ['Used', 'Unused'],
    CapacityReservationStatus: ['Used', 'Unused'],
    ChargeClass: ['Correction'],
  }
  const c = r.column
  if (r.check === 'nullability') return expected(rows, (row) => row[c] == null, c)
  if (r.check === 'allowed' && allowed[c])
    return expected(rows, (row) => row[c] != null && !allowed[c]!.includes(row[c]!), c)
  if (r.rule === 'BillingCurrency.Format')
    return expected(rows, (row) => !/^[A-Z]{3}$/.test(row[c] ?? ''), c)
  return null
}

describe('validateFile', () => {
  it('checks the FOCUS 1.0 sample: exact failing rows and samples of each broken rule', async () => {
    const v = await validateFile(FOCUS_10, 'focus_sample.csv')
    const rows = rowsOf(FOCUS_10)
    expect(v).toMatchObject({ focusVersion: '1.0', format: 'csv', rows: rows.length, error: null })
    expect(rows.length).toBe(1000)
    // Every present Mandatory column, and every per-column rule, as the TypeScript parse sees it.
    const header = new Set(Object.keys(rows[0]!))
    for (const c of FOCUS_COLUMNS.filter((c) => c.level === 'Mandatory' && c.since <= '1.0'))
      expect(rule(v, `${c.name}.Present`).passed).toBe(header.has(c.name))
    let checked = 0
    for (const r of v.rules) {
      const want = columnOracle(rows, r)
      if (!want) continue
      checked += 1
      expect({ rule: r.rule, failingRows: r.failingRows, samples: r.samples }).toEqual({
        rule: r.rule,
        ...want,
      })
    }
    expect(checked).toBeGreaterThan(15)
    const regionPairs = expected(
      rows,
      (row) => (row.RegionId == null) !== (row.RegionName == null),
      'RegionName',
    )
    expect(rule(v, 'RegionName.WithRegionId')).toMatchObject(regionPairs)
    const credits = expected(
      rows,
      (row) =>
        row.ChargeCategory === 'Credit' && !decimalsEqual(row.EffectiveCost!, row.BilledCost!),
      'EffectiveCost',
    )
    expect(rule(v, 'EffectiveCost.Credit')).toMatchObject({ ...credits, severity: 'warning' })
    // The broken rules, all of them: three errors, one warning.
    expect(failedIds(v).sort()).toEqual(
      [
        'ChargeFrequency.Allowed',
        'ContractedCost.NotNull',
        'EffectiveCost.Credit',
        'RegionName.WithRegionId',
      ].sort(),
    )
    expect(rule(v, 'ContractedCost.NotNull').failingRows).toBe(7)
    expect(v).toMatchObject({ errors: 3, warnings: 1 })
  })

  it.each([
    'aws_1_2_cost_and_usage_rows100_seed42.csv',
    'aws_1_3_cost_and_usage_rows100_seed42.csv',
    'azure_1_3_cost_and_usage_rows100_seed42.csv',
    'gcp_1_2_cost_and_usage_rows100_seed42.csv',
    'consolidated_multi_provider_1_3.csv',
  ])('passes the focus-data-toolkit golden file %s on every rule', async (name) => {
    const path = sample(`${GOLDEN}/${name}`)
    const v = await validateFile(path, name)
    const rows = rowsOf(path)
    expect(v).toMatchObject({ rows: rows.length, errors: 0, warnings: 0, error: null })
    expect(v.focusVersion).toBe(name.includes('_1_2_') ? '1.2' : '1.3')
    for (const r of v.rules) {
      const want = columnOracle(rows, r)
      if (want)
        expect({ rule: r.rule, ...want }).toEqual({ rule: r.rule, failingRows: 0, samples: [] })
    }
    // Cross-column rules of commitments ran on the golden commitment rows.
    expect(v.rules.map((r) => r.rule)).toEqual(
      expect.arrayContaining([
        'CommitmentDiscountCategory.WithId',
        'CommitmentDiscountStatus.CoveredUsage',
        'ServiceSubcategory.Allowed',
      ]),
    )
  })

  it('reads the focus-validator samples: all_pass_0.5.csv by its header, sample.parquet as FOCUS 0.5', async () => {
    const csvPath = sample('focus-validator-samples/all_pass_0.5.csv')
    const csv = await validateFile(csvPath, 'all_pass_0.5.csv')
    // BillingAccountType marks a 1.2 header: 1.0 columns such as ListCost are required, and missing.
    expect(csv).toMatchObject({ focusVersion: '1.2', rows: 2 })
    const header = new Set(Object.keys(rowsOf(csvPath)[0]!))
    const missing = FOCUS_COLUMNS.filter(
      (c) => c.level === 'Mandatory' && c.since <= '1.2' && !header.has(c.name),
    ).map((c) => `${c.name}.Present`)
    expect(missing).toContain('ListCost.Present')
    expect(
      failedIds(csv)
        .filter((id) => id.endsWith('.Present'))
        .sort(),
    ).toEqual(missing.sort())
    // Its BillingPeriodEnd column holds the start and BillingPeriodStart the end of June.
    expect(rule(csv, 'BillingPeriod.Order')).toMatchObject({
      failingRows: 2,
      samples: [
        { row: 1, value: '2023-06-01T00:00:00Z' },
        { row: 2, value: '2023-06-01T00:00:00Z' },
      ],
    })

    const parquet = await validateFile(
      sample('focus-validator-samples/sample.parquet'),
      'sample.parquet',
    )
    expect(parquet).toMatchObject({ focusVersion: '0.5', format: 'parquet', rows: 2, error: null })
    // ChargeType (0.5) is ChargeCategory: Purchase and Adjustment are allowed values.
    expect(rule(parquet, 'ChargeCategory.Allowed')).toMatchObject({ passed: true, failingRows: 0 })
    expect(rule(parquet, 'InvoiceIssuerName.Present').passed).toBe(true)
    expect(rule(parquet, 'BilledCost.Present')).toMatchObject({ passed: false, severity: 'error' })
  })
})

describe('validateFile on a provider export', () => {
  it('checks an AWS CUR legacy file as the FOCUS 1.4 rows its mapping makes, rows numbered as in the file', async () => {
    const path = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
    const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
    const v = await validateFile(path, 'sample-anonymous-aws-export-dataset.csv')
    expect(v).toMatchObject({
      dataset: 'CostAndUsage',
      format: 'aws-cur-legacy/csv',
      focusVersion: '1.4',
      rows: rows.length,
      error: null,
    })
    expect(header).toContain('lineItem/UnblendedCost')
    // BilledCost comes from lineItem/UnblendedCost: every value is a number, none is empty.
    const at = header.indexOf('lineItem/UnblendedCost')
    const empty = rows.flatMap((row, i) => ((row[at] ?? '').trim() === '' ? [i + 1] : []))
    expect(rule(v, 'BilledCost.NotNull')).toMatchObject({
      failingRows: empty.length,
      samples: empty.slice(0, 5).map((row) => ({ row, value: null })),
    })
    expect(rule(v, 'BilledCost.Type').failingRows).toBe(0)
  })
})

/** A small FOCUS 1.4 file (ServiceProviderName without ProviderName) with known faults. */
function brokenFile(): string {
  const header =
    'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeFrequency,PricingCategory,CommitmentDiscountId,CommitmentDiscountCategory,ResourceId,ServiceProviderName,Tags'
  const ok = 'USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z'
  const long = `x${'é'.repeat(70)}\u0007`
  const lines = [
    header,
    `10.00,10.00,${ok},Usage,Usage-Based,Standard,,,vm-1,AWS,`,
    `"1.000,00",0,${ok},Usage,Usage-Based,Standard,,,vm-1,AWS,`,
    `5.00,0,${ok},Purchase,Usage-Based,Committed,sp-1,Spend,sp-1,AWS,`,
    `5.00,0,${ok},Purchase,One-Time,Standard,sp-2,Spend,vm-9,AWS,`,
    `1.00,1.00,USD,2024-09-02,2024-09-01T00:00:00Z,Refund,Usage-Based,Standard,,,vm-1,AWS,`,
    `1.00,1.00,usd,not a date,2024-09-01T00:00:00Z,Usage,Usage-Based,Standard,,,vm-1,AWS,"{""team"":1"`,
    ...Array.from(
      { length: 6 },
      (_, i) => `${i},${i},${ok},Usage,Usage-Based,"${long}",,,vm-1,AWS,`,
    ),
  ]
  const path = join(tempDir(), 'broken.csv')
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

describe('validateFile on a broken file', () => {
  it('counts each rule, keeps five samples capped at 60 characters with control characters escaped', async () => {
    const v = await validateFile(brokenFile(), 'broken.csv')
    expect(v).toMatchObject({ focusVersion: '1.4', rows: 12, error: null })
    expect(rule(v, 'BilledCost.Type')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 2, value: '1.000,00' }],
      severity: 'error',
      check: 'type',
    })
    expect(rule(v, 'ChargePeriodStart.Type')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 6, value: 'not a date' }],
    })
    expect(rule(v, 'ChargeCategory.Allowed')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 5, value: 'Refund' }],
    })
    expect(rule(v, 'BillingCurrency.Format')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 6, value: 'usd' }],
    })
    // Row 5 ends before it starts; row 6's start is not a date, so its period has no start.
    expect(rule(v, 'ChargePeriod.Order')).toMatchObject({
      failingRows: 2,
      samples: [
        { row: 5, value: '2024-09-01T00:00:00Z' },
        { row: 6, value: '2024-09-01T00:00:00Z' },
      ],
    })
    expect(rule(v, 'ChargeFrequency.Purchase')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 3, value: 'Usage-Based' }],
    })
    expect(rule(v, 'PricingCategory.CommitmentPurchase')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 3, value: 'Committed' }],
    })
    expect(rule(v, 'CommitmentDiscountId.PurchaseResource')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 4, value: 'vm-9' }],
      since: '1.4',
    })
    expect(rule(v, 'Tags.JsonObject')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 6, value: '{"team":1' }],
    })
    const shown = `x${'é'.repeat(59)}…`
    expect(rule(v, 'PricingCategory.Allowed')).toMatchObject({
      failingRows: 6,
      samples: [7, 8, 9, 10, 11].map((row) => ({ row, value: shown })),
    })
    // The cap keeps the start of a value; a short one shows its control character escaped.
    expect(
      (await validateFile(writeBell(), 'bell.csv')).rules.find(
        (r) => r.rule === 'ChargeCategory.Allowed',
      )?.samples,
    ).toEqual([{ row: 1, value: 'Use\\u0007' }])
  })

  it('holds each ServiceSubcategory to its one parent ServiceCategory (FOCUS 1.1+)', async () => {
    const path = join(tempDir(), 'subcategories.csv')
    const ok = '1,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z'
    writeFileSync(
      path,
      [
        'BilledCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceCategory,ServiceSubcategory',
        `${ok},Compute,Virtual Machines`,
        `${ok},Compute,Relational Databases`,
        `${ok},Databases,Relational Databases`,
        `${ok},Other,Other (Other)`,
        `${ok},Compute,`,
        `${ok},Storage,Object storage`,
      ].join('\n') + '\n',
    )
    const v = await validateFile(path, 'subcategories.csv')
    expect(v.focusVersion).toBe('1.1')
    expect(rule(v, 'ServiceSubcategory.Allowed')).toMatchObject({
      failingRows: 2,
      samples: [
        { row: 2, value: 'Relational Databases' },
        { row: 6, value: 'Object storage' },
      ],
    })
    // The empty subcategory is the Recommended column's not-null warning, not a wrong pair.
    expect(rule(v, 'ServiceSubcategory.NotNull')).toMatchObject({
      failingRows: 1,
      severity: 'warning',
      samples: [{ row: 5, value: null }],
    })
  })

  it('holds unused-commitment rows to BilledCost 0 and, in 1.4, ResourceId = CommitmentDiscountId', async () => {
    const path = join(tempDir(), 'unused.csv')
    const ok = 'USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Usage,Spend'
    writeFileSync(
      path,
      [
        'BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,CommitmentDiscountCategory,BilledCost,EffectiveCost,CommitmentDiscountStatus,CommitmentDiscountId,ResourceId,ServiceProviderName',
        `${ok},0,4.5,Unused,sp-1,sp-1,AWS`,
        `${ok},4.5,4.5,Unused,sp-1,sp-1,AWS`,
        `${ok},0,2,Unused,sp-1,i-123,AWS`,
        `${ok},0,1,Used,sp-1,i-123,AWS`,
        `${ok},0.00,1,Unused,sp-2,sp-2,AWS`,
      ].join('\n') + '\n',
    )
    const v = await validateFile(path, 'unused.csv')
    expect(v.focusVersion).toBe('1.4')
    expect(rule(v, 'BilledCost.Unused')).toMatchObject({
      failingRows: 1,
      severity: 'warning',
      samples: [{ row: 2, value: '4.5' }],
    })
    expect(rule(v, 'CommitmentDiscountId.UnusedResource')).toMatchObject({
      failingRows: 1,
      severity: 'error',
      samples: [{ row: 3, value: 'i-123' }],
    })
  })

  it('agrees with the import: each import rule has the same count and first row', async () => {
    // The import refuses a file with a bad value, so this one has only rule faults.
    const path = join(tempDir(), 'importable.csv')
    writeFileSync(
      path,
      [
        'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ChargeClass,ServiceCategory,Tags',
        '1,1,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Usage,,Compute,',
        '2,2,usd,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Refund,Fix,Compute,[1]',
        ',3,USD,2024-09-02T00:00:00Z,2024-09-01T00:00:00Z,Usage,,Computers,"{""a"":1}"',
        '4,4,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Refund,Correction,,{',
      ].join('\n') + '\n',
    )
    const v = await validateFile(path, 'importable.csv')
    const ws = await freshWorkspace()
    try {
      const record = await importFile(ws, path)
      expect(record.status).toBe('imported')
      const fromImport = record.issues.map((i) => [i.rule, i.rows, i.firstRow])
      const fromValidate = v.rules
        .filter((r) => !r.passed && record.rulesChecked.includes(r.rule))
        .map((r) => [r.rule, r.failingRows, r.samples[0]?.row])
      expect(fromValidate).toEqual(fromImport)
      expect(fromImport).toEqual([
        ['BilledCost.NotNull', 1, 3],
        ['ChargeCategory.Allowed', 2, 2],
        ['ChargeClass.Allowed', 1, 2],
        ['ServiceCategory.Allowed', 2, 3],
        ['BillingCurrency.Format', 1, 2],
        ['ChargePeriod.Order', 1, 3],
        ['Tags.JsonObject', 2, 2],
      ])
    } finally {
      await ws.close()
    }
  })

  it('names a file that is not a billing export, and a missing one, without a path', async () => {
    const path = join(tempDir(), 'notes.csv')
    writeFileSync(path, 'name,amount\nlunch,12\n')
    const v = await validateFile(path, 'notes.csv')
    expect(v.error).toMatchObject({ code: 'MISSING_COLUMNS' })
    expect(v.error?.message).toMatch(/^notes\.csv is not a billing export Focal recognizes/)
    // Validation never imports, so its advice does not say "nothing was imported".
    expect(v.error?.hint).toMatch(/write a column mapping/)
    expect(v.error?.location).toEqual({ file: 'notes.csv', line: 1 })
    expect(v.error?.hint).not.toMatch(/imported/)
    expect(v.errors).toBe(1)
    const gone = await validateFile(join(tempDir(), 'gone.csv'), 'gone.csv')
    expect(gone.error).toMatchObject({ code: 'IO_ERROR', message: 'Cannot read gone.csv.' })
  })
})

function writeBell(): string {
  const path = join(tempDir(), 'bell.csv')
  writeFileSync(
    path,
    'BilledCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory\n1,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"Use\u0007"\n',
  )
  return path
}

describe('validateFile on GCP JSON lines', () => {
  it('checks a BigQuery JSON-lines export as the FOCUS 1.4 rows the GCP mapping makes', async () => {
    const line = (cost: number, credit: string): string =>
      JSON.stringify({
        billing_account_id: '000000-AAAAAA-000000',
        service: { id: 'FBF2', description: 'Compute Engine' },
        sku: { id: 'D5A4', description: 'N1 core' },
        usage_start_time: '2024-03-01 00:00:00 UTC',
        usage_end_time: '2024-03-01 01:00:00 UTC',
        project: { id: 'p-1', name: 'one', labels: [{ key: 'team', value: 'data' }] },
        labels: [],
        cost,
        currency: 'USD',
        credits:
          credit === '' ? [] : [{ name: 'Trial', amount: Number(credit), type: 'PROMOTION' }],
        invoice: { month: '202403' },
        cost_type: 'regular',
      })
    const path = join(tempDir(), 'gcp.jsonl')
    writeFileSync(path, [line(1.5, '-0.5'), line(2, '')].join('\n') + '\n')
    const v = await validateFile(path, 'gcp.jsonl')
    expect(v).toMatchObject({
      dataset: 'CostAndUsage',
      format: 'gcp-billing/jsonl',
      focusVersion: '1.4',
      rows: 2,
      error: null,
    })
    expect(rule(v, 'BilledCost.NotNull').failingRows).toBe(0)
    expect(rule(v, 'ChargePeriodStart.Type').failingRows).toBe(0)
  })
})
