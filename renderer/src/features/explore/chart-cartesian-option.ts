/**
 * ECharts options of stacked bars, stacked areas and lines (chart-cartesian.ts has the figures).
 * Each point carries its exact text for the tooltip and its click target; the drawn value is a
 * Number made from the exact sum. A line never connects across a missing bucket (a gap); in a
 * stacked area a missing bucket adds nothing, so the bands above it stay whole.
 */
import { OTHER_LABEL } from '../../../../shared/pivot'
import type { ChartOption } from '../../components/echart'
import {
  categoryTotal,
  pointText,
  type CartesianData,
  type CartesianSeries,
} from './chart-cartesian'
import { CATEGORY_LIMIT, exactText, SERIES_LIMIT } from './chart-data'
import type { ChartTarget } from './chart-filter'
import { amountText, axisText, escapeHtml, type AmountFormat } from './chart-format'

/** A drawn point: the Number ECharts plots, its exact text and what a click on it filters to. */
export interface PointItem {
  readonly value: number
  readonly exact: string
  readonly target: ChartTarget
  /** A stacked area's bucket with no row, drawn as 0 so the band above it does not break. */
  readonly empty?: true
}

interface AxisParam {
  readonly dataIndex: number
  readonly name: string
  readonly seriesName: string
  readonly marker: string
  readonly data: PointItem | null
}

/**
 * Most point symbols a line chart draws. Past it (e.g. 20 services over 30 days) they crowd into
 * one another and cost a redraw's time on every click; the axis tooltip and the hovered point's
 * own symbol still show each figure.
 */
export const SYMBOL_LIMIT = 240

/** True when a line chart of `data` draws a symbol on each point. */
export function showsSymbols(data: CartesianData): boolean {
  return data.categories.length < 60 && data.categories.length * data.series.length <= SYMBOL_LIMIT
}

/** Bars, areas or lines of one currency; bars and areas stack when there are several series. */
export function cartesianOption(
  data: CartesianData,
  kind: 'bar' | 'area' | 'line',
  format: AmountFormat,
): { option: ChartOption; note: string | null } {
  const stacked = kind !== 'line' && data.series.length > 1
  const otherName = (name: string): string =>
    name === OTHER_LABEL && data.foldedSeries > 0
      ? `${OTHER_LABEL} (${data.foldedSeries} series)`
      : name
  const item = (s: CartesianSeries, index: number): PointItem | null => {
    const exact = pointText(s.points[index] ?? null)
    const target = { filters: [...(data.categoryFilters[index] ?? []), ...s.filters] }
    if (exact !== null) return { value: Number(exact), exact, target }
    // A line shows a gap where a series has no row; in a stack a missing bucket adds nothing.
    return stacked && kind === 'area' ? { value: 0, exact: '0', target, empty: true } : null
  }
  const option: ChartOption = {
    grid: {
      left: 8,
      right: 16,
      top: 48,
      bottom: data.series.length > 1 ? 56 : 8,
      containLabel: true,
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: AxisParam | AxisParam[]) => {
        const list = (Array.isArray(params) ? params : [params]).filter(
          (p) => p.data && !p.data.empty,
        )
        const lines = list.map(
          (p) =>
            `${p.marker}${escapeHtml(otherName(p.seriesName))}: <b>${amountText(p.data?.exact ?? '0', format)}</b>`,
        )
        const index = list[0]?.dataIndex ?? 0
        const total = stacked && list.length > 1 ? categoryTotal(data, index) : null
        if (total !== null) lines.push(`Total: <b>${amountText(exactText(total), format)}</b>`)
        return [escapeHtml(data.categories[index] ?? ''), ...lines].join('<br/>')
      },
    },
    legend:
      data.series.length > 1
        ? { type: 'scroll', bottom: 0, formatter: otherName }
        : { show: false },
    xAxis: {
      type: 'category',
      data: [...data.categories],
      // Names (services, accounts) are long: slant and shorten them; dates fit as they are.
      axisLabel: data.categoryFilters.some((f) => f.length > 0)
        ? {
            interval: 0,
            rotate: data.categories.length > 6 ? 30 : 0,
            width: 140,
            overflow: 'truncate',
          }
        : { hideOverlap: true },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => axisText(value, format) } },
    series: data.series.map((s) => ({
      name: s.name,
      type: kind === 'area' ? 'line' : kind,
      stack: stacked ? 'total' : undefined,
      areaStyle: kind === 'area' ? {} : undefined,
      // A missing bucket is a gap, never a straight line across it.
      connectNulls: false,
      showSymbol: kind === 'line' && showsSymbols(data),
      emphasis: { focus: 'series' },
      data: data.categories.map((_, index) => item(s, index)),
    })),
  }
  return { option, note: foldNote(data) }
}

/** What was folded into "(Other)", in words; null when nothing was. */
function foldNote(data: CartesianData): string | null {
  const parts: string[] = []
  if (data.foldedSeries > 0)
    parts.push(
      `Top ${SERIES_LIMIT} of ${data.seriesCount} series by size; the other ${data.foldedSeries} are summed in ${OTHER_LABEL}.`,
    )
  if (data.foldedCategories > 0)
    parts.push(
      `Top ${CATEGORY_LIMIT} values on the axis; ${data.foldedCategories} more are summed in ${OTHER_LABEL}.`,
    )
  return parts.length ? parts.join(' ') : null
}
