/**
 * Builds the pivot rollups for the data now (rollup.ts runs it in the writer's transaction).
 * Rows are only ever added to cost_rows, so when the rollups were built from data that differs
 * from today's only by rows added since (no scope superseded, no Azure cost view added: the
 * focus view still shows every earlier row it showed, and every new row), the rollups read
 * from the rows are summed from the added rows alone and merged into the built groups, and the
 * rollups summed from those from the groups added to them. An import into a workspace holding earlier
 * months then reads only its own rows, not every month again. Sums of sums are the sum, so the
 * result is exactly a build from all rows (rollup-build.test.ts checks it is identical).
 * Anything else (a restatement, a cost view, rollups never built, rows the record cannot
 * account for) rebuilds them from every row.
 */
import { quoteIdent } from '../../../shared/sql/identifiers'
import {
  ROLLUP_BUILD_ORDER,
  rollupInsertSql,
  type Rollup,
} from '../../../shared/sql/pivot-rollup-sql'
import type { Workspace } from '../workspace/workspace'
import {
  LAZY_ROLLUP_STATE_TABLE,
  MAX_IMPORT_ID_SQL,
  ROLLUP_STATE_TABLE,
  ROWS_AFTER_IMPORT,
  rollupBuiltSql,
  rollupCompactSql,
  setRollupImportSql,
  sharedKeysSql,
  stampParts,
} from './rollup-sql'

/** How a build went: from every row, or from the rows added after import `after`. */
export type RollupBuild = { kind: 'all' } | { kind: 'added'; after: number }

/**
 * Builds the rollups (not the lazy ones) for the data stamped `stamp` (ROLLUP_STAMP_SQL, read
 * in this transaction) and records that stamp; inside the caller's writer transaction.
 */
export async function buildRollups(ws: Workspace, stamp: string): Promise<RollupBuild> {
  const [top] = await ws.all(MAX_IMPORT_ID_SQL)
  const after = await builtUpTo(ws, stamp)
  await fill(ws, ROLLUP_BUILD_ORDER, after)
  await ws.run(`DELETE FROM ${ROLLUP_STATE_TABLE}`)
  await ws.run(`INSERT INTO ${ROLLUP_STATE_TABLE} VALUES ($1)`, [stamp])
  await ws.run(setRollupImportSql(), [String(top?.id ?? 0)])
  return after === null ? { kind: 'all' } : { kind: 'added', after }
}

/**
 * Builds lazy rollup `rollup` (read from the rows) for the data stamped `stamp` and records
 * that stamp; inside the caller's writer transaction. As buildRollups does, it sums only the
 * rows of imports since its last build when that is all that changed: the first tag or
 * resource pivot after a month's import then reads that month, not every month again.
 */
export async function fillLazyRollup(
  ws: Workspace,
  rollup: Rollup,
  stamp: string,
): Promise<RollupBuild> {
  const [top] = await ws.all(MAX_IMPORT_ID_SQL)
  const after = await builtUpTo(ws, stamp, rollup.table)
  await fill(ws, [rollup], after)
  await ws.run(`DELETE FROM ${LAZY_ROLLUP_STATE_TABLE} WHERE rollup = $1`, [rollup.table])
  await ws.run(`INSERT INTO ${LAZY_ROLLUP_STATE_TABLE} VALUES ($1, $2)`, [rollup.table, stamp])
  await ws.run(setRollupImportSql(rollup.table), [String(top?.id ?? 0)])
  return after === null ? { kind: 'all' } : { kind: 'added', after }
}

/**
 * Fills `rollups`, in build order (a wider rollup before those summed from it): from every row
 * when `after` is null, else with what was added after import `after` (addGroups).
 */
async function fill(
  ws: Workspace,
  rollups: readonly Rollup[],
  after: number | null,
): Promise<void> {
  if (after === null) {
    for (const rollup of rollups) await ws.run(`DELETE FROM ${quoteIdent(rollup.table)}`)
    for (const rollup of rollups) await ws.run(rollupInsertSql(rollup))
    return
  }
  // Each rollup's added groups, kept for the rollups summed from it (built after it).
  const added = new Map<string, string>()
  try {
    for (const rollup of rollups) await addGroups(ws, rollup, after, added)
  } finally {
    for (const table of added.values()) await ws.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`)
  }
}

/**
 * The import the built rollups (or lazy rollup `lazy`) end at, when the data differs from what
 * they hold only by rows of later imports; null when they must be built from every row.
 */
async function builtUpTo(ws: Workspace, stamp: string, lazy?: string): Promise<number | null> {
  const [built] = await ws.all(rollupBuiltSql(lazy))
  const before = stampParts(built?.stamp == null ? null : String(built.stamp))
  const now = stampParts(stamp)
  if (!before || !now || built?.id == null) return null
  // The rows the built rollups hold are exactly those of the imports up to the recorded one,
  // and the rows still shown are the same: nothing was superseded and no cost view was added.
  if (String(built.covered) !== before.rows || Number(built.unnumbered) !== 0) return null
  if (before.superseded !== now.superseded || before.costViews !== now.costViews) return null
  return Number(built.id)
}

/**
 * Sums what was added since the last build into `rollup`'s groups: the rows of imports after
 * `after` for a rollup read from the rows, the groups added to its wider rollup for one summed
 * from it (recorded in `added`, by table). A new month's rows share no key with the groups
 * built (each key holds a day), so they are appended; otherwise groups with the same key are
 * merged, which rewrites the table.
 */
async function addGroups(
  ws: Workspace,
  rollup: Rollup,
  after: number,
  added: Map<string, string>,
): Promise<void> {
  const table = quoteIdent(rollup.table)
  const mine = ws.tempName('rollup_added')
  added.set(rollup.table, mine)
  await ws.run(`CREATE TEMP TABLE ${quoteIdent(mine)} AS SELECT * FROM ${table} LIMIT 0`)
  const wider = rollup.from === null ? undefined : added.get(rollup.from)
  if (rollup.from !== null && wider === undefined) throw new Error(`${rollup.from} not built first`)
  await ws.run(
    rollupInsertSql({ ...rollup, table: mine, from: wider ?? null }, ROWS_AFTER_IMPORT),
    wider === undefined ? [after] : [],
  )
  const [held] = await ws.all(`SELECT count(*)::BIGINT AS n FROM ${table}`)
  const shared =
    Number(held?.n ?? 0) === 0 ? undefined : (await ws.all(sharedKeysSql(rollup, mine)))[0]
  await ws.run(`INSERT INTO ${table} SELECT * FROM ${quoteIdent(mine)}`)
  if (shared?.any !== true) return
  const merged = ws.tempName('rollup_merge')
  try {
    await ws.run(rollupCompactSql(rollup, merged))
    await ws.run(`DELETE FROM ${table}`)
    await ws.run(`INSERT INTO ${table} SELECT * FROM ${quoteIdent(merged)}`)
  } finally {
    await ws.run(`DROP TABLE IF EXISTS ${quoteIdent(merged)}`)
  }
}
