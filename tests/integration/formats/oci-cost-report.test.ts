/** OCI cost report CSV imported as FOCUS 1.4 (shared/formats/oci-cost-report.ts): rows, exact totals, mapped values. */
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvRecords, sumBy } from '../../helpers/native-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'

const OCI = sample('focus-converters-samples/reports_cost-csv_0000000030000269.csv')
let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('OCI cost report CSV', () => {
  it('imports the focus_converters sample: 506 rows, BilledCost = EffectiveCost = cost/myCost per currency, reconciled', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, OCI)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({
      status: 'imported',
      format: 'oci-cost-report/csv',
      focusVersion: '1.4',
      rowCount: 506,
      reconciled: true,
    })
    const expected = sumBy(csvRecords(OCI), 'cost/currencyCode', (r) => r['cost/myCost'] ?? null)
    const usd = normalizeDecimal(expected.USD?.sum ?? '')
    // shared/data/README.md: cost/myCost = 2.523589 (rounded to 6 decimals).
    expect(Number(usd).toFixed(6)).toBe('2.523589')
    expect(await storedSums(ws)).toEqual({ USD: { rows: 506, billed: usd, effective: usd } })
    expect(record.totals).toMatchObject([{ currency: 'USD', rows: 506, reconciled: true }])
    expect(normalizeDecimal(record.totals[0]?.billedSource ?? '')).toBe(usd)
  })

  it('maps ChargeCategory, ServiceCategory, periods and the tags/<namespace>.<key> columns to Tags', async () => {
    ws = await freshWorkspace()
    await importFile(ws, OCI)
    const records = csvRecords(OCI)
    const categories = await ws.all(
      `SELECT ServiceName AS s, ServiceCategory AS c, count(*)::BIGINT AS n FROM focus GROUP BY 1, 2 ORDER BY 1`,
    )
    const counts: Record<string, number> = {}
    for (const r of records)
      counts[r['product/service'] ?? ''] = (counts[r['product/service'] ?? ''] ?? 0) + 1
    expect(categories.map((r) => [r.s, r.c, Number(r.n)])).toEqual([
      ['BLOCK_STORAGE', 'Storage', counts.BLOCK_STORAGE],
      ['COMPUTE', 'Compute', counts.COMPUTE],
      ['DATABASE', 'Databases', counts.DATABASE],
      ['MYSQL', 'Databases', counts.MYSQL],
      ['NETWORK', 'Networking', counts.NETWORK],
      ['OBJECTSTORE', 'Storage', counts.OBJECTSTORE],
      ['ORACLE_STREAMING_SERVICE', 'Integration', counts.ORACLE_STREAMING_SERVICE],
      ['TELEMETRY', 'Management and Governance', counts.TELEMETRY],
    ])
    const tagged = records.findIndex((r) => r['tags/Valtest.Cat'] !== '')
    const source = records[tagged] ?? {}
    const [row] = await ws.all(
      `SELECT ChargeCategory, ChargeClass, Tags, RegionId, SubAccountId, x_CompartmentName,
        strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s,
        strftime(BillingPeriodStart AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS ps,
        strftime(BillingPeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS pe, BilledCost::VARCHAR AS b
       FROM focus WHERE x_SourceRow = $1`,
      [tagged + 1],
    )
    const tags = Object.fromEntries(
      Object.entries(source)
        .filter(([k, v]) => k.startsWith('tags/') && v !== '')
        .map(([k, v]) => [k.slice('tags/'.length), v]),
    )
    expect(Object.keys(tags)).toContain('Valtest.Cat')
    expect(row).toMatchObject({
      ChargeCategory: 'Usage',
      ChargeClass: null,
      RegionId: source['product/region'],
      SubAccountId: source['lineItem/tenantId'],
      x_CompartmentName: source['product/compartmentName'],
      s: source['lineItem/intervalUsageStart']?.replace('T', ' ').replace('Z', ''),
      ps: '2023-11-01 00:00',
      pe: '2023-12-01 00:00',
    })
    expect(JSON.parse(String(row?.Tags))).toEqual(tags)
    expect(normalizeDecimal(String(row?.b))).toBe(normalizeDecimal(source['cost/myCost'] ?? ''))
  })
})
