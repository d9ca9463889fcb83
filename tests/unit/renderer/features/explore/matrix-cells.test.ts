/** How the pivot table's row labels and row totals read (matrix-cells.ts). */
import { describe, expect, it } from 'vitest'
import type { PivotTableData } from '../../../../../shared/contract'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../../shared/pivot'
import {
  additiveMeasures,
  formatRatio,
  rowLabel,
  rowTotal,
} from '../../../../../renderer/src/features/explore/matrix-cells'

type Row = PivotTableData['rows'][number]
const row = (kind: Row['kind'], keys: Array<string | null>, extra: Partial<Row> = {}): Row => ({
  kind,
  folded: false,
  innerFolded: false,
  keys,
  cells: [],
  ...extra,
})
const spec: PivotSpec = {
  ...DEFAULT_PIVOT,
  rows: [
    { kind: 'column', name: 'ServiceName' },
    { kind: 'column', name: 'RegionId' },
  ],
  columns: { kind: 'time' },
}

describe('rowLabel', () => {
  it('tells folds, missing values, subtotals and totals apart from real values', () => {
    expect(rowLabel(spec, row('other', [null, null, 'USD'], { folded: true }), 0)).toEqual({
      text: '(Other)',
      marker: true,
    })
    expect(rowLabel(spec, row('other', ['EC2', null, 'USD'], { innerFolded: true }), 1)).toEqual({
      text: '(Other)',
      marker: true,
    })
    expect(rowLabel(spec, row('detail', ['EC2', null, 'USD']), 1)).toEqual({
      text: '(none)',
      marker: true,
    })
    expect(rowLabel(spec, row('subtotal', ['EC2', null, 'USD']), 1).text).toBe('Subtotal')
    expect(rowLabel(spec, row('total', [null, null, 'USD']), 0).text).toBe('Total')
    expect(rowLabel(spec, row('total', [null, null, 'USD']), 2)).toEqual({
      text: 'USD',
      marker: false,
    })
    // A real value that reads like a marker is quoted.
    expect(rowLabel(spec, row('detail', ['(Other)', 'eu', 'USD']), 0)).toEqual({
      text: '"(Other)"',
      marker: false,
    })
  })

  it('skips the time bucket when time is a row', () => {
    const byWeek: PivotSpec = { ...spec, timeGrain: 'week', columns: null }
    const r = row('total', ['2024-09-02', null, null, 'EUR'])
    expect(rowLabel(byWeek, r, 0).text).toBe('2024-09-02')
    expect(rowLabel(byWeek, r, 1).text).toBe('Total')
  })
})

describe('rowTotal', () => {
  it('adds one measure across the columns exactly, skipping empty cells', () => {
    const table = {
      measures: [
        { label: 'BilledCost', kind: 'money' },
        { label: 'PercentOfTotal', kind: 'ratio' },
      ],
    } as unknown as PivotTableData
    const r = row('detail', ['EC2'], { cells: ['0.1', '0.5', '0.2', '0.5', null, null] })
    expect(rowTotal(table, r, 0)).toBe('0.3')
    expect(rowTotal(table, row('detail', ['x'], { cells: [null, null] }), 0)).toBeNull()
    expect(additiveMeasures(table)).toEqual([true, false])
  })
})

describe('formatRatio', () => {
  it('reads a fraction as a percentage', () => {
    expect(formatRatio('0.1234')).toBe('12.34 %')
    expect(formatRatio('-1')).toBe('-100.00 %')
  })
})
