/**
 * Turns a pivot view into ECharts options (options as data, CONVENTIONS.md #8).
 * One series per dimension value × currency: currency is part of the grouping,
 * so amounts in different currencies are never added, stacked or merged.
 */
import type { PivotSpec } from '../../../../shared/pivot'
import type { ChartOption } from '../../components/echart'
import { dimensionText, formatTime, isFold, type PivotView } from './pivot-view'

/**
 * Chart options for a view: a line or bar chart over time buckets when there
 * are several, otherwise over the first dimension.
 */
export function chartOption(
  view: PivotView,
  spec: PivotSpec,
  kind: 'bar' | 'line',
  overTime: boolean,
): ChartOption {
  const { seriesDims, axisOf, seriesOf } = chartPlacement(view, spec, overTime)
  const categories = categoriesOf(view, axisOf, overTime)
  const position = new Map(categories.map((category, index) => [category, index]))
  const series = new Map<string, { unit: string; fold: boolean; points: Map<number, number> }>()
  for (let row = 0; row < view.rowCount; row += 1) {
    const unit = view.unit?.text(row) ?? ''
    const label = seriesOf(row)
    const fold = overTime && isFold(view, row)
    const entry = series.get(label) ?? { unit, fold, points: new Map<number, number>() }
    entry.points.set(
      position.get(axisOf(row)) ?? 0,
      view.chart?.number(row) ?? view.count?.number(row) ?? 0,
    )
    series.set(label, entry)
  }

  return {
    animationDuration: 300,
    grid: { left: 8, right: 16, top: 16, bottom: series.size > 1 ? 56 : 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value: unknown) => formatNumber(value),
    },
    legend: series.size > 1 ? { type: 'scroll', bottom: 0 } : { show: false },
    xAxis: {
      type: 'category',
      data: categories,
      // Names (services, accounts) are long: slant and shorten them; dates fit as they are.
      axisLabel: overTime
        ? { hideOverlap: true }
        : { interval: 0, rotate: categories.length > 6 ? 30 : 0, width: 140, overflow: 'truncate' },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => compact(value) } },
    // The fold's series come last in the legend, as its row does in the table.
    series: [...series.entries()]
      .sort(([, a], [, b]) => Number(a.fold) - Number(b.fold))
      .map(([name, { unit, points }]) => ({
        name,
        type: kind,
        // Stacks only within one currency/unit: bars of different currencies stand side by side.
        stack: kind === 'bar' && seriesDims.length > 0 ? unit || 'all' : undefined,
        showSymbol: categories.length < 60,
        emphasis: { focus: 'series' },
        data: categories.map((_, index) => points.get(index) ?? null),
      })),
  }
}

/** Where a result row is drawn: the dimensions its series name carries, its category and its series. */
export interface ChartPlacement {
  readonly seriesDims: readonly number[]
  axisOf(row: number): string
  seriesOf(row: number): string
}

/** The placement of rows on the chart, shared by the options and by a click on an element. */
export function chartPlacement(
  view: PivotView,
  spec: PivotSpec,
  overTime: boolean,
): ChartPlacement {
  // Over time, every dimension goes into the series; otherwise the first one is the x axis.
  const seriesDims = view.dimensions.map((_, index) => index).slice(overTime ? 0 : 1)
  return {
    seriesDims,
    // "Total" only when nothing is grouped; a missing value of a group-by reads as in the table.
    axisOf: (row) =>
      overTime
        ? formatTime(view.time?.text(row) ?? null, spec.timeGrain)
        : view.dimensions.length > 0
          ? dimensionText(view, 0, row)
          : 'Total',
    seriesOf: (row) =>
      [...seriesDims.map((index) => dimensionText(view, index, row)), view.unit?.text(row) ?? '']
        .filter(Boolean)
        .join(' · ') || spec.measure,
  }
}

/**
 * The x-axis categories: in time order over time; otherwise in result order (largest first
 * within each currency) with the top N's fold last, after every currency's own values.
 */
function categoriesOf(
  view: PivotView,
  axisOf: (row: number) => string,
  overTime: boolean,
): string[] {
  const sortKey = new Map<string, string>()
  let fold: string | null = null
  for (let row = 0; row < view.rowCount; row += 1) {
    const category = axisOf(row)
    if (!overTime && isFold(view, row)) fold = category
    else if (!sortKey.has(category)) sortKey.set(category, view.time?.text(row) ?? '')
  }
  const categories = [...sortKey.keys()]
  if (overTime)
    return categories.sort((a, b) => (sortKey.get(a) ?? '').localeCompare(sortKey.get(b) ?? ''))
  return fold === null ? categories : [...categories, fold]
}

function formatNumber(value: unknown): string {
  return typeof value === 'number'
    ? value.toLocaleString('en-US', { maximumFractionDigits: 2 })
    : '—'
}

function compact(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  )
}
