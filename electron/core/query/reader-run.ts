/**
 * Explore's queries on a reader connection of their own (issue 9: "can be cancelled,
 * show progress"): an abort interrupts the connection, and DuckDB's own progress
 * (rows processed of the rows to scan) is readable while the query runs.
 */
import type { DuckDBConnection, DuckDBMaterializedResult, DuckDBValue } from '@duckdb/node-api'
import { FocalFailure, fail } from '../../../shared/contract'

/** How a caller steers a running query: `signal` interrupts it; `watch` gets a reader of its progress. */
export interface QueryControl {
  signal?: AbortSignal
  /** Called once the query has a connection: `progress()` is 0–100, or null while DuckDB does not know. */
  watch?: (progress: () => number | null) => void
}

/** Readies a reader for `control`: its progress readable, an abort interrupts it. Returns the undo. */
export function steer(connection: DuckDBConnection, control: QueryControl): () => void {
  // DuckDB tracks progress only on a connection whose progress bar was switched on before
  // the workspace locked its configuration (db/connect.ts, Workspace.watchedReader); any
  // other reader reports -1, and the screen then shows the elapsed time only.
  control.watch?.(() => {
    const percent = connection.progress.percentage
    return percent >= 0 ? Math.min(100, percent) : null
  })
  const abort = (): void => connection.interrupt()
  control.signal?.addEventListener('abort', abort)
  return () => control.signal?.removeEventListener('abort', abort)
}

/**
 * Runs `sql` on `connection`; an interrupt (or an abort that came first) fails with
 * CANCELLED, any other engine error with QUERY_FAILED and the engine's first line.
 */
export async function readSteered(
  connection: DuckDBConnection,
  sql: string,
  params: readonly DuckDBValue[],
  control: QueryControl,
): Promise<DuckDBMaterializedResult> {
  if (control.signal?.aborted) fail('CANCELLED', 'The query was cancelled.')
  try {
    // Materialized whole by DuckDB: its chunks are read in place (result-columns.ts). A statement
    // without values runs as one query; given values, even none, node-api extracts, prepares,
    // binds and runs it, three trips to DuckDB's threads that cost a by-service pivot about
    // 0.5–0.9 ms of its 3–4 ms.
    return await (params.length === 0 ? connection.run(sql) : connection.run(sql, [...params]))
  } catch (cause) {
    failIfCancelled(cause, control)
    // E.g. a numeric range on a text column: the engine's first line says which.
    const message = cause instanceof Error ? cause.message : String(cause)
    return fail('QUERY_FAILED', message.split('\n')[0] ?? message)
  }
}

/** Fails with CANCELLED when `cause` is an interrupt, or an abort of `control` came first. */
function failIfCancelled(cause: unknown, control: QueryControl): void {
  const message = cause instanceof Error ? cause.message : String(cause)
  if (/INTERRUPT/i.test(message) || control.signal?.aborted)
    fail('CANCELLED', 'The query was cancelled.')
}

/**
 * Runs a steered query's whole `work`, its context reads as well as its own SQL: an interrupt
 * that lands on any of them (a cancel while the workspace's columns or rollups are read) fails
 * with CANCELLED, as readSteered's own does, never as DuckDB's raw message.
 */
export async function steered<T>(control: QueryControl, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (cause) {
    if (cause instanceof FocalFailure) throw cause
    failIfCancelled(cause, control)
    throw cause
  }
}
