/**
 * "Filter to this" from the chart (chart-filter.ts): a clicked bar or point becomes include
 * filters on the group-bys drawn there, with values as stored ("(none)" is null); the top N's
 * "(Other)" adds none; a new include filter on a dimension replaces the old one.
 */
import { tableFromArrays } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import type { PivotMeta } from '../../../../../shared/contract'
import { DEFAULT_PIVOT, type Filter, type PivotSpec } from '../../../../../shared/pivot'
import { chartOption } from '../../../../../renderer/src/features/explore/chart-option'
import {
  elementFilters,
  withFilters,
} from '../../../../../renderer/src/features/explore/chart-filter'
import { pivotView } from '../../../../../renderer/src/features/explore/pivot-view'

// Service × region per currency, with a missing region and the top N's fold.
const table = tableFromArrays({
  c0: ['Compute', 'Compute', 'Storage', 'Other services'],
  c1: ['eu-west-1', null, 'eu-west-1', 'us-east-1'],
  c2: ['USD', 'USD', 'USD', 'USD'],
  c3: ['5', '2', '1', '0.5'],
  c4: Float64Array.from([5, 2, 1, 0.5]),
  c5: Float64Array.from([3, 2, 1, 1]),
  c6: Int32Array.from([0, 0, 0, 1]),
})
const meta: PivotMeta = {
  rowCount: 4,
  truncated: false,
  currencies: ['USD'],
  elapsedMs: 1,
  columns: [
    { name: 'ServiceName', role: 'dimension' },
    { name: 'RegionId', role: 'dimension' },
    { name: 'BillingCurrency', role: 'unit' },
    { name: 'BilledCost', role: 'value' },
    { name: 'chart', role: 'chart' },
    { name: 'rows', role: 'count' },
    { name: 'other', role: 'other' },
  ],
}
const service = { kind: 'column', name: 'ServiceName' } as const
const region = { kind: 'column', name: 'RegionId' } as const
const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service, region], topN: 2 }
const view = pivotView(table, meta)

/** The series names the chart draws, so the test clicks what a person can click. */
const seriesNames = (): string[] =>
  (chartOption(view, spec, 'bar', false).series as { name: string }[]).map((s) => s.name)

describe('elementFilters', () => {
  it('filters to the clicked bar: its category and its series values', () => {
    expect(seriesNames()).toContain('eu-west-1 · USD')
    expect(elementFilters(view, spec, false, 'Compute', 'eu-west-1 · USD')).toEqual([
      { dimension: service, op: 'in', values: ['Compute'] },
      { dimension: region, op: 'in', values: ['eu-west-1'] },
    ])
  })

  it('reads a missing value as null, not as the "(none)" label', () => {
    expect(seriesNames()).toContain('(none) · USD')
    expect(elementFilters(view, spec, false, 'Compute', '(none) · USD')).toEqual([
      { dimension: service, op: 'in', values: ['Compute'] },
      { dimension: region, op: 'in', values: [null] },
    ])
  })

  it('adds no filter for the top N fold, only for the series values', () => {
    expect(elementFilters(view, spec, false, '(Other)', 'us-east-1 · USD')).toEqual([
      { dimension: region, op: 'in', values: ['us-east-1'] },
    ])
  })

  it('finds nothing for an element no row is drawn at', () => {
    expect(elementFilters(view, spec, false, 'Storage', '(none) · USD')).toEqual([])
  })
})

describe('withFilters', () => {
  it('replaces an include filter on the same dimension and keeps the rest', () => {
    const before: Filter[] = [
      { dimension: service, op: 'in', values: ['Compute', 'Storage'] },
      { dimension: service, op: 'notIn', values: ['Support'] },
      { dimension: region, op: 'in', values: ['eu-west-1'] },
    ]
    expect(withFilters(before, [{ dimension: service, op: 'in', values: ['Storage'] }])).toEqual([
      { dimension: service, op: 'notIn', values: ['Support'] },
      { dimension: region, op: 'in', values: ['eu-west-1'] },
      { dimension: service, op: 'in', values: ['Storage'] },
    ])
  })
})
