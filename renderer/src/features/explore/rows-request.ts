/**
 * The drill-through request of a pivot cell (issue 9): the pivot's own date range and filters,
 * the cell's time bucket, and one filter per dimension value of its row, "(none)" as null. The
 * fold "(Other)" is every first-dimension value outside the kept ones of its currency (or unit),
 * so its rows are exactly the rows its figure sums too.
 */
import type { RowsPageRequest } from '../../../../shared/contract/rows'
import type { Filter, PivotSpec } from '../../../../shared/pivot'
import { isFold, type PivotView } from './pivot-view'

/** Rows per page in the Rows drawer. */
export const ROWS_PAGE_SIZE = 50

/**
 * The first page of `row`'s rows; null for a fold when the result was cut at the row limit
 * (the kept values are then not all known).
 */
export function cellRowsRequest(
  spec: PivotSpec,
  view: PivotView,
  row: number,
  truncated: boolean,
): RowsPageRequest | null {
  const filters: Filter[] = [...spec.filters]
  const fold = isFold(view, row)
  if (fold && truncated) return null
  spec.rows.forEach((dimension, index) => {
    const value = view.dimensions[index]?.text(row) ?? null
    if (index > 0 || !fold) {
      filters.push({ dimension, op: 'in', values: [value] })
      return
    }
    const unit = view.unit?.text(row) ?? null
    const kept = new Set<string | null>()
    for (let other = 0; other < view.rowCount; other++) {
      if (isFold(view, other) || (view.unit?.text(other) ?? null) !== unit) continue
      kept.add(view.dimensions[0]?.text(other) ?? null)
    }
    filters.push({ dimension, op: 'notIn', values: [...kept] })
  })
  if (view.unit) {
    filters.push({
      dimension: { kind: 'column', name: view.unit.name },
      op: 'in',
      values: [view.unit.text(row)],
    })
  }
  const bucket = view.time?.text(row) ?? null
  return firstRowsPage(spec, filters, bucket)
}

/**
 * The first page of the rows a pivot figure sums: the pivot's own date range, basis and
 * conditions, the figure's `filters`, and its time `bucket` (as the pivot labels it) when
 * the pivot has a grain.
 */
export function firstRowsPage(
  spec: PivotSpec,
  filters: Filter[],
  bucket: string | null,
): RowsPageRequest {
  return {
    dateRange: spec.dateRange,
    ...(spec.dateBasis ? { dateBasis: spec.dateBasis } : {}),
    ...(spec.conditions ? { conditions: spec.conditions } : {}),
    filters,
    period:
      spec.timeGrain !== 'none' && bucket !== null
        ? { grain: spec.timeGrain, value: bucket }
        : null,
    sort: null,
    offset: 0,
    limit: ROWS_PAGE_SIZE,
  }
}
