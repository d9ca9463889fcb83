/**
 * "Filter to this" from the chart. Every clickable element (bar, point, treemap or sunburst node,
 * heatmap cell, Pareto bar) carries its target: the include filters of the group-by values drawn
 * there, taken from a result row (as stored, not as shown: "(none)" is null), and for a heatmap
 * cell its day. An "(Other)" fold is no one value, so it adds no filter on the dimension it folds.
 */
import type { Filter, PivotSpec } from '../../../../shared/pivot'
import { isFold, type PivotView } from './pivot-view'

/** What a click on a chart element narrows the pivot to. */
export interface ChartTarget {
  readonly filters: readonly Filter[]
  /** One day [start, end) of the date basis (heatmap cells); absent elsewhere. */
  readonly dateRange?: { readonly start: string; readonly end: string }
}

/** The include filters of `row`'s values of the group-bys at `dims`; the top N fold adds none for the first. */
export function rowFilters(
  view: PivotView,
  spec: PivotSpec,
  row: number,
  dims: readonly number[],
): Filter[] {
  const filters: Filter[] = []
  for (const index of dims) {
    const dimension = spec.rows[index]
    const column = view.dimensions[index]
    if (!dimension || !column || (index === 0 && isFold(view, row))) continue
    filters.push({ dimension, op: 'in', values: [column.text(row)] })
  }
  return filters
}

/** The day after an ISO date, for the exclusive end of a one-day range. */
export function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/** The spec's filters with `added` in place of any include filter on the same dimension. */
export function withFilters(filters: readonly Filter[], added: readonly Filter[]): Filter[] {
  const key = (filter: Filter): string => JSON.stringify(filter.dimension)
  const replaced = new Set(added.map(key))
  return [...filters.filter((f) => f.op !== 'in' || !replaced.has(key(f))), ...added]
}

/** The change to the spec a click on `target` makes, or null when it narrows nothing. */
export function targetChange(
  spec: PivotSpec,
  target: ChartTarget | null,
): Partial<PivotSpec> | null {
  if (!target || (target.filters.length === 0 && !target.dateRange)) return null
  return {
    // The schema allows 32 filters: the newest win.
    filters: withFilters(spec.filters, target.filters).slice(-32),
    ...(target.dateRange ? { dateRange: { ...target.dateRange } } : {}),
  }
}

/** The target a chart element carries in its data item (ECharts hands the item back on click). */
export function targetOf(data: unknown): ChartTarget | null {
  if (typeof data !== 'object' || data === null || !('target' in data)) return null
  const { target } = data as { target: unknown }
  return typeof target === 'object' && target !== null && 'filters' in target
    ? (target as ChartTarget)
    : null
}
