/** The pivot table on real data through runPivotTable: matrix cells, several measures, totals, currencies. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { runPivotTable } from '../../../electron/core/query/pivot'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { fromScaled, sumDecimals, toScaled } from '../../../shared/money'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, insertServiceCosts } from '../../helpers/workspace'

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

/** The file's rows as header → value records (empty and NULL as null). */
function records(path: string): Array<Record<string, string | null>> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  return rows.map((row) =>
    Object.fromEntries(
      header.map((h, i) => {
        const v = (row[i] ?? '').trim()
        return [h, v === '' || v === 'NULL' ? null : v]
      }),
    ),
  )
}

/** Exact sum of `column` over `rows`, null values skipped. */
const sum = (rows: Array<Record<string, string | null>>, column: string): string =>
  sumDecimals(rows.flatMap((r) => (r[column] === null ? [] : [r[column]!])))

/** a ÷ b at 18 decimals, half away from zero, computed here independently; null for b = 0. */
function ratio(a: bigint, b: bigint): string | null {
  if (b === 0n) return null
  const n = a * 10n ** 18n
  const abs = (x: bigint): bigint => (x < 0n ? -x : x)
  const q = (2n * abs(n) + abs(b)) / (2n * abs(b))
  return fromScaled(n < 0n !== b < 0n ? -q : q)
}

