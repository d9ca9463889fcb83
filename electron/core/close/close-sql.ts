/**
 * SQL of closing a month (issue 10, "Close and reopen"): the append-only
 * record of each close and reopen, and the packs exported from the
 * workspace. Closes are never updated or deleted: a period's state is its
 * latest record, and a reopen keeps the close it undoes for the audit.
 */
import { PERIOD_SQL } from '../report/line-queries'

/** Tables appended to FORMAT_3_TABLES (schema.ts). JSON columns hold small lists (figures, files). */
export const CLOSE_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS period_closes (
    period VARCHAR NOT NULL, action VARCHAR NOT NULL, recorded_at TIMESTAMPTZ NOT NULL,
    actor VARCHAR NOT NULL, note VARCHAR NOT NULL, metric VARCHAR, grouped_by VARCHAR,
    rule_version VARCHAR, data_fingerprint VARCHAR, allocation_fingerprint VARCHAR,
    totals VARCHAR, figures VARCHAR, pack VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS exported_packs (
    exported_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    period VARCHAR NOT NULL, metric VARCHAR NOT NULL, grouped_by VARCHAR NOT NULL,
    rule_version VARCHAR, uses_rules BOOLEAN NOT NULL, data_fingerprint VARCHAR NOT NULL,
    allocation_fingerprint VARCHAR NOT NULL, files VARCHAR NOT NULL)`,
]

/** Appends a close or reopen record ($1…$13 in column order). */
export const INSERT_CLOSE_SQL = `INSERT INTO period_closes VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`

/** Every record, oldest first (rowid breaks ties within one timestamp). */
export const CLOSE_RECORDS_SQL = `SELECT period, action, strftime(recorded_at, '%Y-%m-%dT%H:%M:%SZ') AS at, actor, note,
    metric, grouped_by, rule_version, data_fingerprint, allocation_fingerprint, totals, figures, pack
  FROM period_closes ORDER BY recorded_at, rowid`

/** Appends an exported pack ($1…$10 in column order after exported_at). */
export const INSERT_PACK_SQL = `INSERT INTO exported_packs VALUES (now(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`

/** Every exported pack, newest first. */
export const PACK_RECORDS_SQL = `SELECT strftime(exported_at, '%Y-%m-%dT%H:%M:%SZ') AS at, actor, kind, period,
    metric, grouped_by, rule_version, uses_rules, data_fingerprint, allocation_fingerprint, files
  FROM exported_packs ORDER BY exported_at DESC, rowid DESC`

/** The periods, among $2 (comma-separated YYYY-MM), that import $1's stored rows fall in. */
export const IMPORT_PERIODS_SQL = `SELECT DISTINCT ${PERIOD_SQL} AS period FROM cost_rows
  WHERE x_ImportId = $1 AND list_contains(string_split($2, ','), ${PERIOD_SQL}) ORDER BY 1`

/**
 * What a period's figures are made from, as text to hash: the import scopes the
 * period counts (each with its content fingerprint, delivery-identity-sql.ts),
 * the Azure cost view of each, and the tag alias policy (a tag target reads
 * through it). A scope without a billing period may hold rows of any month, so
 * it counts for every period. $1 is the period's first day.
 */
export const DATA_INPUTS_SQL = `SELECT 'scope' AS what, concat_ws('|', s.import_id, s.provider, s.billing_account_id,
      strftime(s.billing_period_start, '%Y-%m-%d'), s.rows, s.fingerprint, v.cost_view) AS item
    FROM import_scopes AS s
    JOIN imports AS i ON i.id = s.import_id AND i.status = 'imported'
    LEFT JOIN import_cost_views AS v ON v.import_id = s.import_id
    WHERE (s.billing_period_start IS NULL OR strftime(s.billing_period_start, '%Y-%m') = $1)
      AND NOT EXISTS (SELECT 1 FROM superseded_scopes AS x WHERE x.import_id = s.import_id
        AND x.provider IS NOT DISTINCT FROM s.provider
        AND x.billing_account_id IS NOT DISTINCT FROM s.billing_account_id
        AND x.billing_period_start IS NOT DISTINCT FROM s.billing_period_start)
  UNION ALL
  SELECT 'alias', concat_ws('|', kind, key, canonical) FROM tag_aliases
  ORDER BY 1, 2`

/** 2 when the workspace has both close tables (a read-only format-2 file has none). */
export const HAS_CLOSE_TABLES_SQL = `SELECT count(*)::INT AS n FROM duckdb_tables()
  WHERE table_name IN ('period_closes', 'exported_packs') AND database_name <> 'temp'`

/** The mapping and driver tables the allocation rules read (allocate/store.ts), as text to hash. */
export const ALLOCATION_INPUTS_SQL = `SELECT 'table' AS what, concat_ws('|', name, kind, file_name, sha256, row_count) AS item
  FROM allocation_tables ORDER BY 2`
