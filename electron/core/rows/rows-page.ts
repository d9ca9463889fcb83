/** One page of the rows behind a pivot cell, with their total (contract/rows.ts). */
import type { DuckDBConnection } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import type { RowsPage, RowsPageRequest } from '../../../shared/contract/rows'
import { normalizeDecimal } from '../../../shared/money'
import { compileRowsPage, type CompiledRows } from '../../../shared/sql/rows-sql'
import { PivotSpecError } from '../../../shared/sql/pivot-sql'
import { loadTagResolver } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'

/** Runs `request` on a reader connection of its own. */
export async function rowsPage(ws: Workspace, request: RowsPageRequest): Promise<RowsPage> {
  const connection = await ws.reader()
  try {
    const { compiled, columns, decimal } = await compileRowsRequest(ws, connection, request)
    const [count] = await ws.all(compiled.countSql, [...compiled.params], connection)
    const rows = await ws.all(compiled.pageSql, [...compiled.params], connection)
    return {
      columns,
      rows: rows.map((row) =>
        columns.map((name) => {
          const value = row[name]
          if (value == null) return null
          return decimal.has(name) ? normalizeDecimal(String(value)) : String(value)
        }),
      ),
      total: Number(count?.n ?? 0),
      offset: request.offset,
    }
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
): Promise<{ compiled: CompiledRows; columns: string[]; decimal: Set<string> }> {
  const described = await focusColumns(ws, connection)
  const columns = described.map((c) => c.name)
  // Only a request that reads a tag needs the alias policy (which lists the keys in use).
  const usesTags =
    request.filters.some((f) => f.dimension.kind === 'tag') ||
    (request.conditions ?? []).some(
      (c) =>
        c.op === 'tagPresent' ||
        c.op === 'tagMissing' ||
        ((c.op === 'contains' || c.op === 'startsWith') && c.dimension.kind === 'tag'),
    )
  try {
    const compiled = compileRowsPage(request, columns, {
      guardJson: await hasInvalidTags(ws, connection),
      tags: usesTags ? await loadTagResolver(ws, connection) : undefined,
    })
    return {
      compiled,
      columns,
      decimal: new Set(described.filter((c) => c.decimal).map((c) => c.name)),
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

/** True when some imported rows carry Tags that are not a JSON object (as pivot.ts asks). */
async function hasInvalidTags(ws: Workspace, connection: DuckDBConnection): Promise<boolean> {
  const [row] = await ws.all(
    "SELECT count(*)::INT AS n FROM imports WHERE status = 'imported' AND issues LIKE '%\"Tags.JsonObject\"%'",
    [],
    connection,
  )
  return Number(row?.n ?? 0) > 0
}
