/**
 * Keeps the pivot rollups (shared/sql/pivot-rollup-sql.ts) exact. They hold the stamp of the
 * data they were built from (rollup-sql.ts); a pivot reads them only while that stamp is the
 * data's own, so no writer can leave a pivot reading stale sums: an import, a restatement, a
 * merged Azure view or anything else that changes the focus view changes the stamp, the next
 * pivot reads the rows, and the rollups are rebuilt on the writer's queue meanwhile. The
 * import rebuilds them at its end (import-file.ts); an older workspace builds them at its
 * first pivot.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { ROLLUP_BUILD_ORDER, ROLLUPS, rollupInsertSql } from '../../../shared/sql/pivot-rollup-sql'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'
import { ROLLUP_CHECK_SQL, ROLLUP_STATE_TABLE } from './rollup-sql'

// One rebuild at a time per workspace; a pivot that finds the rollups stale starts it once.
const rebuilding = new WeakMap<Workspace, Promise<boolean>>()

/**
 * True when the rollups hold exactly the focus view's current data (read on `connection`).
 * When they do not, starts their rebuild on the writer's queue (not awaited: this pivot
 * reads the rows) unless the workspace is read-only.
 */
export async function rollupsFresh(ws: Workspace, connection: DuckDBConnection): Promise<boolean> {
  // A workspace from before the rollups has no state table: stale.
  const [check] = await ws.all(ROLLUP_CHECK_SQL, [], connection).catch(() => [])
  if (check?.fresh === true) return true
  if (!ws.readOnly) void refreshRollups(ws)
  return false
}

/**
 * Rebuilds the rollups unless they are current; true when it rebuilt them. In one writer
 * transaction, so a pivot sees the old rollups and their old stamp or the new ones with
 * the new stamp. Never throws: a failed rebuild leaves pivots reading the rows.
 */
export function refreshRollups(ws: Workspace): Promise<boolean> {
  const running = rebuilding.get(ws)
  if (running) return running
  const work = rebuild(ws)
    .catch(() => false)
    .finally(() => rebuilding.delete(ws))
  rebuilding.set(ws, work)
  return work
}

async function rebuild(ws: Workspace): Promise<boolean> {
  return ws.transaction(async () => {
    const [check] = await ws.all(ROLLUP_CHECK_SQL)
    if (check?.fresh === true) return false
    for (const rollup of ROLLUPS) await ws.run(`DELETE FROM ${quoteIdent(rollup.table)}`)
    for (const rollup of ROLLUP_BUILD_ORDER) await ws.run(rollupInsertSql(rollup))
    await ws.run(`DELETE FROM ${ROLLUP_STATE_TABLE}`)
    await ws.run(`INSERT INTO ${ROLLUP_STATE_TABLE} VALUES ($1)`, [String(check?.stamp)])
    return true
  })
}
