/**
 * AWS CUR 2.0 (CSV with JSON map columns, Parquet with MAP columns) and legacy
 * CUR in snake_case Parquet (shared/formats/aws-cur-2.ts), from a fixture built
 * from the documented column lists: every line item type, two currencies,
 * E-notation, tags; expected totals computed here from the rows themselves.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { scratchSql } from '../../helpers/duckdb'
import { csvRecords, sumBy } from '../../helpers/native-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

const SP = 'arn:aws:savingsplans::111122223333:savingsplan/sp-1'
const RI = 'arn:aws:ec2:us-east-1:111122223333:reserved-instances/ri-1'
const PRODUCT_EC2 =
  '{"product_name":"Amazon Elastic Compute Cloud","region_code":"us-east-1","location":"US East (N. Virginia)","purchase_option":"OnDemand"}'
const HEADER = [
  'identity_line_item_id',
  'bill_payer_account_id',
  'bill_payer_account_name',
  'bill_billing_period_start_date',
  'bill_billing_period_end_date',
  'bill_billing_entity',
  'line_item_usage_account_id',
  'line_item_line_item_type',
  'line_item_usage_start_date',
  'line_item_usage_end_date',
  'line_item_product_code',
  'line_item_usage_type',
  'line_item_usage_amount',
  'line_item_currency_code',
  'line_item_unblended_cost',
  'line_item_tax_type',
  'line_item_legal_entity',
  'pricing_term',
  'product',
  'resource_tags',
  'cost_category',
  'savings_plan_savings_plan_a_r_n',
  'savings_plan_savings_plan_effective_cost',
  'savings_plan_total_commitment_to_date',
  'savings_plan_used_commitment',
  'reservation_reservation_a_r_n',
  'reservation_effective_cost',
  'reservation_unused_amortized_upfront_fee_for_billing_period',
  'reservation_unused_recurring_fee',
]
/** One row per line item type: [id, type, currency, unblended, extra columns]. */
const ROWS: Record<string, string>[] = [
  {
    id: 'u1',
    type: 'Usage',
    cur: 'USD',
    cost: '2.50',
    term: 'OnDemand',
    product: PRODUCT_EC2,
    tags: '{"user_cost_center":"cc-1","aws_createdBy":"alice"}',
  },
  {
    id: 'c1',
    type: 'SavingsPlanCoveredUsage',
    cur: 'USD',
    cost: '10.00',
    sp: SP,
    spEff: '6.25',
    product: PRODUCT_EC2,
  },
  { id: 'n1', type: 'SavingsPlanNegation', cur: 'USD', cost: '-10.00', sp: SP },
  {
    id: 'f1',
    type: 'SavingsPlanRecurringFee',
    cur: 'USD',
    cost: '100.00',
    sp: SP,
    total: '100.00',
    used: '93.75',
  },
  { id: 'd1', type: 'DiscountedUsage', cur: 'USD', cost: '0', ri: RI, riEff: '3.3' },
  {
    id: 'r1',
    type: 'RIFee',
    cur: 'USD',
    cost: '50.00',
    ri: RI,
    unusedUpfront: '1.1',
    unusedRecurring: '2.2',
  },
  { id: 't1', type: 'Tax', cur: 'USD', cost: '0.55', tax: 'VAT' },
  { id: 'k1', type: 'Credit', cur: 'USD', cost: '-1.00' },
  { id: 'x1', type: 'Refund', cur: 'USD', cost: '-0.40' },
  {
    id: 'm1',
    type: 'Usage',
    cur: 'EUR',
    cost: '12.34567890123',
    entity: 'AWS Marketplace',
    legal: 'Datadog Inc.',
  },
  { id: 'm2', type: 'Usage', cur: 'EUR', cost: '1.5E-7', tags: '{"user_team":"data"}' },
].map((r) => ({
  identity_line_item_id: r.id ?? '',
  bill_payer_account_id: '111122223333',
  bill_payer_account_name: 'Payer',
  bill_billing_period_start_date: '2024-03-01T00:00:00Z',
  bill_billing_period_end_date: '2024-04-01T00:00:00Z',
  bill_billing_entity: r.entity ?? 'AWS',
  line_item_usage_account_id: '444455556666',
  line_item_line_item_type: r.type ?? '',
  line_item_usage_start_date: '2024-03-05T10:00:00Z',
  line_item_usage_end_date: '2024-03-05T11:00:00Z',
  line_item_product_code: r.type === 'Usage' && !r.entity ? 'AmazonEC2' : 'AmazonS3',
  line_item_usage_type: 'BoxUsage:m5.large',
  line_item_usage_amount: '1',
  line_item_currency_code: r.cur ?? '',
  line_item_unblended_cost: r.cost ?? '',
  line_item_tax_type: r.tax ?? '',
  line_item_legal_entity: r.legal ?? 'Amazon Web Services, Inc.',
  pricing_term: r.term ?? '',
  product: r.product ?? '{}',
  resource_tags: r.tags ?? '{}',
  cost_category: '{"env":"prod"}',
  savings_plan_savings_plan_a_r_n: r.sp ?? '',
  savings_plan_savings_plan_effective_cost: r.spEff ?? '',
  savings_plan_total_commitment_to_date: r.total ?? '',
  savings_plan_used_commitment: r.used ?? '',
  reservation_reservation_a_r_n: r.ri ?? '',
  reservation_effective_cost: r.riEff ?? '',
  reservation_unused_amortized_upfront_fee_for_billing_period: r.unusedUpfront ?? '',
  reservation_unused_recurring_fee: r.unusedRecurring ?? '',
}))

