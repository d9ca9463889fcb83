/**
 * A workspace file can come from someone else, and DuckDB runs the SQL stored
 * in it: a view or macro is code. Focal trusts only the SQL it writes itself,
 * so on every open the views it defines are written again (CREATE OR
 * REPLACE) and any other view or macro is dropped (writable) or the file is
 * refused (read-only), and the audit log says what was removed.
 */
import { fail } from '../../../shared/contract'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { focalViewBodies } from './focus-view'
import { FOCAL_VIEWS } from './schema'
import type { Workspace } from './workspace'

/** A view or macro stored in the file that Focal did not write. */
interface StoredSql {
  kind: 'view' | 'macro' | 'table_macro'
  schema: string
  name: string
  sql: string
}

/**
 * Makes the file's views and macros exactly Focal's. Returns the names of what
 * was removed (empty when the file held only Focal's own SQL).
 */
export async function guardCatalog(ws: Workspace): Promise<string[]> {
  const stored = await storedSql(ws)
  const foreign = stored.filter((s) => !isFocalView(s))
  // The focus view's body depends on the imports (focus-view.ts): a merging one is not foreign.
  const views = await focalViewBodies(ws)
  const changed = Object.entries(views).filter(
    ([name, body]) =>
      !stored.some((s) => isFocalView(s) && s.name === name && sameView(s.sql, name, body)),
  )
  if (foreign.length === 0 && changed.length === 0) return []
  const names = [...foreign.map(describe), ...changed.map(([name]) => `view ${name} (changed)`)]
  if (ws.readOnly) {
    fail(
      'WORKSPACE_INVALID',
      `${ws.name}.focal holds SQL that Focal did not write (${names.join(', ')}); Focal will not run it.`,
      {
        hint: 'Open the workspace in Focal for writing (the app, or a command that changes it), which removes that SQL, then try again.',
      },
    )
  }
  await ws.transaction(async () => {
    for (const s of foreign) await ws.run(dropSql(s))
    for (const [name, body] of Object.entries(views))
      await ws.run(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS ${body}`)
    await ws.audit('workspace.untrusted-sql-removed', ws.name, { removed: names })
  })
  return names
}

async function storedSql(ws: Workspace): Promise<StoredSql[]> {
  const views = await ws.all(
    `SELECT schema_name, view_name AS name, sql FROM duckdb_views()
     WHERE NOT internal AND NOT temporary AND database_name = current_database()`,
  )
  const macros = await ws.all(
    `SELECT DISTINCT schema_name, function_name AS name, function_type AS kind, coalesce(macro_definition, '') AS sql
     FROM duckdb_functions()
     WHERE NOT internal AND database_name = current_database() AND function_type IN ('macro', 'table_macro')`,
  )
  return [
    ...views.map((v) => ({
      kind: 'view' as const,
      schema: String(v.schema_name),
      name: String(v.name),
      sql: String(v.sql ?? ''),
    })),
    ...macros.map((m) => ({
      kind: String(m.kind) === 'table_macro' ? ('table_macro' as const) : ('macro' as const),
      schema: String(m.schema_name),
      name: String(m.name),
      sql: String(m.sql),
    })),
  ]
}

function isFocalView(s: StoredSql): boolean {
  return s.kind === 'view' && s.schema === 'main' && Object.hasOwn(FOCAL_VIEWS, s.name)
}

/** DuckDB keeps the statement as written; Focal wrote `CREATE VIEW <name> AS <body>`. */
function sameView(sql: string, name: string, body: string): boolean {
  const squash = (text: string): string => text.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim()
  const stored = squash(sql)
  return [`CREATE VIEW ${name} AS ${body}`, `CREATE VIEW ${quoteIdent(name)} AS ${body}`]
    .concat([
      `CREATE OR REPLACE VIEW ${name} AS ${body}`,
      `CREATE OR REPLACE VIEW ${quoteIdent(name)} AS ${body}`,
    ])
    .some((expected) => squash(expected) === stored)
}

function describe(s: StoredSql): string {
  const kind = s.kind === 'view' ? 'view' : 'macro'
  return `${kind} ${s.schema === 'main' ? '' : `${s.schema}.`}${s.name}`
}

function dropSql(s: StoredSql): string {
  const name = `${quoteIdent(s.schema)}.${quoteIdent(s.name)}`
  if (s.kind === 'view') return `DROP VIEW IF EXISTS ${name}`
  return s.kind === 'table_macro'
    ? `DROP MACRO TABLE IF EXISTS ${name}`
    : `DROP MACRO IF EXISTS ${name}`
}
