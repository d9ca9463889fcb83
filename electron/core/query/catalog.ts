/** What the open workspace has: columns of the focus view and the tag keys in use. */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { Catalog, ColumnInfo } from '../../../shared/contract'
import { PROVENANCE_COLUMNS, focusColumn } from '../../../shared/focus'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { loadTagGroups } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'
import { readStamp, stillCurrent, type ReadStamp } from './query-context'

/** Names of the columns of the `focus` view, read on the given connection (the writer by default). */
export async function focusColumnNames(
  ws: Workspace,
  connection: DuckDBConnection = ws.writer,
): Promise<Set<string>> {
  const sql = "SELECT column_name FROM duckdb_columns() WHERE table_name = 'focus'"
  const rows = await ws.all(sql, [], connection)
  return new Set(rows.map((r) => String(r.column_name)))
}

/**
 * The catalog the UI offers: every column that holds at least one value, and the tag keys in
 * use. Finding the columns with a value reads every column of every row (about 0.6 s at 1M
 * rows), so the catalog is kept per workspace under its data version and presentation mode,
 * as the query context is (query-context.ts): an import, a restatement or an alias-policy edit
 * moves the version on, and a catalog read while a write ran is not kept.
 */
export async function readCatalog(ws: Workspace): Promise<Catalog> {
  const read = readStamp(ws)
  const found = keptCatalogs.get(ws)
  if (found && stillCurrent(ws, found)) return found.catalog
  const catalog = await scanCatalog(ws)
  if (stillCurrent(ws, read)) keptCatalogs.set(ws, { ...read, catalog })
  return catalog
}

const keptCatalogs = new WeakMap<Workspace, ReadStamp & { catalog: Catalog }>()

async function scanCatalog(ws: Workspace): Promise<Catalog> {
  const connection = await ws.reader()
  try {
    const described = await ws.all(
      "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'focus' ORDER BY column_index",
      [],
      connection,
    )
    const stats = described
      .map((c, i) => `count(${quoteIdent(String(c.column_name))}) AS n${i}`)
      .join(', ')
    const [counts = {}] = await ws.all(`SELECT ${stats} FROM focus`, [], connection)
    const provenance = new Set<string>(PROVENANCE_COLUMNS)
    const columns: ColumnInfo[] = described.flatMap((c, i) => {
      const name = String(c.column_name)
      if (Number(counts[`n${i}`] ?? 0) === 0) return []
      const focus = focusColumn(name)
      const kind: ColumnInfo['kind'] = focus
        ? 'focus'
        : provenance.has(name)
          ? 'provenance'
          : 'provider'
      const type: ColumnInfo['type'] =
        focus?.type ?? (String(c.data_type) === 'VARCHAR' ? 'string' : 'number')
      return [{ name, type, kind }]
    })
    const hasTags = columns.some((c) => c.name === 'Tags')
    // Canonical keys of the tag alias policy, most used first: an alias is not offered twice.
    const groups = hasTags ? (await loadTagGroups(ws, connection)).slice(0, 1000) : []
    return {
      columns,
      tagKeys: groups.map((g) => g.canonical),
      tagAliases: groups.map((g) => ({
        canonical: g.canonical,
        aliases: g.keys.map((u) => ({ key: u.key, rows: u.rows })),
      })),
    }
  } finally {
    connection.closeSync()
  }
}
