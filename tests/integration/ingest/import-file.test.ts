/** importFile on real public billing files: versions, reconciliation, provenance. */
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace, storedTotals } from '../../helpers/workspace'

let ws: Workspace | undefined
afterEach(() => ws?.close())

const GOLDEN = 'focus-data-toolkit-golden'
const FILES = [
  ['focus-sample-data/FOCUS-1.0/focus_sample.csv', '1.0'],
  [`${GOLDEN}/aws_1_2_cost_and_usage_rows100_seed42.csv`, '1.2'],
  [`${GOLDEN}/azure_1_2_cost_and_usage_rows100_seed42.csv`, '1.2'],
  [`${GOLDEN}/gcp_1_2_cost_and_usage_rows100_seed42.csv`, '1.2'],
  [`${GOLDEN}/aws_1_3_cost_and_usage_rows100_seed42.csv`, '1.3'],
  [`${GOLDEN}/aws_1_3_cost_and_usage_rows25_seed7_credits.csv`, '1.3'],
  [`${GOLDEN}/azure_1_3_cost_and_usage_rows100_seed42.csv`, '1.3'],
  [`${GOLDEN}/gcp_1_3_cost_and_usage_rows100_seed42.csv`, '1.3'],
  [`${GOLDEN}/consolidated_multi_provider_1_3.csv`, '1.3'],
] as const

describe('importFile', () => {
  it.each(FILES)(
    'reconciles %s (FOCUS %s) to the cent against the file itself',
    async (file, version) => {
      ws = await freshWorkspace()
      const record = await importFile(ws, sample(file))
      expect(record.status).toBe('imported')
      expect(record.focusVersion).toBe(version)
      expect(record.reconciled).toBe(true)
      const billed = csvSums(sample(file), 'BilledCost')
      const effective = csvSums(sample(file), 'EffectiveCost')
      expect(record.totals.map((t) => t.currency)).toEqual(Object.keys(billed).sort())
      for (const total of record.totals) {
        expect(total.billedStored).toBe(billed[total.currency]?.sum)
        expect(total.effectiveStored).toBe(effective[total.currency]?.sum)
        expect(total.rows).toBe(billed[total.currency]?.rows)
      }
      const stored = await storedTotals(ws)
      for (const [currency, t] of Object.entries(stored)) {
        expect(normalizeDecimal(t.billed)).toBe(billed[currency]?.sum)
      }
    },
  )

  it('matches the published sums of the FOCUS 1.0 sample (data/README.md)', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, sample('focus-sample-data/FOCUS-1.0/focus_sample.csv'))
    const usd = record.totals.find((t) => t.currency === 'USD')
    expect(record.rowCount).toBe(1000)
    expect(Number(usd?.billedStored).toFixed(6)).toBe('20.520227')
    expect(Number(usd?.effectiveStored).toFixed(6)).toBe('14.976514')
    const categories = await ws.all(
      'SELECT ChargeCategory AS c, count(*)::INT AS n FROM focus GROUP BY 1 ORDER BY 1',
    )
    expect(categories).toEqual([
      { c: 'Adjustment', n: 2 },
      { c: 'Credit', n: 1 },
      { c: 'Usage', n: 997 },
    ])
  })

  it('maps 1.0 names onto 1.4 columns and keeps extra columns as x_ columns', async () => {
    ws = await freshWorkspace()
    await importFile(ws, sample('focus-sample-data/FOCUS-1.0/focus_sample.csv'))
    const [row] = await ws.all(
      `SELECT ServiceProviderName, x_PublisherName, x_Id, typeof(BilledCost) AS t, typeof(ChargePeriodStart) AS ts,
         strftime(min(ChargePeriodStart) OVER (), '%Y-%m-%dT%H:%M:%SZ') AS first
       FROM focus WHERE x_SourceRow = 1`,
    )
    expect(row).toEqual({
      ServiceProviderName: 'AWS',
      x_PublisherName: 'Amazon Web Services, Inc.',
      x_Id: '11472',
      t: 'DECIMAL(38,18)',
      ts: 'TIMESTAMP WITH TIME ZONE',
      first: '2024-09-18T22:00:00Z',
    })
  })

  it('records provenance: import id, source file and row of every stored row', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, sample(`${GOLDEN}/consolidated_multi_provider_1_3.csv`))
    const rows = await ws.all(
      'SELECT x_ImportId AS id, x_SourceFile AS f, x_SourceRow::INT AS r, x_SourceFormat AS fmt FROM focus ORDER BY r',
    )
    expect(rows).toEqual(
      [1, 2, 3, 4].map((r) => ({
        id: record.id,
        f: 'consolidated_multi_provider_1_3.csv',
        r,
        fmt: 'csv',
      })),
    )
  })

  it('keeps currencies apart: EUR and USD rows of one file get separate totals', async () => {
    ws = await freshWorkspace()
    const record = await importFile(ws, sample(`${GOLDEN}/consolidated_multi_provider_1_3.csv`))
    expect(record.totals.map((t) => [t.currency, t.billedStored, t.rows])).toEqual([
      [
        'EUR',
        csvSums(sample(`${GOLDEN}/consolidated_multi_provider_1_3.csv`), 'BilledCost').EUR?.sum,
        1,
      ],
      [
        'USD',
        csvSums(sample(`${GOLDEN}/consolidated_multi_provider_1_3.csv`), 'BilledCost').USD?.sum,
        3,
      ],
    ])
  })

  it('refuses a spec example without BillingCurrency, naming the missing column', async () => {
    ws = await freshWorkspace()
    const file =
      'focus-spec-examples/data/commitment_discount_scenarios/commitment_discount_purchase_scenario_1.csv'
    const record = await importFile(ws, sample(file))
    expect(record.status).toBe('failed')
    expect(record.error).toMatchObject({
      code: 'MISSING_COLUMNS',
      message:
        'commitment_discount_purchase_scenario_1.csv lacks required FOCUS column: BillingCurrency.',
      location: { file: 'commitment_discount_purchase_scenario_1.csv' },
    })
    expect(await storedTotals(ws)).toEqual({})
  })

  it('records every import in the audit log', async () => {
    ws = await freshWorkspace()
    await importFile(ws, sample(`${GOLDEN}/consolidated_multi_provider_1_3.csv`))
    const log = await ws.all("SELECT action, subject FROM audit_log WHERE action LIKE 'import.%'")
    expect(log).toEqual([
      { action: 'import.imported', subject: 'consolidated_multi_provider_1_3.csv' },
    ])
  })
})