describe('runPivotTable', () => {
  it('lays services × months of the sample out cell by cell as a hand sum of the file', async () => {
    const table = await runPivotTable(
      ws,
      spec({
        rows: [{ kind: 'column', name: 'ServiceName' }],
        columns: { kind: 'time' },
        timeGrain: 'month',
        measures: [{ measure: 'BilledCost' }, { measure: 'RowCount' }],
      }),
    )
    const rows = records(SAMPLE)
    const month = (r: Record<string, string | null>): string => r.ChargePeriodStart!.slice(0, 7)
    const months = [...new Set(rows.map(month))].sort()
    expect(table.columnKeys).toEqual(months)
    expect(table.rowHeaders).toEqual(['ServiceName', 'BillingCurrency'])
    expect(table.dateBasis).toBe('charge')
    const details = table.rows.filter((r) => r.kind === 'detail')
    const services = new Set(rows.map((r) => r.ServiceName))
    expect(details).toHaveLength(services.size)
    for (const row of details) {
      months.forEach((m, i) => {
        const cell = rows.filter((r) => r.ServiceName === row.keys[0] && month(r) === m)
        expect(row.cells[i * 2]).toBe(cell.length ? sum(cell, 'BilledCost') : null)
        expect(row.cells[i * 2 + 1]).toBe(cell.length ? String(cell.length) : null)
      })
    }
    const total = table.rows.at(-1)!
    expect(total.kind).toBe('total')
    months.forEach((m, i) => {
      expect(total.cells[i * 2]).toBe(
        sum(
          rows.filter((r) => month(r) === m),
          'BilledCost',
        ),
      )
    })
  })

  it('derives savings, the savings rate and % of total exactly', async () => {
    const table = await runPivotTable(
      ws,
      spec({
        rows: [{ kind: 'column', name: 'ServiceName' }],
        measures: [
          { measure: 'Savings' },
          { measure: 'EffectiveSavingsRate' },
          { measure: 'PercentOfTotal' },
        ],
      }),
    )
    const rows = records(SAMPLE)
    const all = toScaled(sum(rows, 'BilledCost'))
    let sawNullRate = false
    for (const row of table.rows.filter((r) => r.kind === 'detail')) {
      const mine = rows.filter((r) => r.ServiceName === row.keys[0])
      const list = toScaled(sum(mine, 'ListCost'))
      const savings = list - toScaled(sum(mine, 'EffectiveCost'))
      expect(row.cells[0]).toBe(fromScaled(savings))
      if (list === 0n) sawNullRate = true
      expect(row.cells[1]).toBe(ratio(savings, list))
      expect(row.cells[2]).toBe(ratio(toScaled(sum(mine, 'BilledCost')), all))
    }
    expect(sawNullRate).toBe(true)
    expect(table.rows.at(-1)?.cells[2]).toBe('1')
  })

  it('divides cost by quantity per unit, null where the quantity is 0', async () => {
    const table = await runPivotTable(
      ws,
      spec({
        rows: [{ kind: 'column', name: 'ServiceName' }],
        measures: [{ measure: 'UnitCost' }],
      }),
    )
    expect(table.rowHeaders).toEqual(['ServiceName', 'BillingCurrency', 'ConsumedUnit'])
    const rows = records(SAMPLE)
    let sawNull = false
    for (const row of table.rows.filter((r) => r.kind === 'detail')) {
      const mine = rows.filter(
        (r) => r.ServiceName === row.keys[0] && r.ConsumedUnit === row.keys[2],
      )
      const quantity = toScaled(sum(mine, 'ConsumedQuantity'))
      if (quantity === 0n) sawNull = true
      expect(row.cells[0]).toBe(ratio(toScaled(sum(mine, 'EffectiveCost')), quantity))
    }
    expect(sawNull).toBe(true)
  })

  it('counts distinct values and sums PricingQuantity per PricingUnit', async () => {
    const table = await runPivotTable(
      ws,
      spec({
        rows: [{ kind: 'column', name: 'ServiceCategory' }],
        measures: [
          { measure: 'DistinctCount', column: 'ResourceId' },
          { measure: 'PricingQuantity' },
        ],
      }),
    )
    expect(table.rowHeaders).toEqual(['ServiceCategory', 'BillingCurrency', 'PricingUnit'])
    const rows = records(SAMPLE)
    const details = table.rows.filter((r) => r.kind === 'detail')
    expect(details.length).toBeGreaterThan(5)
    for (const row of details) {
      const mine = rows.filter(
        (r) => r.ServiceCategory === row.keys[0] && r.PricingUnit === row.keys[2],
      )
      const distinct = new Set(mine.flatMap((r) => (r.ResourceId === null ? [] : [r.ResourceId])))
      expect(row.cells).toEqual([String(distinct.size), sum(mine, 'PricingQuantity')])
    }
  })

  it('keeps the top N per currency with (Other) last, subtotals and a total that still add up', async () => {
    const table = await runPivotTable(
      ws,
      spec({
        rows: [
          { kind: 'column', name: 'ServiceCategory' },
          { kind: 'column', name: 'ServiceName' },
        ],
        measures: [{ measure: 'BilledCost' }],
        topN: 2,
      }),
    )
    const kinds = table.rows.map((r) => r.kind)
    expect(kinds.at(-1)).toBe('total')
    const subtotals = table.rows.filter((r) => r.kind === 'subtotal')
    expect(subtotals.filter((r) => !r.folded)).toHaveLength(2)
    expect(subtotals.at(-1)?.folded).toBe(true)
    // Every subtotal follows its own rows (at most N, then its own (Other)) and equals their sum.
    let pending: string[] = []
    let kept = 0
    for (const row of table.rows) {
      if (row.kind === 'detail') kept++
      if (row.kind === 'detail' || row.kind === 'other') pending.push(row.cells[0]!)
      if (row.kind === 'subtotal') {
        expect(row.cells[0]).toBe(sumDecimals(pending))
        expect(kept).toBeLessThanOrEqual(2)
        pending = []
        kept = 0
      }
    }
    const inner = table.rows.filter((r) => r.innerFolded)
    expect(inner.length).toBeGreaterThan(0)
    // An inner (Other) holds exactly the rows of its first-level value outside the kept two.
    const rows = records(SAMPLE)
    for (const fold of inner) {
      const shown = table.rows
        .filter((r) => r.kind === 'detail' && r.keys[0] === fold.keys[0])
        .map((r) => r.keys[1])
      const rest = rows.filter(
        (r) => r.ServiceCategory === fold.keys[0] && !shown.includes(r.ServiceName),
      )
      expect(fold.cells[0]).toBe(sum(rest, 'BilledCost'))
    }
    expect(table.rows.at(-1)?.cells[0]).toBe(sum(records(SAMPLE), 'BilledCost'))
    // Kept first-level rows are the largest, in descending order.
    expect(toScaled(subtotals[0]!.cells[0]!) >= toScaled(subtotals[1]!.cells[0]!)).toBe(true)
  })

  it('reads each figure exactly from DuckDB: 20 integer digits, 18 decimals, signs, zeros, counts', async () => {
    const edge = await freshWorkspace('table-edge-figures')
    try {
      // Per service: the widest value a DECIMAL(38,18) holds, a credit smaller than a cent's
      // billionth, a charge and its credit netting to zero, a net credit under one.
      await insertServiceCosts(edge, [
        ['Wide', '99999999999999999999.999999999999999999'],
        ['Tiny', '-0.000000000000000001'],
        ['Zero', '12.5'],
        ['Zero', '-12.5'],
        ['Credit', '0.25'],
        ['Credit', '-0.75'],
      ])
      const table = await runPivotTable(
        edge,
        spec({
          rows: [{ kind: 'column', name: 'ServiceName' }],
          measures: [{ measure: 'BilledCost' }, { measure: 'RowCount' }],
        }),
      )
      const cells = Object.fromEntries(
        table.rows.filter((r) => r.kind === 'detail').map((r) => [r.keys[0], r.cells]),
      )
      expect(cells).toEqual({
        Wide: ['99999999999999999999.999999999999999999', '1'],
        Tiny: ['-0.000000000000000001', '1'],
        Zero: ['0', '2'],
        Credit: ['-0.5', '2'],
      })
    } finally {
      edge.close()
    }
  })

  it('never adds EUR to USD: a total per currency', async () => {
    const multi = await freshWorkspace('multi-table')
    try {
      await importFile(multi, MULTI)
      const table = await runPivotTable(
        multi,
        spec({
          rows: [{ kind: 'column', name: 'ServiceCategory' }],
          measures: [{ measure: 'BilledCost' }],
        }),
      )
      const rows = records(MULTI)
      const totals = table.rows.filter((r) => r.kind === 'total')
      expect(totals.map((r) => [r.keys[1], r.cells[0]])).toEqual(
        ['EUR', 'USD'].map((c) => [
          c,
          sum(
            rows.filter((r) => r.BillingCurrency === c),
            'BilledCost',
          ),
        ]),
      )
      for (const row of table.rows.filter((r) => r.kind === 'detail')) {
        const mine = rows.filter(
          (r) => r.ServiceCategory === row.keys[0] && r.BillingCurrency === row.keys[1],
        )
        expect(row.cells[0]).toBe(sum(mine, 'BilledCost'))
      }
    } finally {
      multi.close()
    }
  })
})

