/**
 * Turns a pivot view into ECharts options (options as data, CONVENTIONS.md #8): one chart per
 * currency (or quantity unit), so amounts in different currencies never share an axis, a stack or
 * a total. Each kind's figures are built exactly in its own module; this one picks the module and
 * titles the chart with its currency and what was folded into "(Other)".
 */
import type { PivotSpec } from '../../../../shared/pivot'
import type { ChartOption } from '../../components/echart'
import { cartesianData } from './chart-cartesian'
import { cartesianOption } from './chart-cartesian-option'
import { CHART_UNIT_LIMIT, chartUnits, rowsOfUnit } from './chart-data'
import { amountFormat, type AmountFormat } from './chart-format'
import { heatmapData, heatmapOption } from './chart-heatmap'
import { hierarchyData, hierarchyOption } from './chart-hierarchy'
import type { DrawnKind } from './chart-kinds'
import { paretoData, paretoOption } from './chart-pareto'
import type { PivotView } from './pivot-view'

/** One chart of the result: the rows of one currency or unit. */
export interface ChartPanel {
  readonly unit: string
  readonly option: ChartOption
  /** What the chart leaves out or folds, said in words (also the chart's subtitle). */
  readonly note: string | null
}

/** The charts of a view drawn as `kind`: one per currency or unit, in order, at most CHART_UNIT_LIMIT. */
export function chartPanels(
  view: PivotView,
  spec: PivotSpec,
  kind: DrawnKind,
  overTime: boolean,
): ChartPanel[] {
  const units = chartUnits(view)
  return units.slice(0, CHART_UNIT_LIMIT).map((unit) => {
    const rows = rowsOfUnit(view, unit)
    const format = amountFormat(spec, unit)
    const { option, note } = kindOption(view, spec, kind, overTime, rows, format)
    const title = units.length > 1 ? `${spec.measure} in ${unit}` : ''
    const titled = Boolean(title || note)
    return {
      unit,
      note,
      option: {
        ...(titled ? option : withoutTitleSpace(option)),
        // A click's figures show in the first frame drawn, not after bars grow into them.
        animation: false,
        ...(titled
          ? {
              title: {
                text: title,
                subtext: note ?? '',
                left: 0,
                top: 0,
                textStyle: { fontSize: 13 },
                subtextStyle: { width: 900, overflow: 'break' },
              },
            }
          : {}),
      },
    }
  })
}

/** The builders leave room at the top for a title; without one the plot moves up into it. */
function withoutTitleSpace(option: ChartOption): ChartOption {
  const grid = option.grid as Record<string, unknown> | undefined
  const series = (option.series as Record<string, unknown>[] | undefined) ?? []
  return {
    ...option,
    ...(grid ? { grid: { ...grid, top: 16 } } : {}),
    series: series.map((s) =>
      s.type === 'treemap'
        ? { ...s, top: 8 }
        : s.type === 'sunburst'
          ? { ...s, center: ['50%', '50%'] }
          : s,
    ),
  }
}

function kindOption(
  view: PivotView,
  spec: PivotSpec,
  kind: DrawnKind,
  overTime: boolean,
  rows: readonly number[],
  format: AmountFormat,
): { option: ChartOption; note: string | null } {
  switch (kind) {
    case 'treemap':
    case 'sunburst':
      return hierarchyOption(hierarchyData(view, spec, rows), kind, format, spec.measure)
    case 'pareto':
      return paretoOption(paretoData(view, spec, rows), format)
    case 'heatmap':
      return heatmapOption(heatmapData(view, spec, rows), format)
    default:
      return cartesianOption(cartesianData(view, spec, rows, overTime), kind, format)
  }
}
