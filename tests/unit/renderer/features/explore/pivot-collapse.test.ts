/**
 * Expand/collapse of the pivot table (pivot-collapse.ts): a collapsed first-level row keeps its
 * subtotal and hides its detail and inner (Other) rows, per currency and time bucket, and
 * the grand total and other groups always show.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../../shared/pivot'
import type { TableRow } from '../../../../../shared/pivot/table'
import {
  collapsibleGroups,
  groupId,
  visibleRows,
} from '../../../../../renderer/src/features/explore/pivot-collapse'

// ServiceCategory → ServiceName by month across (no time row): keys are [category, service, currency].
const spec: PivotSpec = {
  ...DEFAULT_PIVOT,
  rows: [
    { kind: 'column', name: 'ServiceCategory' },
    { kind: 'column', name: 'ServiceName' },
  ],
  columns: { kind: 'time' },
}

const row = (
  kind: TableRow['kind'],
  keys: Array<string | null>,
  flags: { folded?: boolean; innerFolded?: boolean } = {},
): TableRow => ({
  kind,
  folded: flags.folded ?? false,
  innerFolded: flags.innerFolded ?? false,
  keys,
  cells: ['1.00'],
})

const rows: TableRow[] = [
  row('detail', ['Compute', 'EC2', 'USD']), // 0
  row('detail', ['Compute', 'Lambda', 'USD']), // 1
  row('other', ['Compute', null, 'USD'], { innerFolded: true }), // 2
  row('subtotal', ['Compute', null, 'USD']), // 3
  row('detail', ['Storage', 'S3', 'USD']), // 4
  row('subtotal', ['Storage', null, 'USD']), // 5
  row('other', [null, null, 'USD'], { folded: true }), // 6
  row('subtotal', [null, null, 'USD'], { folded: true }), // 7
  row('total', [null, null, 'USD']), // 8
  row('detail', ['Compute', 'VM', 'EUR']), // 9
  row('subtotal', ['Compute', null, 'EUR']), // 10
  row('total', [null, null, 'EUR']), // 11
]
const table = { rows }
const idOf = (at: number): string => groupId(spec, rows[at]!)!

describe('visibleRows', () => {
  it('shows every row when nothing is collapsed', () => {
    expect(visibleRows(spec, table, new Set())).toEqual(rows.map((_, i) => i))
  })

  it('hides a collapsed group’s detail and inner (Other) rows and keeps its subtotal', () => {
    expect(visibleRows(spec, table, new Set([idOf(3)]))).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  it('collapses a group in one currency only, and the first-level (Other) on its own', () => {
    expect(visibleRows(spec, table, new Set([idOf(10), idOf(7)]))).toEqual([
      0, 1, 2, 3, 4, 5, 7, 8, 10, 11,
    ])
  })

  it('collapsed all: subtotals and totals only', () => {
    const all = new Set(collapsibleGroups(spec, table))
    expect(all.size).toBe(4)
    expect(visibleRows(spec, table, all)).toEqual([3, 5, 7, 8, 10, 11])
  })

  it('with a time row, the same group in another month is its own group', () => {
    const byMonth: PivotSpec = { ...spec, columns: null }
    const monthly = [
      row('detail', ['2024-09', 'Compute', 'EC2', 'USD']),
      row('subtotal', ['2024-09', 'Compute', null, 'USD']),
      row('detail', ['2024-10', 'Compute', 'EC2', 'USD']),
      row('subtotal', ['2024-10', 'Compute', null, 'USD']),
    ]
    const september = groupId(byMonth, monthly[1]!)!
    expect(visibleRows(byMonth, { rows: monthly }, new Set([september]))).toEqual([1, 2, 3])
  })

  it('has nothing to collapse with one row dimension', () => {
    const one: PivotSpec = { ...spec, rows: [{ kind: 'column', name: 'ServiceName' }] }
    const flat = [row('detail', ['EC2', 'USD']), row('total', [null, 'USD'])]
    expect(collapsibleGroups(one, { rows: flat })).toEqual([])
    expect(groupId(one, flat[0]!)).toBeNull()
  })
})
