/**
 * What compiling a pivot or a drill-through needs to know of the workspace besides the spec:
 * the focus view's columns, whether some Tags need a JSON guard, the tag alias policy, and
 * whether the rollups hold the current data. Reading them took four to eight round trips per
 * pivot, more than the fast pivots' own SQL (issue 9: "overhead ≤ 1.3×"), yet they change
 * only when the workspace is written: so they are kept per workspace under its data version
 * (Workspace.dataVersion, bumped when every writer turn that may write starts and ends; an
 * import, a restatement, a mapping or alias-policy edit, a rollup rebuild and a presentation
 * mode switch are all such turns). An answer is kept only when no write ran while it was
 * read and none is running (a write commits before its turn ends), and the masking mode is
 * part of the key, so a kept answer never stands for other data. A reopened workspace is a
 * new object: nothing carries over.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { TagResolver } from '../../../shared/tags/resolve'
import { isMasked } from '../presentation/presentation-mode'
import { loadTagResolver } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'
import { QUERY_CONTEXT_SQL } from './query-context-sql'
import { rollupState, type RollupState } from './rollup'

/** One column of the focus view; `decimal` when it holds DECIMAL money or quantity. */
export interface FocusColumn {
  readonly name: string
  readonly decimal: boolean
}

/** The workspace as a query compiler sees it. */
export interface QueryContext {
  /** The focus view's columns in catalog order. */
  readonly columns: readonly FocusColumn[]
  /** Their names. */
  readonly names: ReadonlySet<string>
  /** True when some imported rows carry Tags that are not a JSON object. */
  readonly guardJson: boolean
  /** How `tag:<key>` reads; only when asked for. */
  readonly tags?: TagResolver
  /** True when the rollups hold exactly the current data; false unless asked for. */
  readonly rollups: boolean
  /** The lazy rollups built from the current data (empty unless asked for). */
  readonly lazyRollups: ReadonlySet<string>
  /**
   * True when the focus view holds every stored row (query-context-sql.ts PLAIN_ROWS_SQL), so
   * a query may read cost_rows; never while masked (the masking view stands in for cost_rows
   * only on the way through the focus view's definition).
   */
  readonly plainRows: boolean
}

/** The data version and masking mode an answer was read under. */
export interface ReadStamp {
  readonly version: number
  readonly masked: boolean
}

/** The stamp to read under now. */
export function readStamp(ws: Workspace): ReadStamp {
  return { version: ws.dataVersion, masked: isMasked(ws) }
}

/**
 * True when what was read under `stamp` still stands for the workspace: no write started or
 * ended since, none is running (a write commits before its turn ends), and the masking mode
 * is the same.
 */
export function stillCurrent(ws: Workspace, stamp: ReadStamp): boolean {
  return stamp.version === ws.dataVersion && stamp.masked === isMasked(ws) && !ws.writing
}

interface Kept extends ReadStamp {
  readonly columns: readonly FocusColumn[]
  readonly names: ReadonlySet<string>
  readonly guardJson: boolean
  readonly plainRows: boolean
  readonly tags?: TagResolver
  readonly rollups?: RollupState
}

const kept = new WeakMap<Workspace, Kept>()
const NONE: ReadonlySet<string> = new Set()

/**
 * The context of a query on `connection`; `needs.tags` loads the tag alias policy,
 * `needs.rollups` checks the rollups (and starts their rebuild when stale, rollup.ts).
 */
export async function queryContext(
  ws: Workspace,
  connection: DuckDBConnection,
  needs: { tags?: boolean; rollups?: boolean } = {},
): Promise<QueryContext> {
  const read = readStamp(ws)
  const found = kept.get(ws)
  let entry: Kept =
    found && stillCurrent(ws, found) ? found : { ...read, ...(await readColumns(ws, connection)) }
  if (needs.tags && !entry.tags) entry = { ...entry, tags: await loadTagResolver(ws, connection) }
  if (needs.rollups && entry.rollups === undefined)
    entry = { ...entry, rollups: await rollupState(ws, connection) }
  // A write that started, ended or is running meanwhile may or may not be in what was read.
  if (entry !== found && stillCurrent(ws, read)) kept.set(ws, entry)
  return {
    columns: entry.columns,
    names: entry.names,
    guardJson: entry.guardJson,
    tags: needs.tags ? entry.tags : undefined,
    rollups: needs.rollups === true && entry.rollups?.fresh === true,
    lazyRollups: (needs.rollups === true && entry.rollups?.lazy) || NONE,
    plainRows: entry.plainRows && !read.masked,
  }
}

async function readColumns(
  ws: Workspace,
  connection: DuckDBConnection,
): Promise<Pick<Kept, 'columns' | 'names' | 'guardJson' | 'plainRows'>> {
  const [row] = await ws.all(QUERY_CONTEXT_SQL, [], connection)
  const listed = (row?.columns ?? []) as Array<{ name: string; type: string }>
  const columns = listed.map((c) => ({
    name: String(c.name),
    decimal: String(c.type).startsWith('DECIMAL'),
  }))
  return {
    columns,
    names: new Set(columns.map((c) => c.name)),
    guardJson: Number(row?.invalid_tags ?? 0) > 0,
    plainRows: row?.plain_rows === true,
  }
}