/** USD and JPY rows whose Tags keys hold `"`, `.`, `\`, `'` and `*` (and a nested a.b). */
const CRAFTED = [
  {
    service: 'Compute',
    currency: 'USD',
    billed: '100.10',
    list: '120',
    tags: { 'a"b': 'q1', 'a.b': 'd1', a: { b: 'nested' }, 'a\\b': 's1', "a'b": 'p1', '*': 'star1' },
  },
  {
    service: 'Storage',
    currency: 'USD',
    billed: '1.01',
    list: '1.01',
    tags: { 'a"b': 'q2', 'a.b': 'd1', 'a\\b': 's1', "a'b": 'p2', '*': 'star2' },
  },
  { service: 'Network', currency: 'USD', billed: '0.25', list: '0', tags: { 'a\\b': 's2' } },
  {
    service: 'Storage',
    currency: 'JPY',
    billed: '5000',
    list: '6000',
    tags: { '*': 'star2', "a'b": 'p1' },
  },
  {
    service: 'Compute',
    currency: 'JPY',
    billed: '2500',
    list: '2500',
    tags: { '*': 'star1', 'a.b': 'd1' },
  },
] as const

function writeCrafted(): string {
  const [header = [], base = []] = parseCsv(readFileSync(SAMPLE, 'utf8'))
  const cell = (value: string): string =>
    value === 'NULL' ? value : `"${value.replaceAll('"', '""')}"`
  const lines = CRAFTED.map((row) => {
    const values = [...base]
    values[header.indexOf('ServiceName')] = row.service
    values[header.indexOf('BillingCurrency')] = row.currency
    values[header.indexOf('BilledCost')] = row.billed
    values[header.indexOf('ListCost')] = row.list
    values[header.indexOf('EffectiveCost')] = row.billed
    values[header.indexOf('Tags')] = JSON.stringify(row.tags)
    return values.map(cell).join(',')
  })
  const path = join(tempDir(), 'crafted.csv')
  writeFileSync(path, [header.map(cell).join(','), ...lines].join('\n') + '\n')
  return path
}

