/**
 * The rows behind one cost figure of a cost per unit (contract/rows.ts): the slice's own
 * filters and conditions, its currency and its bucket on ChargePeriodStart, so the Rows
 * drawer and `focal rows` list exactly the rows the figure sums.
 */
import type { RowsPageRequest } from '../contract/rows'
import type { UnitCostRequest } from '../contract/unit-costs'

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
