/**
 * shared/pivot/table.ts on hand-made records of the compiled table query: rows ordered by the
 * exact sum of their cells across the column axis (digits a float or a text comparison would
 * get wrong), missing values last either way, the grand total last, and cells normalized.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../shared/pivot'
import { buildPivotTable, columnsOf, type TableRecord } from '../../../../shared/pivot/table'
import { compilePivotTable } from '../../../../shared/sql/pivot-table-sql'

const NAMES = new Set([
  'ServiceName',
  'RegionId',
  'BillingCurrency',
  'BilledCost',
  'ChargePeriodStart',
])
const SPEC: PivotSpec = {
  ...DEFAULT_PIVOT,
  timeGrain: 'none',
  topN: null,
  columns: { kind: 'column', name: 'RegionId' },
}

/** One record as the table query returns it: level 0 detail, 1 the grand total. */
const record = (d0: string | null, c: string, s0: string | null, lvl = 0): TableRecord => ({
  lvl: String(lvl),
  other: false,
  fold1: false,
  d0,
  c,
  u0: 'USD',
  s0,
})

const RECORDS: TableRecord[] = [
  // a: 10.000000000000000001 in all; b: 9.999999999999999999 + 0.5; c: 100 in one region only.
  record('a', 'east', '9.500000000000000000'),
  record('a', 'west', '0.500000000000000001'),
  record('b', 'east', '9.999999999999999999'),
  record('b', 'west', '0.500000000000000000'),
  record('c', 'west', '100'),
  record('d', 'east', null),
  record(null, 'east', '19.499999999999999999', 1),
  record(null, 'west', '101.000000000000000001', 1),
]

describe('buildPivotTable', () => {
  const compiled = compilePivotTable(SPEC, NAMES)
  const order = (spec: PivotSpec): Array<string | null> =>
    buildPivotTable(spec, compiled, RECORDS).rows.map((r) =>
      r.kind === 'total' ? 'total' : r.keys[0]!,
    )

  it('orders rows by the exact sum across the columns, largest first, a missing value and the total last', () => {
    expect(order(SPEC)).toEqual(['c', 'b', 'a', 'd', 'total'])
  })

  it('ascending keeps the missing value and the total last', () => {
    expect(order({ ...SPEC, sort: { by: 'BilledCost', direction: 'asc' } })).toEqual([
      'a',
      'b',
      'c',
      'd',
      'total',
    ])
  })

  it('sorts by one column cell exactly when asked', () => {
    expect(order({ ...SPEC, sort: { by: 'west BilledCost', direction: 'desc' } })).toEqual([
      'c',
      'a',
      'b',
      'd',
      'total',
    ])
  })

  it('normalizes each cell and leaves an empty cell empty', () => {
    const table = buildPivotTable(SPEC, compiled, RECORDS)
    expect(table.cellHeaders).toEqual(['east BilledCost', 'west BilledCost'])
    const cells = Object.fromEntries(table.rows.map((r) => [r.keys[0] ?? r.kind, r.cells]))
    expect(cells).toEqual({
      a: ['9.5', '0.500000000000000001'],
      b: ['9.999999999999999999', '0.5'],
      c: [null, '100'],
      d: [null, null],
      total: ['19.499999999999999999', '101.000000000000000001'],
    })
  })

  it('takes a column flagged canonical as it is and normalizes the others', () => {
    const columns = columnsOf(RECORDS)
    const s0 = columns.names.indexOf('s0')
    const cellsOf = (canonical: boolean[]): Record<string, ReadonlyArray<string | null>> =>
      Object.fromEntries(
        buildPivotTable(SPEC, compiled, { ...columns, canonical }).rows.map((r) => [
          r.keys[0] ?? r.kind,
          r.cells,
        ]),
      )
    // The flag is the engine's promise (result-columns.ts writes DECIMALs canonical): a text it
    // flags is not rewritten, so these trailing zeros show that the check was skipped.
    const flagged = cellsOf(columns.names.map((_, j) => j === s0))
    expect(flagged['a']).toEqual(['9.500000000000000000', '0.500000000000000001'])
    expect(cellsOf(columns.names.map(() => false))['a']).toEqual(['9.5', '0.500000000000000001'])
  })

  it('lays out the same table from columns as from records, whatever the order of the result rows', () => {
    // A share of the total reads the grand total's row: here the first row of the result.
    const spec: PivotSpec = {
      ...SPEC,
      measures: [{ measure: 'BilledCost' }, { measure: 'PercentOfTotal' }],
    }
    const shares = compilePivotTable(spec, NAMES)
    const expected = buildPivotTable(spec, shares, RECORDS)
    expect(expected.rows.find((r) => r.keys[0] === 'c')?.cells).toEqual([
      null,
      null,
      '100',
      expect.stringMatching(/^0\.990099009900990099/),
    ])
    const reversed = [...RECORDS].reverse()
    expect(buildPivotTable(spec, shares, reversed)).toEqual(expected)
    expect(buildPivotTable(spec, shares, columnsOf(reversed))).toEqual(expected)
  })

  it('orders hundreds of rows as their exact sums do: credits, rows that cancel, and ties a float cannot tell', () => {
    // Deterministic values with 18 decimals: large amounts whose sums differ only in the last
    // digit, credits, rows netting to zero, and plain spread-out amounts.
    let seed = 7
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648)
    const digits = (n: number): string =>
      Array.from({ length: n }, () => String(next() % 10)).join('')
    const many: TableRecord[] = []
    const exact = new Map<string, bigint>()
    for (let i = 0; i < 300; i++) {
      const key = `k${String(i).padStart(3, '0')}`
      const shape = i % 4
      const values =
        // 0.1 + 0.2 is 0.30000000000000004 as floats, above 0.3 + 1e-18: only exact sums order them.
        i === 298
          ? ['0.1', '0.2']
          : i === 299
            ? ['0.3', '0.000000000000000001']
            : shape === 0
              ? [`123456789.${digits(17)}${i % 10}`, `-0.${digits(18)}`]
              : shape === 1
                ? ['5000.000000000000000001', `-${(i % 7) + 1}.000000000000000000`]
                : shape === 2
                  ? [`${digits(3)}.${digits(18)}`, `-${digits(3)}.${digits(18)}`]
                  : ['0.000000000000000001', '-0.000000000000000001']
      values.forEach((v, column) => many.push(record(key, column ? 'west' : 'east', v)))
      const scaled = values.map((v) => {
        const [int = '', frac = ''] = v.replace('-', '').split('.')
        const n = BigInt(int + frac.padEnd(18, '0'))
        return v.startsWith('-') ? -n : n
      })
      exact.set(key, scaled[0]! + scaled[1]!)
    }
    const laid = buildPivotTable(SPEC, compiled, many).rows.map((r) => r.keys[0]!)
    const expected = [...exact.entries()]
      .sort(([ka, a], [kb, b]) => (a === b ? (ka < kb ? -1 : 1) : a > b ? -1 : 1))
      .map(([k]) => k)
    expect(laid).toEqual(expected)
  })
})