function toCsv(header: readonly string[], rows: readonly Record<string, string>[]): string {
  const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return (
    [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join(
      '\n',
    ) + '\n'
  )
}

/** EffectiveCost of a CUR row as reference/mappings.md §2 defines it, in plain TypeScript. */
function effectiveOf(r: Record<string, string>): string | null {
  switch (r.line_item_line_item_type) {
    case 'SavingsPlanCoveredUsage':
      return r.savings_plan_savings_plan_effective_cost ?? null
    case 'SavingsPlanNegation':
      return '0'
    case 'SavingsPlanRecurringFee':
      return String(
        Number(r.savings_plan_total_commitment_to_date) - Number(r.savings_plan_used_commitment),
      )
    case 'DiscountedUsage':
      return r.reservation_effective_cost ?? null
    case 'RIFee':
      return '3.3' // 1.1 + 2.2: the unused upfront and recurring fee of the period
    default:
      return r.line_item_unblended_cost ?? null
  }
}

function expectedTotals(
  path: string,
): Record<string, { rows: number; billed: string; effective: string }> {
  const records = csvRecords(path)
  const billed = sumBy(
    records,
    'line_item_currency_code',
    (r) => r.line_item_unblended_cost ?? null,
  )
  const effective = sumBy(records, 'line_item_currency_code', effectiveOf)
  return Object.fromEntries(
    Object.entries(billed).map(([currency, b]) => [
      currency,
      {
        rows: b.rows,
        billed: normalizeDecimal(b.sum),
        effective: normalizeDecimal(effective[currency]?.sum ?? '0'),
      },
    ]),
  )
}

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('AWS CUR 2.0 and snake_case CUR', () => {
  const dir = tempDir()
  const csv = join(dir, 'cur2-2024-03.csv')
  writeFileSync(csv, toCsv(HEADER, ROWS))

  it('CUR 2.0 CSV: every line item type, BilledCost the unblended cost, EffectiveCost amortized, per currency', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, csv)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      status: 'imported',
      format: 'aws-cur-2/csv',
      rowCount: 11,
      reconciled: true,
    })
    const expected = expectedTotals(csv)
    expect(expected.USD?.effective).toBe('20.75') // 2.50 + 6.25 + 0 + 6.25 + 3.3 + 3.3 + 0.55 - 1.00 - 0.40
    expect(await storedSums(ws)).toEqual(expected)
    const rows = await ws.all(
      `SELECT x_SourceRow AS r, ChargeCategory AS cat, ChargeClass AS cls, ChargeFrequency AS f, PricingCategory AS p,
         CommitmentDiscountCategory AS cdc, CommitmentDiscountStatus AS cds, ServiceProviderName AS sp, Tags AS tags,
         ServiceName AS sn, RegionId AS region, x_cost_category AS cc, x_FixCodes AS fx FROM focus ORDER BY x_SourceRow`,
    )
    const by = Object.fromEntries(
      rows.map((r) => [ROWS[Number(r.r) - 1]?.identity_line_item_id, r]),
    )
    expect(by.u1).toMatchObject({
      cat: 'Usage',
      f: 'Usage-Based',
      p: 'Standard',
      sn: 'Amazon Elastic Compute Cloud',
      region: 'us-east-1',
      cc: '{"env":"prod"}',
    })
    expect(JSON.parse(String(by.u1?.tags))).toEqual({
      user_cost_center: 'cc-1',
      aws_createdBy: 'alice',
    })
    expect(by.c1).toMatchObject({ cat: 'Usage', p: 'Committed', cdc: 'Spend', cds: 'Used' })
    expect(by.f1).toMatchObject({ cat: 'Purchase', f: 'Recurring', p: null, cdc: 'Spend' })
    expect(by.r1).toMatchObject({ cat: 'Purchase', f: 'Recurring', cdc: 'Usage' })
    expect(by.d1).toMatchObject({ cat: 'Usage', p: 'Committed', cdc: 'Usage', cds: 'Used' })
    expect(by.t1).toMatchObject({ cat: 'Tax', f: null, p: null })
    expect(by.k1).toMatchObject({ cat: 'Credit', cls: null })
    expect(by.x1).toMatchObject({ cat: 'Usage', cls: 'Correction' })
    expect(by.m1).toMatchObject({ sp: 'Datadog Inc.', tags: null, sn: 'AmazonS3' })
    // Fix codes mark the rows a value was derived on, not every row.
    const fixed = (code: string): string[] =>
      rows
        .filter((r) => (r.fx as string[] | null)?.includes(code))
        .map((r) => ROWS[Number(r.r) - 1]?.identity_line_item_id ?? '')
    expect(fixed('EFFECTIVE_COST_AMORTIZED')).toEqual(['c1', 'n1', 'f1', 'd1', 'r1'])
    expect(fixed('SERVICE_PROVIDER_FROM_MARKETPLACE_SELLER')).toEqual(['m1'])
    expect(fixed('TAGS_FROM_RESOURCE_TAGS')).toEqual(['u1', 'm2'])
    expect(fixed('CHARGE_CATEGORY_FROM_LINE_ITEM_TYPE')).toHaveLength(11)
  })

  it('CUR 2.0 Parquet (MAP columns, DOUBLE costs, TIMESTAMP times) gives the same rows and totals', async () => {
    const path = join(dir, 'cur2-2024-03.parquet')
    await scratchSql(
      `COPY (SELECT * REPLACE (
          CAST(CAST(product AS JSON) AS MAP(VARCHAR, VARCHAR)) AS product,
          CAST(CAST(resource_tags AS JSON) AS MAP(VARCHAR, VARCHAR)) AS resource_tags,
          CAST(CAST(cost_category AS JSON) AS MAP(VARCHAR, VARCHAR)) AS cost_category,
          CAST(line_item_unblended_cost AS DOUBLE) AS line_item_unblended_cost,
          CAST(line_item_usage_start_date AS TIMESTAMP) AS line_item_usage_start_date)
        FROM read_csv($1, all_varchar = true)) TO '${path}' (FORMAT parquet)`,
      [csv],
    )
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      status: 'imported',
      format: 'aws-cur-2/parquet',
      rowCount: 11,
      reconciled: true,
    })
    expect(await storedSums(ws)).toEqual(expectedTotals(csv))
    const [u1] = await ws.all(
      `SELECT Tags, ServiceName, strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s FROM focus WHERE x_SourceRow = 1`,
    )
    expect(JSON.parse(String(u1?.Tags))).toEqual({
      user_cost_center: 'cc-1',
      aws_createdBy: 'alice',
    })
    expect(u1).toMatchObject({ ServiceName: 'Amazon Elastic Compute Cloud', s: '2024-03-05 10:00' })
  })

  it('legacy CUR as snake_case Parquet: tag columns resource_tags_user_<key> become Tags keys', async () => {
    const path = join(dir, 'cur-athena-2024-03.parquet')
    await scratchSql(
      `COPY (SELECT * EXCLUDE (product, resource_tags, cost_category, bill_payer_account_name),
          json_extract_string(resource_tags, '$.user_cost_center') AS resource_tags_user_cost_center,
          json_extract_string(product, '$.product_name') AS product_product_name
        FROM read_csv($1, all_varchar = true)) TO '${path}' (FORMAT parquet)`,
      [csv],
    )
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      status: 'imported',
      format: 'aws-cur-legacy-snake-case/parquet',
      rowCount: 11,
    })
    expect(await storedSums(ws)).toEqual(expectedTotals(csv))
    const [u1] = await ws.all('SELECT Tags, ServiceName FROM focus WHERE x_SourceRow = 1')
    expect(u1).toEqual({
      Tags: '{"user_cost_center":"cc-1"}',
      ServiceName: 'Amazon Elastic Compute Cloud',
    })
  })

  it('reconciliation reads the CUR cost columns themselves: stored rows that lost their amortization or a row fail the import', async () => {
    ws = await freshWorkspace()
    // As if the mapping had taken the unblended cost for EffectiveCost on every row.
    const unamortized = await importFile(ws, csv, {
      beforeReconcile: (id) =>
        ws!.run('UPDATE cost_rows SET EffectiveCost = BilledCost WHERE x_ImportId = $1', [id]),
    })
    expect(unamortized.status).toBe('failed')
    expect(unamortized.error?.code).toBe('RECONCILIATION_FAILED')
    expect(unamortized.error?.message).toContain('EffectiveCost file 20.75')
    // As if a row had been lost between the file and the store.
    const dropped = await importFile(ws, csv, {
      beforeReconcile: (id) =>
        ws!.run('DELETE FROM cost_rows WHERE x_ImportId = $1 AND x_SourceRow = 2', [id]),
    })
    expect(dropped.error?.code).toBe('RECONCILIATION_FAILED')
    expect(await ws.all('SELECT count(*)::INTEGER AS n FROM focus')).toEqual([{ n: 0 }])
  })
})
