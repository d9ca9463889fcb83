/**
 * "Filter to this" from the chart: a clicked bar or point is a category and a series; the result
 * row drawn there gives the dimension values (as stored, not as shown: "(none)" is null), and each
 * becomes an include filter on its group-by. The top N's "(Other)" is no one value, so it adds none.
 */
import type { Filter, PivotSpec } from '../../../../shared/pivot'
import { chartPlacement } from './chart-option'
import { isFold, type PivotView } from './pivot-view'

/** The include filters for the element at `category` of `series`; empty when nothing is drawn there. */
export function elementFilters(
  view: PivotView,
  spec: PivotSpec,
  overTime: boolean,
  category: string,
  series: string,
): Filter[] {
  const { seriesDims, axisOf, seriesOf } = chartPlacement(view, spec, overTime)
  let row = -1
  for (let r = 0; r < view.rowCount && row < 0; r += 1)
    if (axisOf(r) === category && seriesOf(r) === series) row = r
  if (row < 0) return []
  const dims = overTime ? seriesDims : [0, ...seriesDims]
  const filters: Filter[] = []
  for (const index of dims) {
    const dimension = spec.rows[index]
    if (!dimension || !view.dimensions[index] || (index === 0 && isFold(view, row))) continue
    filters.push({ dimension, op: 'in', values: [view.dimensions[index].text(row)] })
  }
  return filters
}

/** The spec's filters with `added` in place of any include filter on the same dimension. */
export function withFilters(filters: readonly Filter[], added: readonly Filter[]): Filter[] {
  const key = (filter: Filter): string => JSON.stringify(filter.dimension)
  const replaced = new Set(added.map(key))
  return [...filters.filter((f) => f.op !== 'in' || !replaced.has(key(f))), ...added]
}
