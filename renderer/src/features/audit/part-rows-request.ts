/** The Rows drawer's request for a report figure's part (explain-chain.tsx's Open rows). */
import type { ExplainedFigureView, ExplainRequest } from '../../../../shared/contract/explain'
import type { RowsPageRequest } from '../../../../shared/contract/rows'
import { ROWS_PAGE_SIZE } from '../explore/rows-request'

type Part = ExplainedFigureView['parts'][number]

/**
 * The Rows drawer's request for a part's source rows: the part itself, pinned to the figure's
 * pack entry, target and currency; the engine makes its lines again and reads exactly its rows.
 */
export function partRowsRequest(
  request: ExplainRequest,
  figure: ExplainedFigureView,
  rows: Part['rows'],
): RowsPageRequest {
  const entry = figure.pack?.entrySeq ?? request.entry
  // A figure of rows with no currency has none to name (the request's own stays).
  const currency = /^[A-Z]{3}$/.test(figure.currency) ? figure.currency : request.currency
  return {
    dateRange: null,
    filters: [],
    period: null,
    sort: null,
    offset: 0,
    limit: ROWS_PAGE_SIZE,
    part: {
      figure: {
        ...request,
        target: figure.target,
        ...(currency === undefined ? {} : { currency }),
        ...(entry === undefined ? {} : { entry }),
      },
      pool: rows.pool,
      rule: rows.rule,
    },
  }
}
