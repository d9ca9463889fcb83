/**
 * The rows behind a compliance figure, as the Rows drawer reads them: the period's rows by
 * billing period (what compliance measures), narrowed to a resource, a service or an account
 * and one currency.
 */
import type { RowsPageRequest } from '../../../../shared/contract/rows'
import { shiftPeriod } from '../../../../shared/report/periods'
import type { Filter } from '../../../../shared/pivot'

/** A column and the value a figure's rows carry in it (null: rows without one). */
export type ColumnValue = readonly [column: string, value: string | null]

/** The request for the rows of `period` whose `columns` hold the given values. */
export function complianceRowsRequest(
  period: string,
  columns: readonly ColumnValue[],
): RowsPageRequest {
  const filters: Filter[] = columns.map(([name, value]) => ({
    dimension: { kind: 'column', name },
    op: 'in',
    values: [value],
  }))
  return {
    dateBasis: 'billing',
    dateRange: { start: `${period}-01`, end: `${shiftPeriod(period, 1)}-01` },
    filters,
    period: null,
    sort: { column: 'BilledCost', descending: true },
    offset: 0,
    limit: 100,
  }
}
