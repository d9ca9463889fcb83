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
import { isMasked } from '../presentation/presentation-mode'
import { rollupsFresh } from './rollup'
import { readSteered, steer, type QueryControl } from './reader-run'

/** A pivot result: Arrow IPC stream bytes and what the columns mean. */
export interface PivotResult {
  meta: PivotMeta
  arrow: Uint8Array<ArrayBuffer>
}

/** Runs `spec`; `control.signal` interrupts the query, `control.watch` follows its progress. */
export async function runPivot(
  ws: Workspace,
  spec: PivotSpec,
  control: QueryControl = {},
): Promise<PivotResult> {
  const started = performance.now()
  // A reader that reports progress when one is free; never busy with a running import.
  const { connection, release: giveBack } = await ws.watchedReader()
  const release = steer(connection, control)
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
        // As the table's: the rollups hold real account ids, so a masked pivot reads the rows.
        rollups: !isMasked(ws) && (await rollupsFresh(ws, connection)),
      })
    } catch (cause) {
      if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
      throw cause
    }
    const reader = await readSteered(connection, compiled.sql, compiled.params, control)
    columns = reader.getColumnsJson() as unknown[][]
    return toResult(compiled, columns, started)
  } finally {
    release()
    giveBack()
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

/** Runs the pivot table of `spec` (several measures, a column axis, totals) and lays it out; `control` as runPivot's. */
export async function runPivotTable(
  ws: Workspace,
  spec: PivotSpec,
  control: QueryControl = {},
): Promise<PivotTable> {
  // A reader that reports progress when one is free; never busy with a running import.
  const { connection, release: giveBack } = await ws.watchedReader()
  const release = steer(connection, control)
  try {
    const names = await focusColumnNames(ws, connection)
    const usesTags = specReadsTags(spec)
    let compiled
    try {
      compiled = compilePivotTable(spec, names, {
        guardJson: await hasInvalidTags(ws, connection),
        tags: usesTags ? await loadTagResolver(ws, connection) : undefined,
        // The rollups hold real account ids: a masked pivot reads the rows.
        rollups: !isMasked(ws) && (await rollupsFresh(ws, connection)),
      })
    } catch (cause) {
      if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
      throw cause
    }
    const reader = await readSteered(connection, compiled.sql, compiled.params, control)
    const records = reader.getRowObjectsJson() as TableRecord[]
    try {
      return buildPivotTable(spec, compiled, records)
    } catch (cause) {
      fail('BAD_REQUEST', cause instanceof Error ? cause.message : String(cause))
    }
  } finally {
    release()
    giveBack()
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
