/** Runs a pivot on its own connection (interruptible) and returns Arrow bytes plus meta. */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { PivotMeta } from '../../../shared/contract'
import { fail } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import type { PivotSpec } from '../../../shared/pivot'
import { buildPivotTable, type PivotTable, type TableRecord } from '../../../shared/pivot/table'
import { compilePivotTable } from '../../../shared/sql/pivot-table-sql'
import {
  compilePivot,
  PIVOT_ROW_LIMIT,
  PivotSpecError,
  type CompiledPivot,
} from '../../../shared/sql/pivot-sql'
import { specReadsTags } from '../../../shared/sql/pivot-where-sql'
import { loadTagResolver } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'
import { encodeArrow, type ArrowColumn } from './arrow'
import { focusColumnNames } from './catalog'
import { rollupsFresh } from './rollup'

/** A pivot result: Arrow IPC stream bytes and what the columns mean. */
export interface PivotResult {
  meta: PivotMeta
  arrow: Uint8Array<ArrayBuffer>
}

/** Runs `spec`; `signal` interrupts the query. */
export async function runPivot(
  ws: Workspace,
  spec: PivotSpec,
  signal?: AbortSignal,
): Promise<PivotResult> {
  const started = performance.now()
  // One connection of its own: interruptible, and never busy with a running import.
  const connection = await ws.reader()
  const abort = (): void => connection.interrupt()
  signal?.addEventListener('abort', abort)
  let columns: unknown[][]
  try {
    const names = await focusColumnNames(ws, connection)
    let compiled
    try {
      // Only a pivot that reads a tag needs the alias policy (which lists the keys in use).
      const usesTags = specReadsTags(spec)
      compiled = compilePivot(spec, names, {
        guardJson: await hasInvalidTags(ws, connection),
        tags: usesTags ? await loadTagResolver(ws, connection) : undefined,
      })
    } catch (cause) {
      if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
      throw cause
    }
    try {
      const reader = await connection.runAndReadAll(compiled.sql, [...compiled.params])
      columns = reader.getColumnsJson() as unknown[][]
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause)
      if (/INTERRUPT/i.test(message) || signal?.aborted)
        fail('CANCELLED', 'The query was cancelled.')
      fail('QUERY_FAILED', message.split('\n')[0] ?? message)
    }
    return toResult(compiled, columns, started)
  } finally {
    signal?.removeEventListener('abort', abort)
    connection.closeSync()
  }
}

const NUMERIC_ROLES = new Set<CompiledPivot['columns'][number]['role']>(['chart', 'count', 'other'])

function toResult(compiled: CompiledPivot, columns: unknown[][], started: number): PivotResult {
  const total = columns[0]?.length ?? 0
  const truncated = total > PIVOT_ROW_LIMIT
  const rows = Math.min(total, PIVOT_ROW_LIMIT)
  const text = (i: number, decimal = false): ReadonlyArray<string | null> =>
    (columns[i] ?? [])
      .slice(0, rows)
      .map((v) => (v == null ? null : decimal ? normalizeDecimal(String(v)) : String(v)))
  const arrowColumns: ArrowColumn[] = compiled.columns.map((column, i): ArrowColumn => {
    if (column.role === 'value') return { name: `c${i}`, kind: 'text', values: text(i, true) }
    if (!NUMERIC_ROLES.has(column.role)) return { name: `c${i}`, kind: 'text', values: text(i) }
    // chart and count are numbers; the fold flag travels as 1 or 0.
    return {
      name: `c${i}`,
      kind: 'float',
      values: Float64Array.from((columns[i] ?? []).slice(0, rows), (v) => Number(v ?? 0)),
    }
  })
  const unitIndex = compiled.columns.findIndex((c) => c.role === 'unit')
  const currencies =
    compiled.columns[unitIndex]?.name === 'BillingCurrency'
      ? [...new Set(text(unitIndex).filter((v): v is string => v !== null))].sort()
      : []
  return {
    meta: {
      rowCount: rows,
      truncated,
      currencies,
      columns: [...compiled.columns],
      elapsedMs: Math.round(performance.now() - started),
    },
    arrow: encodeArrow(arrowColumns),
  }
}

/** Runs the pivot table of `spec` (several measures, a column axis, totals) and lays it out. */
export async function runPivotTable(ws: Workspace, spec: PivotSpec): Promise<PivotTable> {
  const connection = await ws.reader()
  try {
    const names = await focusColumnNames(ws, connection)
    const usesTags = specReadsTags(spec)
    let compiled
    try {
      compiled = compilePivotTable(spec, names, {
        guardJson: await hasInvalidTags(ws, connection),
        tags: usesTags ? await loadTagResolver(ws, connection) : undefined,
        rollups: await rollupsFresh(ws, connection),
      })
    } catch (cause) {
      if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
      throw cause
    }
    let records: TableRecord[]
    try {
      const reader = await connection.runAndReadAll(compiled.sql, [...compiled.params])
      records = reader.getRowObjectsJson() as TableRecord[]
    } catch (cause) {
      // E.g. a numeric range on a text column: the engine's first line says which.
      const message = cause instanceof Error ? cause.message : String(cause)
      fail('QUERY_FAILED', message.split('\n')[0] ?? message)
    }
    try {
      return buildPivotTable(spec, compiled, records)
    } catch (cause) {
      fail('BAD_REQUEST', cause instanceof Error ? cause.message : String(cause))
    }
  } finally {
    connection.closeSync()
  }
}

/** True when some imported rows carry Tags that are not a JSON object (so JSON access needs a guard). */
export async function hasInvalidTags(
  ws: Workspace,
  connection: DuckDBConnection,
): Promise<boolean> {
  const [row] = await ws.all(
    "SELECT count(*)::INT AS n FROM imports WHERE status = 'imported' AND issues LIKE '%\"Tags.JsonObject\"%'",
    [],
    connection,
  )
  return Number(row?.n ?? 0) > 0
}
