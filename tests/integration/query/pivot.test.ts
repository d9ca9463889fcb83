/** Pivots on real data through runPivot: exact decimal values, currency split, top N, tags, time grain. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { runPivot } from '../../../electron/core/query/pivot'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, OTHER_LABEL, type PivotSpec } from '../../../shared/pivot'
import { pivotRows } from '../../helpers/arrow'
import { csvSums } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const MULTI = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')
let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace()
  await importFile(ws, SAMPLE)
})
afterAll(() => ws.close())

const spec = (patch: Partial<PivotSpec>): PivotSpec => ({
  ...DEFAULT_PIVOT,
  timeGrain: 'none',
  topN: null,
  ...patch,
})

describe('runPivot', () => {
  it('sums BilledCost by ServiceName exactly as the file does', async () => {
    const { meta, arrow } = await runPivot(
      ws,
      spec({ rows: [{ kind: 'column', name: 'ServiceName' }] }),
    )
    const rows = pivotRows(meta, arrow)
    const oracle = csvSums(SAMPLE, 'BilledCost', 'ServiceName')
    expect(meta.columns.map((c) => [c.name, c.role])).toEqual([
      ['ServiceName', 'dimension'],
      ['BillingCurrency', 'unit'],
      ['BilledCost', 'value'],
      ['chart', 'chart'],
      ['rows', 'count'],
    ])
    expect(rows).toHaveLength(Object.keys(oracle).length)
    for (const row of rows) {
      expect(row.BilledCost).toBe(oracle[String(row.ServiceName)]?.sum)
      expect(row.rows).toBe(oracle[String(row.ServiceName)]?.rows)
    }
    expect(sumDecimals(rows.map((r) => String(r.BilledCost)))).toBe(
      csvSums(SAMPLE, 'BilledCost').USD?.sum,
    )
    expect(meta.currencies).toEqual(['USD'])
  })

  it('folds everything past the top N into (Other) without changing the total', async () => {
    const { meta, arrow } = await runPivot(
      ws,
      spec({ rows: [{ kind: 'column', name: 'ServiceName' }], topN: 5 }),
    )
    const rows = pivotRows(meta, arrow)
    expect(rows).toHaveLength(6)
    expect(rows.filter((r) => r.ServiceName === OTHER_LABEL)).toHaveLength(1)
    expect(sumDecimals(rows.map((r) => String(r.BilledCost)))).toBe(
      csvSums(SAMPLE, 'BilledCost').USD?.sum,
    )
  })

  it('groups by a tag key and by day', async () => {
    const { meta, arrow } = await runPivot(
      ws,
      spec({
        rows: [{ kind: 'tag', key: 'environment' }],
        measure: 'RowCount',
        timeGrain: 'month',
      }),
    )
    const rows = pivotRows(meta, arrow)
    expect(meta.columns[0]).toEqual({ name: 'Month', role: 'time' })
    expect(rows.every((r) => r.Month === '2024-09')).toBe(true)
    expect(rows.reduce((n, r) => n + Number(r.Rows), 0)).toBe(1000)
    const daily = await runPivot(ws, spec({ rows: [], measure: 'RowCount', timeGrain: 'day' }))
    expect(pivotRows(daily.meta, daily.arrow)).toHaveLength(30)
  })

  it('filters with bound values and a date range', async () => {
    const { meta, arrow } = await runPivot(
      ws,
      spec({
        rows: [{ kind: 'column', name: 'ServiceProviderName' }],
        filters: [
          {
            dimension: { kind: 'column', name: 'ServiceProviderName' },
            op: 'in',
            values: ["Oracle'; DROP TABLE cost_rows; --", 'Oracle'],
          },
        ],
        dateRange: { start: '2024-09-01', end: '2024-10-01' },
      }),
    )
    expect(pivotRows(meta, arrow).map((r) => [r.ServiceProviderName, r.rows])).toEqual([
      ['Oracle', 7],
    ])
  })

  it('refuses a column the workspace does not have', async () => {
    await expect(
      runPivot(ws, spec({ rows: [{ kind: 'column', name: 'x"; DROP TABLE cost_rows; --' }] })),
    ).rejects.toMatchObject({
      error: { code: 'BAD_REQUEST' },
    })
  })
})

describe('runPivot with two currencies', () => {
  it('never adds EUR to USD: currency is part of every money grouping', async () => {
    const multi = await freshWorkspace('multi')
    try {
      await importFile(multi, MULTI)
      const { meta, arrow } = await runPivot(multi, spec({ rows: [] }))
      const oracle = csvSums(MULTI, 'BilledCost')
      expect(meta.currencies).toEqual(['EUR', 'USD'])
      const byCurrency = pivotRows(meta, arrow).map((r) => [r.BillingCurrency, r.BilledCost])
      expect(byCurrency.sort(([a], [b]) => String(a).localeCompare(String(b)))).toEqual(
        Object.entries(oracle)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([currency, s]) => [currency, s.sum]),
      )
    } finally {
      multi.close()
    }
  })
})
