/** Runs a pivot on its own connection (interruptible) and returns Arrow bytes plus meta. */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { PivotMeta } from '../../../shared/contract'
import { fail } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import type { PivotSpec } from '../../../shared/pivot'
import { buildPivotTable, type PivotTable } from '../../../shared/pivot/table'
import { resultColumns, type ResultValue } from './result-columns'
import { compilePivotTable } from '../../../shared/sql/pivot-table-sql'
import {
  compilePivot,
  PIVOT_ROW_LIMIT,
  PivotSpecError,
  summaryFigure,
  type CompiledPivot,
} from '../../../shared/sql/pivot-sql'
import { specReadsTags } from '../../../shared/sql/pivot-where-sql'
import type { Workspace } from '../workspace/workspace'
import { encodeArrow, type ArrowColumn } from './arrow'
import { isMasked } from '../presentation/presentation-mode'
import { queryContext } from './query-context'
import { askLazyRollup } from './rollup'
import { INVALID_TAGS_SQL } from './query-context-sql'
import { readSteered, steer, steered, type QueryControl } from './reader-run'

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
  try {
    // Only a pivot that reads a tag needs the alias policy (which lists the keys in use). A
    // cancel may land while it is read after a write: it fails CANCELLED too.
    const context = await steered(control, () =>
      queryContext(ws, connection, {
        tags: specReadsTags(spec),
        // As the table's: the rollups hold real account ids, so a masked pivot reads the rows.
        rollups: !isMasked(ws),
      }),
    )
    let compiled
    try {
      compiled = compilePivot(spec, context.names, context)
    } catch (cause) {
      if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
      throw cause
    }
    askLazyRollup(ws, spec, [summaryFigure(spec)], context)
    const result = await readSteered(connection, compiled.sql, compiled.params, control)
    // The value comes as DuckDB's DECIMAL (or integer count), written exactly as the table's are.
    return toResult(compiled, resultColumns(result).columns, started)
  } finally {
    release()
    giveBack()
  }
}

const NUMERIC_ROLES = new Set<CompiledPivot['columns'][number]['role']>(['chart', 'count', 'other'])

function toResult(
  compiled: CompiledPivot,
  columns: ReadonlyArray<ReadonlyArray<ResultValue>>,
  started: number,
): PivotResult {
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
    const context = await steered(control, () =>
      queryContext(ws, connection, {
        tags: specReadsTags(spec),
        // The rollups hold real account ids: a masked pivot reads the rows.
        rollups: !isMasked(ws),
      }),
    )
    let compiled
    try {
      compiled = compilePivotTable(spec, context.names, context)
    } catch (cause) {
      if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
      throw cause
    }
    // A resource pivot reads the rows until its monthly rollup is built (rollup.ts).
    askLazyRollup(ws, spec, compiled.figures, context)
    const result = await readSteered(connection, compiled.sql, compiled.params, control)
    // Laid out column by column, as DuckDB gives it (result-columns.ts).
    const columns = resultColumns(result)
    try {
      return buildPivotTable(spec, compiled, columns)
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
  const [row] = await ws.all(INVALID_TAGS_SQL, [], connection)
  return Number(row?.n ?? 0) > 0
}
