/** Runs the filter editor's values list (shared/sql/pivot-values-sql.ts) on a reader connection. */
import type { PivotValues, PivotValuesRequest } from '../../../shared/contract'
import { fail } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { compilePivotValues } from '../../../shared/sql/pivot-values-sql'
import { PivotSpecError, specReadsTags } from '../../../shared/sql/pivot-where-sql'
import type { Workspace } from '../workspace/workspace'
import { queryContext } from './query-context'

interface ValueRecord {
  value: string | null
  rows: number | string
  costs: Array<{ currency: string | null; amount: string }> | null
  matched: number | string
}

/** The values of `request.dimension` under the spec's other filters, most rows first. */
export async function runPivotValues(
  ws: Workspace,
  request: PivotValuesRequest,
): Promise<PivotValues> {
  const connection = await ws.reader()
  try {
    const readsTags = request.dimension.kind === 'tag' || specReadsTags(request.spec)
    const context = await queryContext(ws, connection, { tags: readsTags })
    let compiled
    try {
      compiled = compilePivotValues(
        request.spec,
        request.dimension,
        request.search,
        request.limit,
        context.names,
        { guardJson: context.guardJson, tags: context.tags },
      )
    } catch (cause) {
      if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
      throw cause
    }
    let records: ValueRecord[]
    try {
      const reader = await connection.runAndReadAll(compiled.sql, [...compiled.params])
      records = reader.getRowObjectsJson() as unknown as ValueRecord[]
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause)
      fail('QUERY_FAILED', message.split('\n')[0] ?? message)
    }
    const matched = Number(records[0]?.matched ?? 0)
    return {
      values: records.map((r) => ({
        value: r.value,
        rows: Number(r.rows),
        costs: (r.costs ?? []).map((c) => ({
          currency: c.currency,
          amount: normalizeDecimal(c.amount),
        })),
      })),
      more: Math.max(0, matched - records.length),
    }
  } finally {
    connection.closeSync()
  }
}
