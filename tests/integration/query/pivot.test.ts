/** Pivots on real data through runPivot: exact decimal values, currency split, top N, tags, time grain. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { runPivot } from '../../../electron/core/query/pivot'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { pivotRows } from '../../helpers/arrow'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
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
    expect(rows.map((r) => r.other)).toEqual([0, 0, 0, 0, 0, 1])
    expect(rows[5]?.ServiceName).toBeNull()
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

  it('applies a From date alone, and an Until date alone', async () => {
    const [header = [], ...records] = parseCsv(readFileSync(SAMPLE, 'utf8'))
    const start = header.indexOf('ChargePeriodStart')
    const billed = header.indexOf('BilledCost')
    // Timestamps in the file read "2024-09-18 22:00:00" (UTC), so text order is time order.
    const oracle = (keep: (day: string) => boolean): string =>
      sumDecimals(records.filter((r) => keep(r[start] ?? '')).map((r) => r[billed] ?? '0'))
    const total = async (dateRange: PivotSpec['dateRange']): Promise<unknown> => {
      const { meta, arrow } = await runPivot(ws, spec({ rows: [], dateRange }))
      return pivotRows(meta, arrow)[0]?.BilledCost
    }
    const from = await total({ start: '2024-09-15', end: null })
    const until = await total({ start: null, end: '2024-09-15' })
    expect(from).toBe(oracle((day) => day >= '2024-09-15'))
    expect(until).toBe(oracle((day) => day < '2024-09-15'))
    expect(from).not.toBe(csvSums(SAMPLE, 'BilledCost').USD?.sum)
    expect(sumDecimals([String(from), String(until)])).toBe(csvSums(SAMPLE, 'BilledCost').USD?.sum)
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

/**
 * A small FOCUS file written by the test: USD and JPY rows, a real ServiceName "(Other)", a
 * missing ServiceName, and Tags whose keys hold `"`, `.`, `\\`, `'` and `*` (plus a nested
 * `a`.`b` that a `$.a.b` path would wrongly reach).
 */
const CRAFTED: ReadonlyArray<{
  service: string | null
  currency: string
  billed: string
  tags: Record<string, unknown>
}> = [
  {
    service: 'Compute',
    currency: 'USD',
    billed: '100.10',
    tags: { 'a"b': 'q1', 'a.b': 'd1', a: { b: 'nested' }, 'a\\b': 's1', "a'b": 'p1', '*': 'star1' },
  },
  {
    service: 'Storage',
    currency: 'USD',
    billed: '1.01',
    tags: { 'a"b': 'q2', 'a.b': 'd1', 'a\\b': 's1', "a'b": 'p2', '*': 'star2' },
  },
  { service: '(Other)', currency: 'USD', billed: '50.5', tags: { 'a.b': 'd2', '*': 'star1' } },
  { service: null, currency: 'USD', billed: '0.25', tags: { 'a\\b': 's2' } },
  { service: 'Storage', currency: 'JPY', billed: '5000', tags: { '*': 'star2', "a'b": 'p1' } },
  { service: 'Network', currency: 'JPY', billed: '3000', tags: { 'a"b': 'q1' } },
  { service: 'Compute', currency: 'JPY', billed: '2500', tags: { '*': 'star1', 'a.b': 'd1' } },
]

/** Writes CRAFTED as CSV with the sample's header, every other column from the sample's first row. */
function writeCrafted(): string {
  const [header = [], base = []] = parseCsv(readFileSync(SAMPLE, 'utf8'))
  const cell = (value: string): string =>
    value === 'NULL' ? value : `"${value.replaceAll('"', '""')}"`
  const lines = CRAFTED.map((row) => {
    const values = [...base]
    values[header.indexOf('ServiceName')] = row.service ?? 'NULL'
    values[header.indexOf('BillingCurrency')] = row.currency
    values[header.indexOf('BilledCost')] = row.billed
    values[header.indexOf('Tags')] = JSON.stringify(row.tags)
    return values.map(cell).join(',')
  })
  const path = join(tempDir(), 'crafted.csv')
  writeFileSync(path, [header.map(cell).join(','), ...lines].join('\n') + '\n')
  return path
}

describe('runPivot on a crafted file', () => {
  let crafted: Workspace
  beforeAll(async () => {
    crafted = await freshWorkspace('crafted')
    const record = await importFile(crafted, writeCrafted())
    expect([record.status, record.error?.message]).toEqual(['imported', undefined])
  })
  afterAll(() => crafted.close())

  const byService = async (topN: number) => {
    const { meta, arrow } = await runPivot(
      crafted,
      spec({ rows: [{ kind: 'column', name: 'ServiceName' }], topN }),
    )
    return pivotRows(meta, arrow).map((r) => [
      r.BillingCurrency,
      r.ServiceName,
      r.other,
      r.BilledCost,
    ])
  }

  it('ranks the top N within each currency and folds the rest last, apart from real values', async () => {
    // USD by size: Compute 100.10, "(Other)" 50.5, Storage 1.01, no name 0.25.
    // JPY by size: Storage 5000, Network 3000, Compute 2500; the fold (5500) outweighs its top 1.
    expect(await byService(1)).toEqual([
      ['JPY', 'Storage', 0, '5000'],
      ['JPY', null, 1, '5500'],
      ['USD', 'Compute', 0, '100.1'],
      ['USD', null, 1, '51.76'],
    ])
    // A real "(Other)" and a real missing name are not the fold.
    expect(await byService(2)).toEqual([
      ['JPY', 'Storage', 0, '5000'],
      ['JPY', 'Network', 0, '3000'],
      ['JPY', null, 1, '2500'],
      ['USD', 'Compute', 0, '100.1'],
      ['USD', '(Other)', 0, '50.5'],
      ['USD', null, 1, '1.26'],
    ])
    expect((await byService(4)).filter((r) => r[0] === 'USD')).toEqual([
      ['USD', 'Compute', 0, '100.1'],
      ['USD', '(Other)', 0, '50.5'],
      ['USD', 'Storage', 0, '1.01'],
      ['USD', null, 0, '0.25'],
    ])
  })

  it.each(['a"b', 'a.b', 'a\\b', "a'b", '*'])('groups by the tag key %s exactly', async (key) => {
    const { meta, arrow } = await runPivot(crafted, spec({ rows: [{ kind: 'tag', key }] }))
    const got = pivotRows(meta, arrow)
      .map((r) => `${String(r[`tag:${key}`])} ${String(r.BillingCurrency)} ${String(r.BilledCost)}`)
      .sort()
    // Expected sums from the rows above, without DuckDB.
    const groups = new Map<string, string[]>()
    for (const row of CRAFTED) {
      const value = row.tags[key]
      const group = `${typeof value === 'string' ? value : 'null'} ${row.currency}`
      groups.set(group, [...(groups.get(group) ?? []), row.billed])
    }
    const expected = [...groups].map(([group, values]) => `${group} ${sumDecimals(values)}`).sort()
    expect(got).toEqual(expected)
    expect(new Set(got.map((line) => line.split(' ')[0])).size).toBeGreaterThan(2)
  })
})
