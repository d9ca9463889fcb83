/**
 * Bars, areas and lines of one currency (chart-cartesian.ts, chart-cartesian-option.ts): every
 * series has every time bucket with null where it has no row (a gap, not a line across it); the
 * series beyond the top K fold into "(Other)" with an exact sum and say how many they are; a click
 * target names the values drawn there, and "(Other)" adds no filter on what it folds.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, OTHER_LABEL, type PivotSpec } from '../../../../../shared/pivot'
import {
  cartesianData,
  pointText,
} from '../../../../../renderer/src/features/explore/chart-cartesian'
import { cartesianOption } from '../../../../../renderer/src/features/explore/chart-cartesian-option'
import {
  CATEGORY_LIMIT,
  rowsOfUnit,
  SERIES_LIMIT,
} from '../../../../../renderer/src/features/explore/chart-data'
import { sumDecimals } from '../../../../../shared/money'
import { formatAmount } from '../../../../../shared/report'
import { resultView, type ResultRow } from '../../../../helpers/pivot-result'

const service = { kind: 'column', name: 'ServiceName' } as const
const region = { kind: 'column', name: 'RegionId' } as const
const usd = { unit: 'USD', money: true }

interface DrawnSeries {
  name: string
  type: string
  stack?: string
  areaStyle?: object
  connectNulls: boolean
  data: ({ value: number; exact: string; target: { filters: unknown[] } } | null)[]
}

describe('lines over time', () => {
  // Compute has no row in February and Storage none in January or March.
  const rows: ResultRow[] = [
    { time: '2024-01', dims: ['Compute'], unit: 'USD', value: '10.5' },
    { time: '2024-02', dims: ['Storage'], unit: 'USD', value: '3' },
    { time: '2024-03', dims: ['Compute'], unit: 'USD', value: '12.25' },
  ]
  const view = resultView(rows, ['ServiceName'], { timeName: 'Month' })
  const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service], timeGrain: 'month' }
  const data = cartesianData(view, spec, rowsOfUnit(view, 'USD'), true)

  it('gives every series every bucket, null where it has no row', () => {
    expect(data.categories).toEqual(['Jan 2024', 'Feb 2024', 'Mar 2024'])
    expect(data.series.map((s) => [s.name, s.points.map(pointText)])).toEqual([
      ['Compute', ['10.5', null, '12.25']],
      ['Storage', [null, '3', null]],
    ])
  })

  it('draws a gap at a missing bucket: null data, connectNulls off, not stacked', () => {
    const series = cartesianOption(data, 'line', usd).option.series as DrawnSeries[]
    expect(series.map((s) => s.data.map((d) => d?.value ?? null))).toEqual([
      [10.5, null, 12.25],
      [null, 3, null],
    ])
    expect(series.every((s) => s.connectNulls === false && s.stack === undefined)).toBe(true)
  })

  it('stacks areas and bars within the one currency of the chart', () => {
    for (const kind of ['area', 'bar'] as const) {
      const series = cartesianOption(data, kind, usd).option.series as DrawnSeries[]
      expect(series.map((s) => s.stack)).toEqual(['total', 'total'])
      expect(series.every((s) => (s.areaStyle !== undefined) === (kind === 'area'))).toBe(true)
    }
  })

  it('stacks a missing bucket of an area as 0, left out of its tooltip', () => {
    const { option } = cartesianOption(data, 'area', usd)
    const series = option.series as DrawnSeries[]
    expect(series.map((s) => s.data.map((d) => d?.value ?? null))).toEqual([
      [10.5, 0, 12.25],
      [0, 3, 0],
    ])
    const formatter = (option.tooltip as { formatter: (params: unknown[]) => string }).formatter
    const february = series.map((s) => ({
      dataIndex: 1,
      name: 'Feb 2024',
      seriesName: s.name,
      marker: '',
      data: s.data[1],
    }))
    expect(formatter(february)).toBe(`Feb 2024<br/>Storage: <b>${formatAmount('3', 'USD')}</b>`)
  })

  it('filters a point over time to its series, not to its bucket', () => {
    const series = cartesianOption(data, 'line', usd).option.series as DrawnSeries[]
    expect(series[0]?.data[0]?.target).toEqual({
      filters: [{ dimension: service, op: 'in', values: ['Compute'] }],
    })
  })

  it('writes tooltips in the currency, with the exact bucket total', () => {
    const option = cartesianOption(data, 'bar', usd).option as {
      tooltip: { formatter: (params: unknown[]) => string }
    }
    const series = (option as unknown as { series: DrawnSeries[] }).series
    const text = option.tooltip.formatter(
      series.map((s, index) => ({
        dataIndex: 0,
        name: 'Jan 2024',
        seriesName: s.name,
        marker: '',
        data: s.data[0] ?? null,
        seriesIndex: index,
      })),
    )
    expect(text).toBe(`Jan 2024<br/>Compute: <b>${formatAmount('10.5', 'USD')}</b>`)
  })
})

describe('the "(Other)" fold of series beyond the top K', () => {
  // 15 services over one month: the three smallest (0.1, 0.2, 0.3) fold into "(Other)".
  const values = [
    '100',
    '90',
    '80',
    '70',
    '60',
    '50',
    '40',
    '30',
    '20',
    '10',
    '5',
    '1',
    '0.3',
    '0.2',
    '0.1',
  ]
  const rows: ResultRow[] = values.map((value, index) => ({
    time: index % 2 ? '2024-02' : '2024-01',
    dims: [`Service ${String(index).padStart(2, '0')}`],
    unit: 'USD',
    value,
  }))
  const view = resultView(rows, ['ServiceName'], { timeName: 'Month' })
  const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service], timeGrain: 'month', topN: null }
  const data = cartesianData(view, spec, rowsOfUnit(view, 'USD'), true)

  it('keeps the top K by size and sums the rest exactly into "(Other)"', () => {
    expect(data.series).toHaveLength(SERIES_LIMIT + 1)
    expect(data.seriesCount).toBe(15)
    expect(data.foldedSeries).toBe(3)
    const other = data.series.at(-1)
    expect(other?.name).toBe(OTHER_LABEL)
    // 0.3 + 0.1 in January (rows 12 and 14), 0.2 in February; a float sum of 0.1 + 0.2 + 0.3 is not 0.6.
    expect(other?.points.map(pointText)).toEqual(['0.4', '0.2'])
    expect(other?.filters).toEqual([])
  })

  it('says in the legend and the note how many series "(Other)" holds', () => {
    const { option, note } = cartesianOption(data, 'bar', usd)
    const legend = option.legend as { formatter: (name: string) => string }
    expect(legend.formatter(OTHER_LABEL)).toBe('(Other) (3 series)')
    expect(legend.formatter('Service 00')).toBe('Service 00')
    expect(note).toBe('Top 12 of 15 series by size; the other 3 are summed in (Other).')
    const series = option.series as DrawnSeries[]
    expect(series.at(-1)?.data.map((d) => d?.target)).toEqual([{ filters: [] }, { filters: [] }])
  })

  it('totals a stacked bucket exactly in the tooltip', () => {
    const { option } = cartesianOption(data, 'bar', usd)
    const series = option.series as DrawnSeries[]
    const formatter = (option.tooltip as { formatter: (params: unknown[]) => string }).formatter
    const text = formatter(
      series
        .filter((s) => s.data[0])
        .map((s) => ({
          dataIndex: 0,
          name: 'Jan 2024',
          seriesName: s.name,
          marker: '',
          data: s.data[0],
        })),
    )
    const january = sumDecimals(values.filter((_, index) => index % 2 === 0))
    expect(text.split('<br/>').at(-1)).toBe(`Total: <b>${formatAmount(january, 'USD')}</b>`)
    expect(text).toContain(`(Other) (3 series): <b>${formatAmount('0.4', 'USD')}</b>`)
  })

  it('folds nothing at the limit', () => {
    const few = resultView(rows.slice(0, SERIES_LIMIT), ['ServiceName'], { timeName: 'Month' })
    const kept = cartesianData(few, spec, rowsOfUnit(few, 'USD'), true)
    expect(kept.series.map((s) => s.name)).not.toContain(OTHER_LABEL)
    expect(kept.foldedSeries).toBe(0)
  })
})

describe('bars over the first group-by', () => {
  // Service × region per currency, with a missing region and the top N's fold.
  const rows: ResultRow[] = [
    { dims: ['Compute', 'eu-west-1'], unit: 'USD', value: '5' },
    { dims: ['Compute', null], unit: 'USD', value: '2' },
    { dims: ['Storage', 'eu-west-1'], unit: 'USD', value: '1' },
    { dims: [null, 'us-east-1'], unit: 'USD', value: '0.5', other: true },
  ]
  const view = resultView(rows, ['ServiceName', 'RegionId'], { folding: true })
  const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service, region], topN: 2, timeGrain: 'none' }
  const data = cartesianData(view, spec, rowsOfUnit(view, 'USD'), false)
  const series = cartesianOption(data, 'bar', usd).option.series as DrawnSeries[]
  const at = (name: string, category: string): unknown =>
    series.find((s) => s.name === name)?.data[data.categories.indexOf(category)]?.target

  it('puts the first group-by on the axis with the top N fold last', () => {
    expect(data.categories).toEqual(['Compute', 'Storage', OTHER_LABEL])
    expect(series.map((s) => s.name)).toEqual(['eu-west-1', '(none)', 'us-east-1'])
  })

  it('filters a bar to its category and its series values', () => {
    expect(at('eu-west-1', 'Compute')).toEqual({
      filters: [
        { dimension: service, op: 'in', values: ['Compute'] },
        { dimension: region, op: 'in', values: ['eu-west-1'] },
      ],
    })
  })

  it('reads a missing value as null, not as the "(none)" label', () => {
    expect(at('(none)', 'Compute')).toEqual({
      filters: [
        { dimension: service, op: 'in', values: ['Compute'] },
        { dimension: region, op: 'in', values: [null] },
      ],
    })
  })

  it('adds no filter for the top N fold, only for the series value', () => {
    expect(at('us-east-1', OTHER_LABEL)).toEqual({
      filters: [{ dimension: region, op: 'in', values: ['us-east-1'] }],
    })
  })

  it('draws nothing where no row is', () => {
    expect(at('(none)', 'Storage')).toBeUndefined()
  })
})

describe('the "(Other)" fold of categories beyond the top K', () => {
  // 200 accounts without time: the axis keeps the largest CATEGORY_LIMIT and sums the rest.
  const rows: ResultRow[] = Array.from({ length: 200 }, (_, index) => ({
    dims: [`Account ${String(index).padStart(3, '0')}`],
    unit: 'USD',
    value: `${200 - index}.01`,
  }))
  const view = resultView(rows, ['SubAccountName'])
  const spec: PivotSpec = {
    ...DEFAULT_PIVOT,
    rows: [{ kind: 'column', name: 'SubAccountName' }],
    timeGrain: 'none',
    topN: null,
  }
  const data = cartesianData(view, spec, rowsOfUnit(view, 'USD'), false)

  it('keeps the largest values on the axis and sums the others exactly, with no filter', () => {
    expect(data.categories).toHaveLength(CATEGORY_LIMIT + 1)
    expect(data.categories.at(-1)).toBe(OTHER_LABEL)
    expect(data.foldedCategories).toBe(200 - CATEGORY_LIMIT)
    // Values 170.01 down to 1.01: 170 values, their sum 170 × 171 / 2 + 170 × 0.01.
    expect(pointText(data.series[0]?.points.at(-1) ?? null)).toBe('14536.7')
    expect(data.categoryFilters.at(-1)).toEqual([])
    expect(cartesianOption(data, 'bar', usd).note).toBe(
      `Top ${CATEGORY_LIMIT} values on the axis; 170 more are summed in (Other).`,
    )
  })
})

describe('point symbols on lines', () => {
  const days = Array.from({ length: 30 }, (_, i) => `2024-09-${String(i + 1).padStart(2, '0')}`)
  const services = Array.from({ length: SERIES_LIMIT }, (_, i) => `Service ${i + 1}`)
  const spec: PivotSpec = { ...DEFAULT_PIVOT, rows: [service], timeGrain: 'day', topN: null }
  const drawn = (rows: ResultRow[]) => {
    const view = resultView(rows, ['ServiceName'], { timeName: 'Day' })
    const data = cartesianData(view, spec, rowsOfUnit(view, 'USD'), true)
    return cartesianOption(data, 'line', usd).option.series as Array<
      DrawnSeries & { showSymbol: boolean }
    >
  }

  it('are left off a crowded chart (services × 30 days), which still draws every figure', () => {
    const rows: ResultRow[] = services.flatMap((name, s) =>
      days.map((time, d) => ({ time, dims: [name], unit: 'USD', value: `${s + 1}.${d + 1}5` })),
    )
    const series = drawn(rows)
    expect(series).toHaveLength(SERIES_LIMIT)
    expect(series.every((s) => s.showSymbol === false)).toBe(true)
    expect(series.flatMap((s) => s.data.map((d) => d?.exact)).sort()).toEqual(
      rows.map((r) => r.value).sort(),
    )
  })

  it('are drawn on a few lines over a month', () => {
    const rows: ResultRow[] = services
      .slice(0, 3)
      .flatMap((name) => days.map((time) => ({ time, dims: [name], unit: 'USD', value: '1' })))
    expect(drawn(rows).map((s) => s.showSymbol)).toEqual([true, true, true])
  })
})
