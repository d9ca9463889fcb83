/**
 * Keeps the pivot rollups (shared/sql/pivot-rollup-sql.ts) exact. They hold the stamp of the
 * data they were built from (rollup-sql.ts); a pivot reads them only while that stamp is the
 * data's own, so no writer can leave a pivot reading stale sums: an import, a restatement, a
 * merged Azure view or anything else that changes the focus view changes the stamp, the next
 * pivot reads the rows, and the rollups are rebuilt on the writer's queue meanwhile (from the
 * rows added since, when nothing else changed: rollup-build.ts). The
 * import rebuilds them at its end (import-file.ts); an older workspace builds them at its
 * first pivot. A lazy rollup (the monthly resource and tag ones) keeps its own stamp and is
 * built only when a pivot it would answer asks for it, from the rows added since its last
 * build when that is all that changed.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { PivotSpec } from '../../../shared/pivot'
import { LAZY_ROLLUPS, rollupFor, type RollupFigure } from '../../../shared/sql/pivot-rollup-sql'
import type { Workspace } from '../workspace/workspace'
import { buildRollups, fillLazyRollup } from './rollup-build'
import { ROLLUP_CHECK_SQL } from './rollup-sql'

/** The lazy rollups a ROLLUP_CHECK_SQL row names as built from the current data. */
function lazyBuilt(check: Record<string, unknown> | undefined): Set<string> {
  return new Set(((check?.lazy ?? []) as unknown[]).map(String))
}

// One rebuild at a time per workspace; a pivot that finds the rollups stale starts it once.
const rebuilding = new WeakMap<Workspace, Promise<boolean>>()

/** Whether the built rollups hold the current data, and which lazy rollups do. */
export interface RollupState {
  readonly fresh: boolean
  readonly lazy: ReadonlySet<string>
}

/**
 * Whether the rollups hold exactly the focus view's current data (read on `connection`), and
 * the lazy ones that do. When the built ones do not, starts their rebuild on the writer's
 * queue (not awaited: this pivot reads the rows) unless the workspace is read-only.
 */
export async function rollupState(
  ws: Workspace,
  connection: DuckDBConnection,
): Promise<RollupState> {
  // A workspace from before the rollups has no state table: stale.
  const [check] = await ws.all(ROLLUP_CHECK_SQL, [], connection).catch(() => [])
  const lazy = lazyBuilt(check)
  if (check?.fresh === true) return { fresh: true, lazy }
  if (!ws.readOnly) void refreshRollups(ws)
  return { fresh: false, lazy }
}

/** True when the built rollups hold the current data (rollupState). */
export async function rollupsFresh(ws: Workspace, connection: DuckDBConnection): Promise<boolean> {
  return (await rollupState(ws, connection)).fresh
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
    // From the rows added since the last build when that is all that changed (rollup-build.ts).
    await buildRollups(ws, String(check?.stamp))
    return true
  })
}

// One build at a time per workspace and lazy rollup.
const building = new WeakMap<Workspace, Map<string, Promise<boolean>>>()

/**
 * Starts building the lazy rollup that would answer `spec` when the built rollups are current
 * and it is not (not awaited: this pivot reads the rows, the next ones read it). Nothing on a
 * read-only workspace.
 */
export function askLazyRollup(
  ws: Workspace,
  spec: PivotSpec,
  figures: readonly RollupFigure[],
  state: { rollups: boolean; lazyRollups: ReadonlySet<string> },
): void {
  if (ws.readOnly || !state.rollups) return
  const wanted = rollupFor(spec, figures)
  if (wanted?.lazy && !state.lazyRollups.has(wanted.table)) void buildLazyRollup(ws, wanted.table)
}

/**
 * Builds the lazy rollup `table` from the current data unless it holds it already; true when
 * it built. In one writer transaction with its stamp, so a pivot sees it whole or not at all.
 * Never throws: a failed build leaves its pivots reading the rows.
 */
export function buildLazyRollup(ws: Workspace, table: string): Promise<boolean> {
  const rollup = LAZY_ROLLUPS.find((r) => r.table === table)
  if (!rollup) return Promise.resolve(false)
  const running = building.get(ws) ?? new Map<string, Promise<boolean>>()
  building.set(ws, running)
  const found = running.get(table)
  if (found) return found
  const work = ws
    .transaction(async () => {
      const [check] = await ws.all(ROLLUP_CHECK_SQL)
      if (lazyBuilt(check).has(table)) return false
      // From the rows added since its last build when that is all that changed (rollup-build.ts).
      await fillLazyRollup(ws, rollup, String(check?.stamp))
      return true
    })
    .catch(() => false)
    .finally(() => running.delete(table))
  running.set(table, work)
  return work
}

/** Builds every lazy rollup from the current data (the bench, before it times pivots). */
export async function buildLazyRollups(ws: Workspace): Promise<void> {
  for (const rollup of LAZY_ROLLUPS) await buildLazyRollup(ws, rollup.table)
}
