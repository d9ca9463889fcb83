/**
 * The rows behind a commitment figure (issue 13: every figure traceable to its rows), as a
 * request of the Rows drawer / `rows:page`: the billing period on the billing basis, and
 * the filters of the figure's definition (commitment-definitions.ts).
 */
import type { RowsPageRequest } from '../contract/rows'
import type { Filter } from '../pivot'

/** A figure that has rows of its own. */
export type RowsFigure = 'committed' | 'used' | 'unused' | 'purchases' | 'usage'

const column = (name: string, values: Array<string | null>): Filter => ({
  dimension: { kind: 'column', name },
  op: 'in',
  values,
})

const FIGURE_FILTERS: Record<RowsFigure, Filter[]> = {
  committed: [
    column('ChargeCategory', ['Usage']),
    column('CommitmentDiscountStatus', ['Used', 'Unused']),
  ],
  used: [column('ChargeCategory', ['Usage']), column('CommitmentDiscountStatus', ['Used'])],
  unused: [column('ChargeCategory', ['Usage']), column('CommitmentDiscountStatus', ['Unused'])],
  purchases: [column('ChargeCategory', ['Purchase'])],
  usage: [column('ChargeCategory', ['Usage'])],
}

/**
 * The request of the rows of `figure` in billing period `period` (YYYY-MM), in `currency`,
 * of one commitment discount when `commitmentId` is given (all of them otherwise).
 */
export function commitmentRowsRequest(
  figure: RowsFigure,
  period: string,
  currency: string | null,
  commitmentId: string | null,
): RowsPageRequest {
  const filters = [...FIGURE_FILTERS[figure], column('BillingCurrency', [currency])]
  if (commitmentId !== null) filters.push(column('CommitmentDiscountId', [commitmentId]))
  return {
    dateRange: null,
    dateBasis: 'billing',
    filters,
    period: { grain: 'month', value: period },
    sort: { column: 'EffectiveCost', descending: true },
    offset: 0,
    limit: 100,
  }
}