describe('runPivotTable on tag keys holding " . \\ \' *', () => {
  let crafted: Workspace
  beforeAll(async () => {
    crafted = await freshWorkspace('crafted-table')
    expect((await importFile(crafted, writeCrafted())).status).toBe('imported')
  })
  afterAll(() => crafted.close())

  it.each(['a"b', 'a.b', 'a\\b', "a'b", '*'])(
    'reads tag:%s as rows and as columns',
    async (key) => {
      const expected = new Map<string, string[]>()
      for (const row of CRAFTED) {
        const value = (row.tags as Record<string, unknown>)[key]
        const id = `${typeof value === 'string' ? value : null}|${row.currency}`
        expected.set(id, [...(expected.get(id) ?? []), row.billed])
      }
      const table = await runPivotTable(
        crafted,
        spec({ rows: [{ kind: 'tag', key }], measures: [{ measure: 'BilledCost' }] }),
      )
      const got = table.rows
        .filter((r) => r.kind === 'detail')
        .map((r) => [`${r.keys[0]}|${r.keys[1]}`, r.cells[0]])
      expect(new Map(got as Array<[string, string]>)).toEqual(
        new Map([...expected].map(([id, values]) => [id, sumDecimals(values)])),
      )
      const across = await runPivotTable(
        crafted,
        spec({ rows: [], columns: { kind: 'tag', key }, measures: [{ measure: 'BilledCost' }] }),
      )
      expect(across.columnKeys.filter((k) => k !== null).sort()).toEqual(
        [
          ...new Set(
            [...expected.keys()].map((id) => id.split('|')[0]).filter((v) => v !== 'null'),
          ),
        ].sort(),
      )
    },
  )

  it('filters by tag present or missing, text and numeric range; ratios null on a zero ListCost', async () => {
    const run = async (conditions: NonNullable<PivotSpec['conditions']>) =>
      (
        await runPivotTable(
          crafted,
          spec({
            rows: [{ kind: 'column', name: 'ServiceName' }],
            measures: [{ measure: 'BilledCost' }, { measure: 'EffectiveSavingsRate' }],
            conditions,
            totals: false,
          }),
        )
      ).rows.map((r) => [r.keys[0], r.keys[1], r.cells[0], r.cells[1]])
    expect(await run([{ op: 'tagMissing', key: 'a"b' }])).toEqual(
      [
        ['Network', 'USD', '0.25', null],
        ['Storage', 'JPY', '5000', '0.166666666666666667'],
        ['Compute', 'JPY', '2500', '0'],
      ].sort(byCurrencyThen),
    )
    expect(
      await run([
        { op: 'tagPresent', key: 'a.b' },
        { op: 'contains', dimension: { kind: 'column', name: 'ServiceName' }, text: 'PUT' },
      ]),
    ).toEqual([
      ['Compute', 'JPY', '2500', '0'],
      ['Compute', 'USD', '100.1', '0.165833333333333333'],
    ])
    expect(
      await run([
        { op: 'range', column: 'BilledCost', min: '1.01', max: '2500' },
        { op: 'startsWith', dimension: { kind: 'tag', key: "a'b" }, text: 'P' },
      ]),
    ).toEqual([
      ['Compute', 'USD', '100.1', '0.165833333333333333'],
      ['Storage', 'USD', '1.01', '0'],
    ])
  })
})

/** Currency first, then the first measure largest first (the table's default order). */
function byCurrencyThen(a: Array<string | null>, b: Array<string | null>): number {
  if (a[1] !== b[1]) return String(a[1]) < String(b[1]) ? -1 : 1
  return Number(b[2]) - Number(a[2])
}

