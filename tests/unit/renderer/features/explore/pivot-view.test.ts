/**
 * The explore result adapter (pivot-view.ts): columns by role, exact totals per
 * currency, and the labels of the fold and of missing values.
 */
import { tableFromArrays } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import type { PivotMeta } from '../../../../../shared/contract'
import {
  dimensionText,
  distinctValues,
  pivotView,
  totalsByUnit,
} from '../../../../../renderer/src/features/explore/pivot-view'

// Arrow columns are named c0..cN; meta.columns lists them in order with display names.
const table = tableFromArrays({
  c0: ['2024-10', '2024-09', '2024-09', '2024-10'],
  c1: ['Compute', 'Compute', 'Compute', 'Storage'],
  c2: ['USD', 'USD', 'EUR', 'USD'],
  c3: ['0.1', '0.2', '5.000000000000000001', '0.3'],
  c4: Float64Array.from([0.1, 0.2, 5, 0.3]),
  c5: Float64Array.from([1, 2, 3, 4]),
})
const meta: PivotMeta = {
  rowCount: 4,
  truncated: false,
  currencies: ['EUR', 'USD'],
  elapsedMs: 1,
  columns: [
    { name: 'Month', role: 'time' },
    { name: 'ServiceName', role: 'dimension' },
    { name: 'BillingCurrency', role: 'unit' },
    { name: 'BilledCost', role: 'value' },
    { name: 'chart', role: 'chart' },
    { name: 'rows', role: 'count' },
  ],
}

describe('pivotView', () => {
  it('reads columns by position, with their roles', () => {
    const view = pivotView(table, meta)
    expect(view.dimensions.map((d) => d.name)).toEqual(['ServiceName'])
    expect(view.value?.text(2)).toBe('5.000000000000000001')
    expect(distinctValues(view, view.time)).toBe(2)
  })

  it('totals exactly per currency, never across currencies', () => {
    // 0.1 + 0.2 + 0.3 is 0.6 exactly, not 0.6000000000000001.
    expect(totalsByUnit(pivotView(table, meta))).toEqual([
      { unit: 'EUR', value: '5.000000000000000001', count: 3 },
      { unit: 'USD', value: '0.6', count: 7 },
    ])
  })
})

// A top-N result as runPivot returns it (largest first within each currency, the fold last per
// currency): a real "(Other)" value, a missing value and the fold, in USD and JPY.
const folded = tableFromArrays({
  c0: ['Compute', '(Other)', null, null, 'Storage', null],
  c1: ['JPY', 'JPY', 'JPY', 'JPY', 'USD', 'USD'],
  c2: Float64Array.from([0, 0, 0, 1, 0, 1]),
  c3: ['9000', '300', '20', '7000', '12.5', '40'],
  c4: Float64Array.from([9000, 300, 20, 7000, 12.5, 40]),
  c5: Float64Array.from([1, 1, 1, 4, 1, 3]),
})
const foldedMeta: PivotMeta = {
  ...meta,
  rowCount: 6,
  currencies: ['JPY', 'USD'],
  columns: [
    { name: 'ServiceName', role: 'dimension' },
    { name: 'BillingCurrency', role: 'unit' },
    { name: 'other', role: 'other' },
    { name: 'BilledCost', role: 'value' },
    { name: 'chart', role: 'chart' },
    { name: 'rows', role: 'count' },
  ],
}

describe('the top N fold and missing values', () => {
  const view = pivotView(folded, foldedMeta)

  it('reads the fold, a missing value and a real "(Other)" as three different labels', () => {
    expect([0, 1, 2, 3, 4, 5].map((row) => dimensionText(view, 0, row))).toEqual([
      'Compute',
      '"(Other)"',
      '(none)',
      '(Other)',
      'Storage',
      '(Other)',
    ])
  })
})
