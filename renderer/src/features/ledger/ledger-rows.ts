/**
 * The rows behind a ledger figure, for the Rows drawer: the week's [Monday, next Monday) on
 * ChargePeriodStart (the ledger's date basis), the currency, the dimension value and, for a
 * driver, its column's value. The drawer's total then adds up to the figure clicked.
 */
import type { RowsPageRequest } from '../../../../shared/contract'
import { parseDimension, type Filter } from '../../../../shared/pivot'

/** A figure's place in the ledger: which week, currency and value (and driver). */
export interface LedgerFigure {
  readonly range: { readonly start: string; readonly end: string }
  readonly by: string
  readonly currency: string | null
  /** undefined: every value (a total). */
  readonly value?: string | null
  readonly driver?: { readonly column: string; readonly value: string | null }
}

/** The rows request of `figure`, largest cost first. */
export function ledgerRowsRequest(figure: LedgerFigure, metric: string): RowsPageRequest {
  const filters: Filter[] = [
    { dimension: { kind: 'column', name: 'BillingCurrency' }, op: 'in', values: [figure.currency] },
  ]
  if (figure.value !== undefined)
    filters.push({ dimension: parseDimension(figure.by), op: 'in', values: [figure.value] })
  if (figure.driver)
    filters.push({
      dimension: { kind: 'column', name: figure.driver.column },
      op: 'in',
      values: [figure.driver.value],
    })
  return {
    dateBasis: 'charge',
    dateRange: { start: figure.range.start, end: figure.range.end },
    filters,
    period: null,
    sort: { column: metric, descending: true },
    offset: 0,
    limit: 100,
  }
}
