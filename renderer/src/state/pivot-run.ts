/**
 * One run of Explore's pivot (issue 9: queries "can be cancelled, show progress"):
 * the summary (`pivot:run`, Arrow) and, when the spec wants it, the pivot table
 * (`pivot:table`) asked together under one run id, so a newer spec or the Cancel
 * button stops both, and progress is read for both.
 */
import {
  toFocalError,
  type FocalError,
  type PivotMeta,
  type PivotTableData,
} from '../../../shared/contract'
import { valueKey } from '../../../shared/canonical-json'
import type { PivotSpec } from '../../../shared/pivot'
import type { FocalTransport } from '../api'

/** What a finished run brought: the summary's bytes and meta, the table (or why it failed). */
export type RunOutcome =
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: FocalError }
  | {
      kind: 'done'
      meta: PivotMeta
      arrow: Uint8Array
      table: PivotTableData | null
      tableError: FocalError | null
    }

/** True when the spec asks for the pivot table: several measures or a column axis. */
export function wantsTable(spec: PivotSpec): boolean {
  return Boolean(spec.columns || spec.measures?.length)
}

/** The short name of the query a spec runs: its chart kind is not part of it (choosing one runs nothing). */
export function querySpecKey(spec: PivotSpec): string {
  return valueKey({ ...spec, chart: undefined })
}

/** The queries of run `runId`: the summary's id, and the table's. */
function queryIds(runId: string): [string, string] {
  return [runId, `${runId}-t`]
}

/** Runs the summary and (when wanted) the table of `spec` under `runId`. */
export async function runQueries(
  api: FocalTransport,
  spec: PivotSpec,
  runId: string,
): Promise<RunOutcome> {
  const [summaryId, tableId] = queryIds(runId)
  const [summary, table] = await Promise.allSettled([
    api['pivot:run']({ spec, queryId: summaryId }),
    wantsTable(spec) ? api['pivot:table']({ spec, queryId: tableId }) : Promise.resolve(null),
  ])
  const errors = [summary, table].flatMap((r) =>
    r.status === 'rejected' ? [toFocalError(r.reason)] : [],
  )
  if (errors.some((e) => e.code === 'CANCELLED')) return { kind: 'cancelled' }
  if (summary.status === 'rejected') return { kind: 'failed', error: toFocalError(summary.reason) }
  return {
    kind: 'done',
    meta: summary.value.meta,
    arrow: summary.value.arrow,
    table: table.status === 'fulfilled' ? table.value : null,
    tableError: table.status === 'rejected' ? toFocalError(table.reason) : null,
  }
}

/** Asks the engine to stop both queries of run `runId` (an unknown or ended one is ignored). */
export function cancelQueries(api: FocalTransport, runId: string): void {
  for (const queryId of queryIds(runId))
    void api['pivot:cancel']({ queryId }).catch(() => undefined)
}

/** DuckDB's progress of run `runId`: the least advanced of its running queries, null when unknown. */
export async function runProgress(api: FocalTransport, runId: string): Promise<number | null> {
  const read = await Promise.all(
    queryIds(runId).map((queryId) => api['pivot:progress']({ queryId }).catch(() => null)),
  )
  const known = read.flatMap((p) => (p && p.percent !== null ? [p.percent] : []))
  return known.length ? Math.min(...known) : null
}
