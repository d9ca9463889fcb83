/**
 * The stored side of the pivot rollups (shared/sql/pivot-rollup-sql.ts): their tables, the
 * state row saying which data they were built from, and the stamp of that data.
 */
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import {
  ROLLUPS,
  ROLLUP_MONEY,
  ROLLUP_ROWS,
  rollupAbsColumn,
  rollupColumns,
  type Rollup,
} from '../../../shared/sql/pivot-rollup-sql'
import { columnDefinition } from '../workspace/column-storage'

/** The table holding the stamp of the data the rollups were last built from (one row, or none). */
export const ROLLUP_STATE_TABLE = 'rollup_state'

/** Each lazy rollup's table and the stamp of the data it was last built from (workspace format 6). */
export const LAZY_ROLLUP_STATE_TABLE = 'rollup_lazy_state'

/**
 * The rollup tables and their state, created with the workspace (schema.ts FORMAT_5_TABLES) and
 * filled by the first rollup build (an import's end, or the first pivot after an upgrade). Their
 * service, account and region text is stored as dictionaries (workspace/column-storage.ts).
 */
export const ROLLUP_TABLES: readonly string[] = [
  ...ROLLUPS.map(
    (r) =>
      `CREATE TABLE IF NOT EXISTS ${r.table} (${rollupColumns(r)
        .map((c) => columnDefinition(c.name, c.type))
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

/** The parts of a stamp (ROLLUP_STAMP_SQL), in its order. */
export interface StampParts {
  readonly rows: string
  readonly imports: string
  readonly superseded: string
  readonly scopes: string
  readonly costViews: string
}

/** A stamp split into its parts; null for text that is not one. */
export function stampParts(stamp: string | null): StampParts | null {
  const parts = stamp?.split('/') ?? []
  if (parts.length !== 5) return null
  const [rows, imports, superseded, scopes, costViews] = parts as [
    string,
    string,
    string,
    string,
    string,
  ]
  return { rows, imports, superseded, scopes, costViews }
}

/**
 * The `meta` key holding the highest x_ImportId of cost_rows when the built rollups were
 * stamped (written with their stamp, rollup-build.ts): with the stamp's row count it tells
 * which rows came since.
 */
export const ROLLUP_IMPORT_KEY = 'rollup_import_id'

/** The `meta` key holding the highest x_ImportId lazy rollup `table` held when last stamped. */
export const lazyRollupImportKey = (table: string): string => `${ROLLUP_IMPORT_KEY}:${table}`

/** Records $1 as the highest x_ImportId the built rollups (or lazy rollup `lazy`) hold. */
export function setRollupImportSql(lazy?: string): string {
  const key = lazy === undefined ? ROLLUP_IMPORT_KEY : lazyRollupImportKey(lazy)
  return `INSERT OR REPLACE INTO meta VALUES (${quoteLiteral(key)}, $1)`
}

/** The highest x_ImportId stored now (0 for none), to record with a new stamp. */
export const MAX_IMPORT_ID_SQL = 'SELECT coalesce(max(x_ImportId), 0)::BIGINT AS id FROM cost_rows'

/**
 * What the built rollups (or lazy rollup `lazy`) hold: their stamp, the highest x_ImportId
 * recorded with it, how many stored rows have an x_ImportId up to that one (null when either
 * is missing), and how many have none.
 */
export function rollupBuiltSql(lazy?: string): string {
  const stamp =
    lazy === undefined
      ? `SELECT max(stamp) AS stamp FROM ${ROLLUP_STATE_TABLE}`
      : `SELECT max(stamp) AS stamp FROM ${LAZY_ROLLUP_STATE_TABLE} WHERE rollup = ${quoteLiteral(lazy)}`
  const key = lazy === undefined ? ROLLUP_IMPORT_KEY : lazyRollupImportKey(lazy)
  return `WITH built AS (${stamp}),
  upto AS (SELECT max(TRY_CAST(value AS BIGINT)) AS id FROM meta WHERE key = ${quoteLiteral(key)})
  SELECT built.stamp, upto.id, rows.covered, rows.unnumbered FROM built, upto, (
    SELECT count(*) FILTER (WHERE x_ImportId <= (SELECT id FROM upto))::BIGINT AS covered,
      count(*) FILTER (WHERE x_ImportId IS NULL)::BIGINT AS unnumbered FROM cost_rows) AS rows`
}

/**
 * The rows of imports after import $1: with no row lacking an import, every row the built
 * rollups do not hold. A plain comparison, so DuckDB skips the row groups of earlier imports.
 */
export const ROWS_AFTER_IMPORT = 'x_ImportId > $1'

/** The key columns of `rollup` (its time columns and dimensions), quoted. */
function rollupKeys(rollup: Rollup): string[] {
  return rollupColumns(rollup)
    .slice(0, -(ROLLUP_MONEY.length * 2 + 1))
    .map((c) => quoteIdent(c.name))
}

/** True (`any`) when temp table `added`, shaped as `rollup`, holds a key `rollup` holds too. */
export function sharedKeysSql(rollup: Rollup, added: string): string {
  const same = rollupKeys(rollup).map((k) => `a.${k} IS NOT DISTINCT FROM r.${k}`)
  return `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(added)} AS a JOIN ${quoteIdent(rollup.table)} AS r
    ON ${same.join(' AND ')}) AS any`
}

/**
 * Sums the groups of `rollup` (which may hold one key more than once after rows were added
 * to it) into `target`, a new temp table: one row per key, as a build from the rows gives.
 */
export function rollupCompactSql(rollup: Rollup, target: string): string {
  const q = quoteIdent
  const keys = rollupKeys(rollup)
  const sums = [
    ...ROLLUP_MONEY.map((m) => `sum(${q(m)}) AS ${q(m)}`),
    ...ROLLUP_MONEY.map((m) => `sum(${q(rollupAbsColumn(m))}) AS ${q(rollupAbsColumn(m))}`),
    `sum(${q(ROLLUP_ROWS)})::BIGINT AS ${q(ROLLUP_ROWS)}`,
  ]
  return `CREATE TEMP TABLE ${q(target)} AS SELECT ${[...keys, ...sums].join(', ')}
    FROM ${q(rollup.table)} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`
}

/**
 * The stamp of the data now, whether the rollups were built from it, and the lazy rollups built
 * from it, in one statement.
 */
export const ROLLUP_CHECK_SQL = `SELECT stamp, stamp IS NOT DISTINCT FROM (SELECT max(stamp) FROM ${ROLLUP_STATE_TABLE}) AS fresh,
  (SELECT list(l.rollup) FROM ${LAZY_ROLLUP_STATE_TABLE} AS l WHERE l.stamp = now.stamp) AS lazy
  FROM (${ROLLUP_STAMP_SQL} AS stamp) AS now`
