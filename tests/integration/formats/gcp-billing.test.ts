/** GCP Cloud Billing export (CSV) imported as FOCUS 1.4 (shared/formats/gcp-billing.ts): rows, exact totals with credits netted, mapped values. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { csvTotals } from '../../../electron/core/ingest/csv-totals'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { GCP_BILLING } from '../../../shared/formats/gcp-billing'
import { normalizeDecimal } from '../../../shared/money'
import { csvRecords, sumBy } from '../../helpers/native-sums'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

const GCP = sample(
  'koku-test-data/gcp/202011_30c31bca571d9b7f3b2c8459dd8bc34a_2020-11-08_2020-11-11.csv',
)
let ws: Workspace | undefined
afterEach(() => ws?.close())

/** The credit amounts of a row, read with a regular expression from the Python literal the file holds. */
function creditAmounts(credits: string): string[] {
  return [...credits.matchAll(/'amount': ([-+0-9.eE]+)/g)].map((m) => m[1] ?? '')
}

/** cost + Σ credits.amount per currency, computed from the file's own text. */
function expectedNet(path: string): Record<string, { sum: string; rows: number }> {
  const rows = csvRecords(path).flatMap((r) => [
    { ...r, amount: r.cost ?? '' },
    ...creditAmounts(r.credits ?? '').map((amount) => ({ ...r, amount, credit: '1' })),
  ])
  const sums = sumBy(rows, 'currency', (r) => r.amount ?? null)
  const counts = sumBy(csvRecords(path), 'currency', () => null)
  return Object.fromEntries(
    Object.entries(sums).map(([c, s]) => [c, { sum: s.sum, rows: counts[c]?.rows ?? 0 }]),
  )
}

/**
 * Writes the Koku sample as BigQuery writes its export outside CSV: `service`, `sku`, `project`,
 * `invoice`… as records, `credits` and the labels as lists. The Python literals are made JSON
 * only to build the fixture; the import reads the lists themselves.
 */
async function writeNested(path: string, copyFormat: string): Promise<void> {
  const json = (c: string): string =>
    `regexp_replace(replace("${c}", '''', '"'), '\\bNone\\b', 'null', 'g')`
  const labels = (c: string): string =>
    `from_json(${json(c)}, '[{"key": "VARCHAR", "value": "VARCHAR"}]')`
  await scratchSql(
    `COPY (SELECT billing_account_id,
        {'id': "service.id", 'description': "service.description"} AS service,
        {'id': "sku.id", 'description': "sku.description"} AS sku,
        CAST(usage_start_time AS TIMESTAMPTZ) AS usage_start_time, CAST(usage_end_time AS TIMESTAMPTZ) AS usage_end_time,
        {'id': "project.id", 'name': "project.name", 'labels': ${labels('project.labels')}} AS project,
        ${labels('labels')} AS labels, ${labels('system_labels')} AS system_labels,
        {'location': "location.location", 'region': nullif("location.region", '')} AS location,
        CAST(cost AS DOUBLE) AS cost, currency,
        {'amount': CAST("usage.amount" AS DOUBLE), 'unit': "usage.unit"} AS usage,
        from_json(${json('credits')}, '[{"name": "VARCHAR", "amount": "DOUBLE", "full_name": "VARCHAR", "id": "VARCHAR", "type": "VARCHAR"}]') AS credits,
        {'month': "invoice.month"} AS invoice, cost_type
      FROM read_csv($1, all_varchar = true, header = true, quote = '"', escape = '"')) TO '${path}' (${copyFormat})`,
    [GCP],
  )
}

