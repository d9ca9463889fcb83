/**
 * The day × value heatmap (chart-heatmap.ts): one cell per day and first group-by value, summed
 * exactly over the second group-by, the largest value on top; a cell filters to its value and its
 * day, "(Other)" only to its day; the colour scale reads in the currency.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, OTHER_LABEL, type PivotSpec } from '../../../../../shared/pivot'
import { rowsOfUnit } from '../../../../../renderer/src/features/explore/chart-data'
import {
  heatmapData,
  heatmapOption,
} from '../../../../../renderer/src/features/explore/chart-heatmap'
import { resultView, type ResultRow } from '../../../../helpers/pivot-result'

const account = { kind: 'column', name: 'SubAccountName' } as const
const region = { kind: 'column', name: 'RegionId' } as const
const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [account, region], timeGrain: 'day', topN: 2 }

const rows: ResultRow[] = [
  { time: '2024-09-01', dims: ['Atlas', 'us-east-1'], unit: 'USD', value: '0.1' },
  { time: '2024-09-01', dims: ['Atlas', 'us-west-2'], unit: 'USD', value: '0.2' },
  { time: '2024-09-02', dims: ['Orion', 'us-east-1'], unit: 'USD', value: '7' },
  { time: '2024-09-03', dims: ['Atlas', null], unit: 'USD', value: '4' },
  { time: '2024-09-03', dims: [null, 'us-east-1'], unit: 'USD', value: '0.25', other: true },
]
const view = resultView(rows, ['SubAccountName', 'RegionId'], {
  timeName: 'Day',
  folding: true,
})
const data = heatmapData(view, spec, rowsOfUnit(view, 'USD'))

describe('heatmapData', () => {
  it('puts days across and values down, the largest first and the fold last', () => {
    expect(data.days).toEqual(['2024-09-01', '2024-09-02', '2024-09-03'])
    expect(data.values).toEqual(['Orion', 'Atlas', OTHER_LABEL])
  })

  it('sums a day and value over the second group-by exactly', () => {
    const cells = data.cells.map((c) => [data.days[c.x], data.values[c.y], c.total])
    const scale = 10n ** 17n
    expect(cells).toEqual([
      ['2024-09-01', 'Atlas', 3n * scale],
      ['2024-09-02', 'Orion', 70n * scale],
      ['2024-09-03', 'Atlas', 40n * scale],
      ['2024-09-03', OTHER_LABEL, 25n * 10n ** 16n],
    ])
  })

  it('filters a cell to its value and its day; "(Other)" to its day only', () => {
    expect(data.cells.map((c) => c.target)).toEqual([
      {
        filters: [{ dimension: account, op: 'in', values: ['Atlas'] }],
        dateRange: { start: '2024-09-01', end: '2024-09-02' },
      },
      {
        filters: [{ dimension: account, op: 'in', values: ['Orion'] }],
        dateRange: { start: '2024-09-02', end: '2024-09-03' },
      },
      {
        filters: [{ dimension: account, op: 'in', values: ['Atlas'] }],
        dateRange: { start: '2024-09-03', end: '2024-09-04' },
      },
      { filters: [], dateRange: { start: '2024-09-03', end: '2024-09-04' } },
    ])
  })
})

describe('heatmapOption', () => {
  it('scales colour from the smallest to the largest cell, labelled in the currency', () => {
    const { option } = heatmapOption(data, { unit: 'EUR', money: true })
    const visualMap = option.visualMap as {
      min: number
      max: number
      formatter: (value: number) => string
    }
    expect([visualMap.min, visualMap.max]).toEqual([0.25, 7])
    expect(visualMap.formatter(1500)).toBe('EUR 1.5k')
    const series = option.series as { type: string; data: { value: number[]; exact: string }[] }[]
    expect(series[0]?.data.map((d) => [d.value, d.exact])).toEqual([
      [[0, 1, 0.3], '0.3'],
      [[1, 0, 7], '7'],
      [[2, 1, 4], '4'],
      [[2, 2, 0.25], '0.25'],
    ])
  })
})
