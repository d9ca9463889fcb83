/**
 * The stored side of the pivot rollups (shared/sql/pivot-rollup-sql.ts): their tables, the
 * state row saying which data they were built from, and the stamp of that data.
 */
import { quoteIdent } from '../../../shared/sql/identifiers'
import { ROLLUPS, rollupColumns } from '../../../shared/sql/pivot-rollup-sql'

/** The table holding the stamp of the data the rollups were last built from (one row, or none). */
export const ROLLUP_STATE_TABLE = 'rollup_state'

/** Each lazy rollup's table and the stamp of the data it was last built from (workspace format 6). */
export const LAZY_ROLLUP_STATE_TABLE = 'rollup_lazy_state'

/**
 * The rollup tables and their state, created with the workspace (schema.ts FORMAT_5_TABLES) and
 * filled by the first rollup build (an import's end, or the first pivot after an upgrade).
 */
export const ROLLUP_TABLES: readonly string[] = [
  ...ROLLUPS.map(
    (r) =>
      `CREATE TABLE IF NOT EXISTS ${r.table} (${rollupColumns(r)
        .map((c) => `${quoteIdent(c.name)} ${c.type}`)
        .join(', ')})`,
  ),
  `CREATE TABLE IF NOT EXISTS ${ROLLUP_STATE_TABLE} (stamp VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${LAZY_ROLLUP_STATE_TABLE} (rollup VARCHAR NOT NULL, stamp VARCHAR NOT NULL)`,
]

/**
 * What the focus view's rows depend on, as one text: the cost rows stored (cost_rows only
 * grows: a failed import's rows roll back with it), the imports and their status, the
 * superseded scopes, and the scopes and Azure cost views the merged view reads (they also
 * decide which body the view has, focus-view.ts). Cheap: a row count and small tables.
 * Budget status (core/budgets) keys its cache of daily costs by it too.
 */
export const ROLLUP_STAMP_SQL = `SELECT concat_ws('/',
  (SELECT count(*) FROM cost_rows),
  (SELECT coalesce(sum(hash(i.id, i.status)), 0) FROM imports AS i),
  (SELECT coalesce(sum(hash(s)), 0) FROM superseded_scopes AS s),
  (SELECT coalesce(sum(hash(m)), 0) FROM import_scopes AS m),
  (SELECT coalesce(sum(hash(v)), 0) FROM import_cost_views AS v))`

/**
 * The stamp of the data now, whether the rollups were built from it, and the lazy rollups built
 * from it, in one statement.
 */
export const ROLLUP_CHECK_SQL = `SELECT stamp, stamp IS NOT DISTINCT FROM (SELECT max(stamp) FROM ${ROLLUP_STATE_TABLE}) AS fresh,
  (SELECT list(l.rollup) FROM ${LAZY_ROLLUP_STATE_TABLE} AS l WHERE l.stamp = now.stamp) AS lazy
  FROM (${ROLLUP_STAMP_SQL} AS stamp) AS now`
