/**
 * The rows behind one cost figure of a cost per unit (contract/rows.ts): the slice's own
 * filters and conditions, its currency and its bucket on ChargePeriodStart, so the Rows
 * drawer and `focal rows` list exactly the rows the figure sums; for an allocation target,
 * the rows of the figure's direct part.
 */
import type { RowsPageRequest } from '../contract/rows'
import type { UnitCostRequest, UnitCostSeries } from '../contract/unit-costs'

/** The first page of the rows of `period` in `currency` of the request's slice. */
export function unitCostRowsRequest(
  request: UnitCostRequest,
  period: string,
  currency: string,
  limit = 50,
): RowsPageRequest {
  return {
    dateRange: request.dateRange,
    dateBasis: 'charge',
    ...(request.conditions ? { conditions: request.conditions } : {}),
    filters: [
      ...request.filters,
      { dimension: { kind: 'column', name: 'BillingCurrency' }, op: 'in', values: [currency] },
    ],
    period: { grain: request.grain, value: period },
    sort: null,
    offset: 0,
    limit,
  }
}

/**
 * The rows of the direct part of a target's cost figure: the Rows drawer lists whole stored
 * rows, and a pool share is a fraction of a row, so only the rows a rule gave the target are
 * listed (by their import and source row). Null when they cannot be named by one filter: none,
 * too many, or from several imports (one import's rows and another's would cross).
 */
export function unitCostDirectRowsRequest(
  request: UnitCostRequest,
  point: UnitCostSeries['points'][number],
  limit = 50,
): RowsPageRequest | null {
  const keys = point.direct?.keys
  const only = keys?.length === 1 ? keys[0] : undefined
  if (!only || only.sourceRows.length === 0) return null
  return {
    ...unitCostRowsRequest(
      { ...request, filters: [], conditions: [] },
      point.period,
      point.currency,
      limit,
    ),
    filters: [
      {
        dimension: { kind: 'column', name: 'BillingCurrency' },
        op: 'in',
        values: [point.currency],
      },
      {
        dimension: { kind: 'column', name: 'x_ImportId' },
        op: 'in',
        values: [String(only.importId)],
      },
      {
        dimension: { kind: 'column', name: 'x_SourceRow' },
        op: 'in',
        values: only.sourceRows.map(String),
      },
    ],
  }
}
