/** The rows behind a backlog figure as the Rows drawer reads them (contract/rows.ts): its filters, conditions and days. */
import type { EvidenceRows } from '../../../../shared/contract/backlog'
import type { RowsPageRequest } from '../../../../shared/contract/rows'

/** The request for the rows an evidence filter names, largest EffectiveCost first. */
export function evidenceRowsRequest(rows: EvidenceRows): RowsPageRequest {
  return {
    dateRange: rows.dateRange,
    filters: rows.filters,
    conditions: rows.conditions,
    period: null,
    sort: { column: 'EffectiveCost', descending: true },
    offset: 0,
    limit: 100,
  }
}
