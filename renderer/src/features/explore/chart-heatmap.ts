/**
 * Heatmap of day × the first group-by (e.g. day × service, day × account) in one currency: one
 * cell per day and value, summed exactly over the second group-by, the largest values on top and
 * the rest folded into "(Other)". A click on a cell filters to its value and its day.
 */
import { OTHER_LABEL, type PivotSpec } from '../../../../shared/pivot'
import type { ChartOption } from '../../components/echart'
import { CATEGORY_LIMIT, exactText, groupRows, keepTop, rowValue } from './chart-data'
import { nextDay, rowFilters, type ChartTarget } from './chart-filter'
import { amountText, axisText, escapeHtml, type AmountFormat } from './chart-format'
import { dimensionText, formatTime, isFold, type PivotView } from './pivot-view'

/** One cell: its day (x), its value's line (y) and its exact amount. */
export interface HeatmapCell {
  readonly x: number
  readonly y: number
  readonly total: bigint
  readonly target: ChartTarget
}

/** The days, the values (largest first, "(Other)" last) and the cells that have rows. */
export interface HeatmapData {
  readonly days: readonly string[]
  readonly values: readonly string[]
  readonly cells: readonly HeatmapCell[]
  readonly folded: number
}

/** The heatmap of `rows` (one currency's rows of a day-grain result). */
export function heatmapData(
  view: PivotView,
  spec: PivotSpec,
  rows: readonly number[],
): HeatmapData {
  const dayOf = (row: number): string => formatTime(view.time?.text(row) ?? null, 'day')
  const valueOf = (row: number): string => dimensionText(view, 0, row)
  const days = [...new Set(rows.map(dayOf))].sort()
  const top = keepTop(
    groupRows(view, rows, valueOf, (row) => isFold(view, row)).values(),
    CATEGORY_LIMIT,
  )
  const line = new Map(top.kept.map((g, index) => [g.key, index]))
  for (const g of top.rest) line.set(g.key, top.kept.length)
  const values = [...top.kept.map((g) => g.key), ...(top.rest.length ? [OTHER_LABEL] : [])]
  const filters = top.kept.map((g) => rowFilters(view, spec, g.row, [0]))
  const dayIndex = new Map(days.map((day, index) => [day, index]))
  const sums = new Map<string, { x: number; y: number; total: bigint }>()
  for (const row of rows) {
    const value = rowValue(view, row)
    const x = dayIndex.get(dayOf(row))
    const y = line.get(valueOf(row))
    if (value === null || x === undefined || y === undefined) continue
    const key = `${x}:${y}`
    const cell = sums.get(key) ?? { x, y, total: 0n }
    cell.total += value
    sums.set(key, cell)
  }
  const cells = [...sums.values()].map(({ x, y, total }) => {
    const day = days[x] ?? ''
    return {
      x,
      y,
      total,
      target: { filters: filters[y] ?? [], dateRange: { start: day, end: nextDay(day) } },
    }
  })
  return { days, values, cells, folded: top.folded }
}

interface CellItem {
  readonly value: [number, number, number]
  readonly exact: string
  readonly target: ChartTarget
}

/** Days across, values down, the colour scale in the currency. */
export function heatmapOption(
  data: HeatmapData,
  format: AmountFormat,
): { option: ChartOption; note: string | null } {
  const items: CellItem[] = data.cells.map((cell) => {
    const exact = exactText(cell.total)
    return { value: [cell.x, cell.y, Number(exact)], exact, target: cell.target }
  })
  const drawn = items.map((item) => item.value[2])
  const min = drawn.length ? Math.min(...drawn) : 0
  const max = drawn.length ? Math.max(...drawn) : 1
  const option: ChartOption = {
    // The colour scale stands at the right, clear of the day labels under the plot.
    grid: { left: 8, right: 96, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: { data?: CellItem }) => {
        const item = params.data
        if (!item) return ''
        const [x, y] = item.value
        return `${escapeHtml(data.values[y] ?? '')} · ${data.days[x] ?? ''}<br/><b>${amountText(item.exact, format)}</b>`
      },
    },
    xAxis: { type: 'category', data: [...data.days], splitArea: { show: true } },
    yAxis: {
      type: 'category',
      data: [...data.values],
      // The largest value on top, as in the table.
      inverse: true,
      axisLabel: { width: 160, overflow: 'truncate' },
      splitArea: { show: true },
    },
    visualMap: {
      min,
      max: max > min ? max : min + 1,
      calculable: true,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 160,
      formatter: (value: number) => axisText(value, format),
    },
    series: [
      {
        type: 'heatmap',
        data: items,
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  }
  const note =
    data.folded > 0
      ? `Top ${CATEGORY_LIMIT} by size; ${data.folded} more are summed in ${OTHER_LABEL}.`
      : null
  return { option, note }
}
