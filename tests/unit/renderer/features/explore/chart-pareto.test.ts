/**
 * The Pareto chart (chart-pareto.ts): bars largest first with "(Other)" last, and the cumulative
 * share of the total, computed here by hand from the same amounts, on a second axis with the
 * 80% mark.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, OTHER_LABEL, type PivotSpec } from '../../../../../shared/pivot'
import { rowsOfUnit } from '../../../../../renderer/src/features/explore/chart-data'
import {
  paretoData,
  paretoOption,
  percentOf,
} from '../../../../../renderer/src/features/explore/chart-pareto'
import { resultView, type ResultRow } from '../../../../helpers/pivot-result'

const service = { kind: 'column', name: 'ServiceName' } as const
const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service], timeGrain: 'month', topN: 3 }

// Two months of three services and the top N's fold; Storage is split over both months.
const rows: ResultRow[] = [
  { time: '2024-09', dims: ['Storage'], unit: 'USD', value: '0.7' },
  { time: '2024-09', dims: ['Compute'], unit: 'USD', value: '5' },
  { time: '2024-10', dims: ['Storage'], unit: 'USD', value: '1.3' },
  { time: '2024-10', dims: ['Network'], unit: 'USD', value: '1' },
  { time: '2024-10', dims: [null], unit: 'USD', value: '0.5', other: true },
]
const view = resultView(rows, ['ServiceName'], { timeName: 'Month', folding: true })
const data = paretoData(view, spec, rowsOfUnit(view, 'USD'))

describe('paretoData', () => {
  it('sums each value over time exactly and orders the bars largest first, the fold last', () => {
    expect(data.bars.map((bar) => [bar.name, bar.total])).toEqual([
      ['Compute', 5n * 10n ** 18n],
      ['Storage', 2n * 10n ** 18n],
      ['Network', 1n * 10n ** 18n],
      [OTHER_LABEL, 5n * 10n ** 17n],
    ])
  })

  it('gives the cumulative share of the total to 0.01%', () => {
    // By hand, in cents: total 850; running 500, 700, 800, 850.
    const share = (cents: number): string => String(Math.round((cents * 10000) / 850) / 100)
    expect(data.cumulative).toEqual([share(500), share(700), share(800), share(850)])
    expect(data.cumulative).toEqual(['58.82', '82.35', '94.12', '100'])
  })

  it('filters a bar to its value, and "(Other)" to nothing', () => {
    expect(data.bars.map((bar) => bar.target.filters)).toEqual([
      [{ dimension: service, op: 'in', values: ['Compute'] }],
      [{ dimension: service, op: 'in', values: ['Storage'] }],
      [{ dimension: service, op: 'in', values: ['Network'] }],
      [],
    ])
  })
})

describe('percentOf', () => {
  it('rounds half away from zero on the exact quotient', () => {
    expect(percentOf(1n, 8n)).toBe('12.5')
    expect(percentOf(1n, 3n)).toBe('33.33')
    expect(percentOf(2n, 3n)).toBe('66.67')
    expect(percentOf(-1n, 3n)).toBe('-33.33')
  })
})

describe('paretoOption', () => {
  it('draws the cumulative line on a second 0–100% axis with a dashed 80% mark', () => {
    const { option } = paretoOption(data, { unit: 'USD', money: true })
    const series = option.series as {
      type: string
      yAxisIndex?: number
      data: { value: number; exact: string }[]
      markLine?: { data: { yAxis: number }[] }
    }[]
    expect(series.map((s) => [s.type, s.yAxisIndex ?? 0])).toEqual([
      ['bar', 0],
      ['line', 1],
    ])
    expect(series[0]?.data.map((d) => d.exact)).toEqual(['5', '2', '1', '0.5'])
    expect(series[1]?.data.map((d) => d.value)).toEqual([58.82, 82.35, 94.12, 100])
    expect(series[1]?.markLine?.data).toEqual([{ yAxis: 80 }])
  })

  it('draws no share when the total is not positive, and says why', () => {
    const credits = resultView([{ dims: ['Support'], unit: 'USD', value: '-3' }], ['ServiceName'])
    const credit = paretoData(credits, { ...spec, topN: null }, [0])
    expect(credit.cumulative).toBeNull()
    const { option, note } = paretoOption(credit, { unit: 'USD', money: true })
    expect((option.series as unknown[]).length).toBe(1)
    expect(note).toBe('The total is not positive, so no cumulative share is drawn.')
  })
})
