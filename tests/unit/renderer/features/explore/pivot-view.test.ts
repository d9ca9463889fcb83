/**
 * The explore result adapters (renderer/src/features/explore): exact totals
 * per currency, and charts whose series never mix currencies.
 */
import { tableFromArrays } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import type { PivotMeta } from '../../../../../shared/contract'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../../shared/pivot'
import { chartOption } from '../../../../../renderer/src/features/explore/chart-option'
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
const spec: PivotSpec = { ...DEFAULT_PIVOT, timeGrain: 'month' }

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

describe('chartOption', () => {
  it('makes one series per dimension value × currency, in time order', () => {
    const option = chartOption(pivotView(table, meta), spec, 'bar', true) as {
      xAxis: { data: string[] }
      series: { name: string; stack?: string; data: (number | null)[] }[]
    }
    expect(option.xAxis.data).toEqual(['Sep 2024', 'Oct 2024'])
    expect(option.series.map((s) => s.name)).toEqual([
      'Compute · USD',
      'Compute · EUR',
      'Storage · USD',
    ])
    // Bars stack only within one currency.
    expect(option.series.map((s) => s.stack)).toEqual(['USD', 'EUR', 'USD'])
    expect(option.series[0]?.data).toEqual([0.2, 0.1])
    expect(option.series[1]?.data).toEqual([5, null])
  })

  it('charts over the first dimension when there is one time bucket or none', () => {
    const option = chartOption(pivotView(table, meta), spec, 'bar', false) as {
      xAxis: { data: string[] }
      series: { name: string; stack?: string }[]
    }
    expect(option.xAxis.data).toEqual(['Compute', 'Storage'])
    expect(option.series.map((s) => s.name)).toEqual(['USD', 'EUR'])
    expect(option.series.every((s) => s.stack === undefined)).toBe(true)
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

  it('charts a missing value as (none), like the table, and puts the fold last', () => {
    const option = chartOption(view, { ...spec, timeGrain: 'none' }, 'bar', false) as {
      xAxis: { data: string[] }
      series: { name: string; data: (number | null)[] }[]
    }
    expect(option.xAxis.data).toEqual(['Compute', '"(Other)"', '(none)', 'Storage', '(Other)'])
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['JPY', [9000, 300, 20, null, 7000]],
      ['USD', [null, null, null, 12.5, 40]],
    ])
  })

  it('puts the fold series last over time, though its row comes first', () => {
    const overTime = tableFromArrays({
      c0: ['2024-09', '2024-10', '2024-10'],
      c1: [null, 'Compute', null],
      c2: ['USD', 'USD', 'USD'],
      c3: Float64Array.from([1, 0, 1]),
      c4: ['20.52', '916.36', '5'],
      c5: Float64Array.from([20.52, 916.36, 5]),
      c6: Float64Array.from([1000, 63, 4]),
    })
    const overTimeMeta: PivotMeta = {
      ...foldedMeta,
      rowCount: 3,
      currencies: ['USD'],
      columns: [{ name: 'Month', role: 'time' }, ...foldedMeta.columns],
    }
    const option = chartOption(pivotView(overTime, overTimeMeta), spec, 'line', true) as {
      series: { name: string; data: (number | null)[] }[]
    }
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Compute · USD', [null, 916.36]],
      ['(Other) · USD', [20.52, 5]],
    ])
  })
})