describe('runPivotTable over time', () => {
  const DAILY = sample('focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows100_seed42.csv')
  let daily: Workspace
  beforeAll(async () => {
    daily = await freshWorkspace('daily-table')
    expect((await importFile(daily, DAILY)).status).toBe('imported')
  })
  afterAll(() => daily.close())

  /** The Monday of a UTC date's ISO week, computed here without DuckDB. */
  const monday = (iso: string): string => {
    const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
    return day.toISOString().slice(0, 10)
  }

  it('buckets by ISO week (Monday) across, with the change against the week before', async () => {
    const table = await runPivotTable(
      daily,
      spec({
        rows: [{ kind: 'column', name: 'ServiceCategory' }],
        columns: { kind: 'time' },
        timeGrain: 'week',
        measures: [
          { measure: 'BilledCost' },
          { measure: 'ChangeVsPrevious' },
          { measure: 'ChangePercentVsPrevious' },
        ],
      }),
    )
    const rows = records(DAILY)
    const weeks = [...new Set(rows.map((r) => monday(r.ChargePeriodStart!)))].sort()
    expect(table.columnKeys).toEqual(weeks)
    expect(weeks[0]).toBe('2026-04-27')
    const cellSum = (category: string | null, week: string): string | null => {
      const mine = rows.filter(
        (r) => r.ServiceCategory === category && monday(r.ChargePeriodStart!) === week,
      )
      return mine.length ? sum(mine, 'BilledCost') : null
    }
    let changes = 0
    for (const row of table.rows.filter((r) => r.kind === 'detail')) {
      weeks.forEach((week, i) => {
        const now = cellSum(row.keys[0]!, week)
        const before = i > 0 ? cellSum(row.keys[0]!, weeks[i - 1]!) : null
        const change = now !== null && before !== null ? toScaled(now) - toScaled(before) : null
        if (change !== null) changes++
        expect(row.cells[i * 3]).toBe(now)
        expect(row.cells[i * 3 + 1]).toBe(change === null ? null : fromScaled(change))
        expect(row.cells[i * 3 + 2]).toBe(
          change === null ? null : ratio(change, toScaled(before!.replace(/^-/, ''))),
        )
      })
    }
    expect(changes).toBeGreaterThan(0)
  })

  it('states and uses the billing period as the date basis', async () => {
    const table = await runPivotTable(
      daily,
      spec({
        rows: [],
        timeGrain: 'quarter',
        dateBasis: 'billing',
        measures: [{ measure: 'BilledCost' }],
        // Every row's billing period starts on 1 May, whatever its charge day.
        dateRange: { start: '2026-05-01', end: '2026-05-02' },
      }),
    )
    expect(table.dateBasis).toBe('billing')
    expect(table.rowHeaders).toEqual(['Quarter', 'BillingCurrency'])
    expect(table.rows.map((r) => [...r.keys, ...r.cells])).toEqual([
      ['2026-Q2', 'USD', sum(records(DAILY), 'BilledCost')],
    ])
    // By charge period, a range that ends on 2 May keeps only the first day's rows.
    const charge = await runPivotTable(
      daily,
      spec({
        rows: [],
        measures: [{ measure: 'BilledCost' }],
        dateRange: { start: null, end: '2026-05-02' },
      }),
    )
    const first = records(DAILY).filter((r) => r.ChargePeriodStart!.startsWith('2026-05-01'))
    expect(charge.rows.map((r) => r.cells[0])).toEqual([sum(first, 'BilledCost')])
  })

  it('sorts by any result column, largest or smallest first, the total last', async () => {
    const asc = await runPivotTable(
      daily,
      spec({
        rows: [{ kind: 'column', name: 'ServiceName' }],
        measures: [{ measure: 'BilledCost' }, { measure: 'RowCount' }],
        sort: { by: 'RowCount', direction: 'asc' },
      }),
    )
    const counts = asc.rows.filter((r) => r.kind === 'detail').map((r) => Number(r.cells[1]))
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(asc.rows.at(-1)?.kind).toBe('total')
    const byName = await runPivotTable(
      daily,
      spec({
        rows: [{ kind: 'column', name: 'ServiceName' }],
        measures: [{ measure: 'BilledCost' }],
        sort: { by: 'ServiceName', direction: 'desc' },
      }),
    )
    const names = byName.rows.filter((r) => r.kind === 'detail').map((r) => r.keys[0]!)
    expect(names).toEqual([...names].sort().reverse())
    // In a matrix a measure's name sorts by the row's total across the columns.
    const matrix = await runPivotTable(
      daily,
      spec({
        rows: [{ kind: 'column', name: 'ServiceName' }],
        columns: { kind: 'time' },
        timeGrain: 'week',
        measures: [{ measure: 'BilledCost' }],
      }),
    )
    const rows = records(DAILY)
    const totals = matrix.rows
      .filter((r) => r.kind === 'detail')
      .map((r) =>
        toScaled(
          sum(
            rows.filter((x) => x.ServiceName === r.keys[0]),
            'BilledCost',
          ),
        ),
      )
    expect(totals.length).toBeGreaterThan(3)
    expect(totals).toEqual([...totals].sort((a, b) => (a === b ? 0 : a < b ? 1 : -1)))
  })
})
