/**
 * Pareto of the first group-by in one currency: bars largest first (summed exactly over time and
 * the second group-by), "(Other)" last, and the cumulative share of the total on a second axis
 * with the 80% mark. The shares are computed from the exact sums and rounded once, to 0.01%.
 */
import { fromScaled } from '../../../../shared/money'
import { OTHER_LABEL, type PivotSpec } from '../../../../shared/pivot'
import type { ChartOption } from '../../components/echart'
import { CATEGORY_LIMIT, exactText, groupRows, keepTop, type Group } from './chart-data'
import { rowFilters, type ChartTarget } from './chart-filter'
import { amountText, axisText, escapeHtml, type AmountFormat } from './chart-format'
import { dimensionText, isFold, type PivotView } from './pivot-view'

/** One Pareto bar. */
export interface ParetoBar {
  readonly name: string
  readonly total: bigint
  readonly target: ChartTarget
}

/** The bars in order and the cumulative percentages (null when the total is not positive). */
export interface ParetoData {
  readonly bars: readonly ParetoBar[]
  readonly cumulative: readonly string[] | null
  readonly folded: number
}

/** part ÷ whole as a percentage with two decimals, rounded half away from zero; whole > 0. */
export function percentOf(part: bigint, whole: bigint): string {
  const scaled = part * 10_000n
  let quotient = scaled / whole
  const remainder = scaled % whole
  if (2n * (remainder < 0n ? -remainder : remainder) >= whole) quotient += scaled < 0n ? -1n : 1n
  return fromScaled(quotient, 2)
}

// A Pareto ranks by cost, largest first: a credit is the smallest, not the largest by size.
const byValue = (a: Group, b: Group): number =>
  a.total === b.total ? (a.key < b.key ? -1 : 1) : b.total > a.total ? 1 : -1

/** The Pareto of `rows` (one currency's rows). */
export function paretoData(view: PivotView, spec: PivotSpec, rows: readonly number[]): ParetoData {
  const groups = groupRows(
    view,
    rows,
    (row) => dimensionText(view, 0, row),
    (row) => isFold(view, row),
  )
  const top = keepTop(groups.values(), CATEGORY_LIMIT, byValue)
  const bars: ParetoBar[] = top.kept.map((g) => ({
    name: g.key,
    total: g.total,
    target: { filters: rowFilters(view, spec, g.row, [0]) },
  }))
  if (top.rest.length)
    bars.push({
      name: OTHER_LABEL,
      total: top.rest.reduce((sum, g) => sum + g.total, 0n),
      target: { filters: [] },
    })
  const whole = bars.reduce((sum, bar) => sum + bar.total, 0n)
  let running = 0n
  const cumulative =
    whole > 0n
      ? bars.map((bar) => {
          running += bar.total
          return percentOf(running, whole)
        })
      : null
  return { bars, cumulative, folded: top.folded }
}

interface AxisParam {
  readonly dataIndex: number
  readonly seriesIndex: number
}

/** Bars on the amount axis, the cumulative line on a 0–100% axis, and a dashed 80% mark. */
export function paretoOption(
  data: ParetoData,
  format: AmountFormat,
): { option: ChartOption; note: string | null } {
  const names = data.bars.map((bar) => bar.name)
  const notes: string[] = []
  if (data.folded > 0)
    notes.push(`Top ${CATEGORY_LIMIT} by cost; ${data.folded} more are summed in ${OTHER_LABEL}.`)
  if (!data.cumulative) notes.push('The total is not positive, so no cumulative share is drawn.')
  const option: ChartOption = {
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: AxisParam | AxisParam[]) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0
        const bar = data.bars[index]
        if (!bar) return ''
        const share = data.cumulative?.[index]
        return [
          escapeHtml(bar.name),
          `<b>${amountText(exactText(bar.total), format)}</b>`,
          ...(share ? [`Cumulative: <b>${share}%</b>`] : []),
        ].join('<br/>')
      },
    },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: {
        interval: 0,
        rotate: names.length > 6 ? 30 : 0,
        width: 140,
        overflow: 'truncate',
      },
    },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (value: number) => axisText(value, format) } },
      {
        type: 'value',
        min: 0,
        max: (extent: { max: number }) => Math.max(100, Math.ceil(extent.max)),
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: 'Amount',
        type: 'bar',
        data: data.bars.map((bar) => {
          const exact = exactText(bar.total)
          return { value: Number(exact), exact, target: bar.target }
        }),
      },
      ...(data.cumulative
        ? [
            {
              name: 'Cumulative %',
              type: 'line',
              yAxisIndex: 1,
              symbolSize: 6,
              data: data.cumulative.map((share, index) => ({
                value: Number(share),
                exact: share,
                target: data.bars[index]?.target ?? { filters: [] },
              })),
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed' },
                label: { formatter: '80%', position: 'insideEndTop' },
                data: [{ yAxis: 80 }],
              },
            },
          ]
        : []),
    ],
  }
  return { option, note: notes.length ? notes.join(' ') : null }
}