describe('GCP Cloud Billing export', () => {
  it('imports the Koku sample: 25 rows, BilledCost = EffectiveCost = cost + credits per currency, reconciled', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, GCP)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      status: 'imported',
      format: 'gcp-billing/csv',
      focusVersion: '1.4',
      rowCount: 25,
      reconciled: true,
    })
    const net = expectedNet(GCP)
    const usd = normalizeDecimal(net.USD?.sum ?? '')
    // Free-trial credits cancel every charged cent of this sample: the invoice is 0.
    expect(usd).toBe('0')
    expect(
      normalizeDecimal(sumBy(csvRecords(GCP), 'currency', (r) => r.cost ?? null).USD?.sum ?? ''),
    ).toBe('0.000032')
    expect(await storedSums(ws)).toEqual({ USD: { rows: 25, billed: usd, effective: usd } })
    expect(record.totals).toMatchObject([{ currency: 'USD', rows: 25, reconciled: true }])
    expect(normalizeDecimal(record.totals[0]?.billedSource ?? '')).toBe(usd)
  })

  it('maps ChargeCategory, ServiceCategory, periods, Tags and keeps the credits with a fix code', async () => {
    ws = await freshWorkspace()
    await importFile(ws, GCP)
    const records = csvRecords(GCP)
    const credited = records.findIndex((r) => r.credits !== '[]')
    const labelled = records.findIndex((r) => r.labels !== '[]')
    const [row] = await ws.all(
      `SELECT ChargeCategory, ServiceName, ServiceCategory, BilledCost::VARCHAR AS b, SubAccountId, SubAccountType,
        strftime(BillingPeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS ps, strftime(BillingPeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS pe,
        strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s, x_credits, x_FixCodes AS fixes, ServiceProviderName
       FROM focus WHERE x_SourceRow = $1`,
      [credited + 1],
    )
    const source = records[credited] ?? {}
    expect(row).toMatchObject({
      ChargeCategory: 'Usage',
      ServiceName: source['service.description'],
      ServiceCategory: 'Security',
      SubAccountId: 'billing-example-00000',
      SubAccountType: 'Project',
      // Google invoices in Pacific time: November 2020 starts at 07:00 UTC (daylight time), December at 08:00.
      ps: '2020-11-01 07:00',
      pe: '2020-12-01 08:00',
      s: source.usage_start_time?.slice(0, 16),
      x_credits: source.credits,
      ServiceProviderName: 'Google Cloud',
    })
    expect(normalizeDecimal(String(row?.b))).toBe('0')
    expect(String(row?.fixes)).toContain('CREDITS_NETTED')
    const [tagged] = await ws.all(
      `SELECT Tags, x_FixCodes AS fixes FROM focus WHERE x_SourceRow = $1`,
      [labelled + 1],
    )
    const label = /'key': '([^']+)', 'value': '([^']+)'/.exec(records[labelled]?.labels ?? '')
    expect(JSON.parse(String(tagged?.Tags))).toEqual({ [label?.[1] ?? '']: label?.[2] })
    expect(String(tagged?.fixes)).not.toContain('CREDITS_NETTED')
  })

  it('reads the credits from the file in the second reader: a mapping that forgot them (BilledCost = cost) cannot reconcile', async () => {
    const source = await csvTotals(GCP, false, () => ({
      terms: GCP_BILLING.reconcile,
      caseInsensitive: false,
    }))
    expect(source.unreadable).toBeNull()
    const net = normalizeDecimal(expectedNet(GCP).USD?.sum ?? '')
    expect(
      source.sums.map((s) => [
        s.currency,
        s.rows,
        normalizeDecimal(s.billed ?? ''),
        normalizeDecimal(s.effective ?? ''),
      ]),
    ).toEqual([['USD', 25, net, net]])
    const costOnly = normalizeDecimal(
      sumBy(csvRecords(GCP), 'currency', (r) => r.cost ?? null).USD?.sum ?? '',
    )
    expect(costOnly).not.toBe(net)
  })

  it('refuses a credits value it cannot read, naming the row and column, with nothing stored', async () => {
    ws = await freshWorkspace()
    const text = readFileSync(GCP, 'utf8')
    const broken = text.replace("'amount': -5e-06", "'amount': 'five'")
    const path = join(tempDir(), 'gcp-broken-credit.csv')
    writeFileSync(path, broken)
    const record = await importFile(ws, path)
    expect(record.status).not.toBe('imported')
    expect(record.error?.message).toMatch(/row 1\b/)
    expect(record.error?.message).toMatch(/credits|BilledCost/)
    expect(await ws.all(`SELECT count(*)::BIGINT AS n FROM focus`)).toEqual([{ n: '0' }])
  })

  it.each([
    ['Parquet', 'parquet', 'FORMAT parquet'],
    ['JSON lines', 'jsonl', 'FORMAT json'],
  ])(
    'imports the same export as %s with BigQuery records (service, sku, invoice, credits and labels as lists) to the same totals',
    async (_, kind, copyFormat) => {
      const path = join(tempDir(), `gcp-billing.${kind}`)
      await writeNested(path, copyFormat)
      ws = await freshWorkspace()
      const record = await importFile(ws, path)
      expect(record.error).toBeNull()
      expect(record).toMatchObject({
        status: 'imported',
        format: `gcp-billing/${kind}`,
        rowCount: 25,
        reconciled: true,
      })
      const usd = normalizeDecimal(expectedNet(GCP).USD?.sum ?? '')
      expect(await storedSums(ws)).toEqual({ USD: { rows: 25, billed: usd, effective: usd } })
      const records = csvRecords(GCP)
      const credited = records.findIndex((r) => r.credits !== '[]')
      const labelled = records.findIndex((r) => r.labels !== '[]')
      const [row] = await ws.all(
        `SELECT ServiceName, ServiceCategory, SkuId, SubAccountId, ChargeCategory, x_FixCodes AS fixes,
        strftime(BillingPeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS ps FROM focus WHERE x_SourceRow = $1`,
        [credited + 1],
      )
      expect(row).toMatchObject({
        ServiceName: records[credited]?.['service.description'],
        ServiceCategory: 'Security',
        SkuId: records[credited]?.['sku.id'],
        SubAccountId: 'billing-example-00000',
        ChargeCategory: 'Usage',
        ps: '2020-11-01 07:00',
      })
      expect(String(row?.fixes)).toContain('CREDITS_NETTED')
      const [tagged] = await ws.all(`SELECT Tags FROM focus WHERE x_SourceRow = $1`, [labelled + 1])
      const label = /'key': '([^']+)', 'value': '([^']+)'/.exec(records[labelled]?.labels ?? '')
      expect(JSON.parse(String(tagged?.Tags))).toEqual({ [label?.[1] ?? '']: label?.[2] })
    },
  )

  it('refuses JSON lines that are not a native export (FOCUS rows), naming the file, with nothing stored', async () => {
    const path = join(tempDir(), 'focus.jsonl')
    writeFileSync(
      path,
      '{"BilledCost": 1, "EffectiveCost": 1, "ChargeCategory": "Usage", "ChargePeriodStart": "2024-09-01T00:00:00Z", "BillingCurrency": "USD"}\n',
    )
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.error).toMatchObject({ code: 'UNSUPPORTED_FORMAT' })
    expect(record.error?.message).toBe(
      'focus.jsonl is JSON lines, which Focal reads for GCP billing exports only.',
    )
    expect(await ws.all(`SELECT count(*)::BIGINT AS n FROM focus`)).toEqual([{ n: '0' }])
  })
})
