/**
 * The rows behind one vendor cost figure (contract/rows.ts): the vendor's name in the
 * column of its role, the currency, and the billing period on BillingPeriodStart, exactly
 * the rows vendors-sql.ts sums.
 */
import type { RowsPageRequest } from '../contract/rows'
import type { VendorRole } from '../contract/vendors'

/** The column each role reads (FOCUS 1.4; PublisherName is kept as x_PublisherName). */
export const VENDOR_ROLE_COLUMNS: Readonly<Record<VendorRole, string>> = {
  provider: 'ServiceProviderName',
  publisher: 'x_PublisherName',
  invoiceIssuer: 'InvoiceIssuerName',
}

/** The first page of the rows of `name` in `role`, `period` (YYYY-MM) and `currency`. */
export function vendorRowsRequest(
  cost: { name: string; role: VendorRole; period: string; currency: string },
  limit = 50,
): RowsPageRequest {
  return {
    dateRange: null,
    dateBasis: 'billing',
    filters: [
      {
        dimension: { kind: 'column', name: VENDOR_ROLE_COLUMNS[cost.role] },
        op: 'in',
        values: [cost.name],
      },
      { dimension: { kind: 'column', name: 'BillingCurrency' }, op: 'in', values: [cost.currency] },
    ],
    period: { grain: 'month', value: cost.period },
    sort: null,
    offset: 0,
    limit,
  }
}
