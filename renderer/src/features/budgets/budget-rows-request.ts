/** The rows behind a budget's actual: its dimension value and currency, charged in the month up to the "as of" day. */
import type { BudgetStatus } from '../../../../shared/contract/budgets'
import type { RowsPageRequest } from '../../../../shared/contract/rows'
import { addDays, monthEnd, monthStart } from '../../../../shared/budgets/days'
import { parseDimension } from '../../../../shared/pivot'

/** The Rows drawer's request for `budget`'s actual as of `asOf` (null: the whole month). */
export function budgetRowsRequest(budget: BudgetStatus, asOf: string | null): RowsPageRequest {
  const last = monthEnd(budget.period)
  const end = asOf !== null && asOf < last ? asOf : last
  return {
    // The status sums by ChargePeriodStart day (UTC), [first day, the day after "as of").
    dateRange: { start: monthStart(budget.period), end: addDays(end, 1) },
    dateBasis: 'charge',
    filters: [
      { dimension: parseDimension(budget.dimension), op: 'in', values: [budget.value] },
      {
        dimension: { kind: 'column', name: 'BillingCurrency' },
        op: 'in',
        values: [budget.currency],
      },
    ],
    period: null,
    sort: null,
    offset: 0,
    limit: 100,
  }
}
