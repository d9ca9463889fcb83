/** One page of the rows behind a pivot cell, with their total (contract/rows.ts). */
import type { DuckDBConnection } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import type { RowsPage, RowsPageRequest } from '../../../shared/contract/rows'
import { normalizeDecimal } from '../../../shared/money'
import { compileRowsPage, type CompiledRows } from '../../../shared/sql/rows-sql'
import { PivotSpecError } from '../../../shared/sql/pivot-sql'
import { withPartKeys } from '../evidence/part-rows'
import { withMaskedWriter } from '../presentation/presentation-mode'
import { queryContext } from '../query/query-context'
import type { Workspace } from '../workspace/workspace'

/** Runs `request` (on a reader of its own, or on the writer for a figure's part). */
export async function rowsPage(ws: Workspace, request: RowsPageRequest): Promise<RowsPage> {
  return withRowsQuery(ws, request, async ({ compiled, columns, decimal }, connection) => {
    const [count] = await ws.all(compiled.countSql, [...compiled.params], connection)
    const cell = (name: string, value: unknown): string | null => {
      if (value == null) return null
      return decimal.has(name) ? normalizeDecimal(String(value)) : String(value)
    }
    return {
      columns,
      rows: await pageRows(ws, connection, compiled, (read) =>
        columns.map((name) => cell(name, read(name))),
      ),
      total: Number(count?.n ?? 0),
      offset: request.offset,
    }
  })
}

/**
 * The page's rows, each made by `row` from a reader of its values by column name. On a
 * reader connection the values are read as arrays (a page of every column as row objects
 * takes several times longer); the writer is used in its turn, through ws.all.
 */
async function pageRows<T>(
  ws: Workspace,
  connection: DuckDBConnection,
  compiled: CompiledRows,
  row: (read: (name: string) => unknown) => T,
): Promise<T[]> {
  if (connection === ws.writer) {
    const records = await ws.all(compiled.pageSql, [...compiled.params], connection)
    return records.map((record) => row((name) => record[name]))
  }
  const reader = await connection.runAndReadAll(compiled.pageSql, [...compiled.params])
  const at = new Map(reader.columnNames().map((name, i) => [name, i]))
  return reader.getRowsJson().map((values) => row((name) => values[at.get(name) ?? -1]))
}

/** A compiled drill-through request with the connection to run it on. */
export type RowsQuery = Awaited<ReturnType<typeof compileRowsRequest>>

/**
 * Runs `work` with `request` compiled and the connection it reads on: a reader of its own; for
 * a report figure's part the writer, where the figure's lines are made again and the part's
 * rows kept (evidence/part-rows.ts), read through presentation mode's masking like a reader.
 */
export async function withRowsQuery<T>(
  ws: Workspace,
  request: RowsPageRequest,
  work: (query: RowsQuery, connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  if (request.part)
    return withPartKeys(ws, request.part, (keys) =>
      withMaskedWriter(ws, async () =>
        work(await compileRowsRequest(ws, ws.writer, request, keys), ws.writer),
      ),
    )
  const connection = await ws.reader()
  try {
    return await work(await compileRowsRequest(ws, connection, request), connection)
  } finally {
    connection.closeSync()
  }
}

/**
 * A drill-through request compiled against the workspace's focus view (its columns, the tag
 * alias policy when the request reads a tag), with the columns that hold DECIMAL values. The
 * Rows drawer's pages and the evidence bundle (evidence.ts) read the same rows through it.
 */
export async function compileRowsRequest(
  ws: Workspace,
  connection: DuckDBConnection,
  request: RowsPageRequest,
  keys?: string,
): Promise<{ compiled: CompiledRows; columns: string[]; decimal: Set<string> }> {
  // Only a request that reads a tag needs the alias policy (which lists the keys in use).
  const usesTags =
    request.filters.some((f) => f.dimension.kind === 'tag') ||
    (request.conditions ?? []).some(
      (c) =>
        c.op === 'tagPresent' ||
        c.op === 'tagMissing' ||
        ((c.op === 'contains' || c.op === 'startsWith') && c.dimension.kind === 'tag'),
    )
  const context = await queryContext(ws, connection, { tags: usesTags })
  const columns = context.columns.map((c) => c.name)
  try {
    const compiled = compileRowsPage(request, columns, {
      guardJson: context.guardJson,
      tags: context.tags,
      keys,
    })
    return {
      compiled,
      columns,
      decimal: new Set(context.columns.filter((c) => c.decimal).map((c) => c.name)),
    }
  } catch (cause) {
    if (cause instanceof PivotSpecError) fail('BAD_REQUEST', cause.message)
    throw cause
  }
}

/** The focus view's columns in catalog order, each marked when it holds DECIMAL money or quantity. */
export async function focusColumns(
  ws: Workspace,
  connection: DuckDBConnection,
): Promise<Array<{ name: string; decimal: boolean }>> {
  const rows = await ws.all(
    "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'focus' ORDER BY column_index",
    [],
    connection,
  )
  return rows.map((r) => ({
    name: String(r.column_name),
    decimal: String(r.data_type).startsWith('DECIMAL'),
  }))
}
