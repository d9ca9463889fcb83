/**
 * "Filter to this" from the chart (chart-filter.ts): a click target becomes include filters that
 * replace an older include filter on the same dimension, a heatmap cell's day becomes the date
 * range, and a target that narrows nothing ("(Other)") changes nothing.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, type Filter, type PivotSpec } from '../../../../../shared/pivot'
import {
  nextDay,
  targetChange,
  targetOf,
  withFilters,
} from '../../../../../renderer/src/features/explore/chart-filter'

const service = { kind: 'column', name: 'ServiceName' } as const
const region = { kind: 'column', name: 'RegionId' } as const

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

describe('targetChange', () => {
  const spec: PivotSpec = { ...DEFAULT_PIVOT, dateRange: { start: '2024-09-01', end: null } }

  it('adds the filters of a clicked element', () => {
    const filters: Filter[] = [{ dimension: service, op: 'in', values: ['Compute'] }]
    expect(targetChange(spec, { filters })).toEqual({ filters })
  })

  it('narrows the date range to a heatmap cell’s day', () => {
    const filters: Filter[] = [{ dimension: service, op: 'in', values: ['Compute'] }]
    expect(
      targetChange(spec, { filters, dateRange: { start: '2024-09-30', end: '2024-10-01' } }),
    ).toEqual({ filters, dateRange: { start: '2024-09-30', end: '2024-10-01' } })
  })

  it('changes nothing for "(Other)" or a click outside any element', () => {
    expect(targetChange(spec, { filters: [] })).toBeNull()
    expect(targetChange(spec, targetOf(null))).toBeNull()
    expect(targetChange(spec, targetOf({ value: 3 }))).toBeNull()
  })
})

describe('nextDay', () => {
  it('steps over month and year ends and leap days in UTC', () => {
    expect(['2024-09-30', '2024-12-31', '2024-02-28', '2024-02-29'].map(nextDay)).toEqual([
      '2024-10-01',
      '2025-01-01',
      '2024-02-29',
      '2024-03-01',
    ])
  })
})
