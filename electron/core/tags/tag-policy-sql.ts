/**
 * SQL of the tag alias policy: its table, the original keys in use, and the rows,
 * cost and conflicting values per original key and per canonical key. Every read is
 * of the focus view, so superseded rows count nowhere.
 */
import { isJsonObject } from '../../../shared/sql/identifiers'

/** The overrides of the automatic rule (shared/contract/tags.ts TagOverride), one row each. */
export const TAG_ALIAS_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS tag_aliases (
    kind VARCHAR NOT NULL, key VARCHAR NOT NULL, canonical VARCHAR NOT NULL, PRIMARY KEY (kind, key))`,
]

/** True (n = 1) when the workspace has the policy table (a read-only format-2 file has not). */
export const HAS_TAG_ALIASES_SQL =
  "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'tag_aliases' AND database_name <> 'temp'"

/** The stored overrides. */
export const TAG_OVERRIDES_SQL = 'SELECT kind, key, canonical FROM tag_aliases ORDER BY kind, key'

/** What changes the set of tag keys in use: imports made and scopes superseded. */
export const TAG_DATA_STAMP_SQL = `SELECT concat_ws('/',
  (SELECT count(*) FROM imports), (SELECT coalesce(max(id), 0) FROM imports),
  (SELECT count(*) FROM imports WHERE status = 'imported'),
  (SELECT count(*) FROM superseded_scopes)) AS stamp`

const ROW_KEYS = `SELECT unnest(json_keys("Tags")) AS key FROM focus WHERE ${isJsonObject('"Tags"')}`

/** Each original tag key and the rows carrying it. */
export const TAG_KEY_USES_SQL = `SELECT key, count(*)::BIGINT AS n FROM (${ROW_KEYS}) GROUP BY key`

// DuckDB's JSON Pointer for one key, as shared/sql/identifiers.ts jsonKeyPath writes it.
const POINTER = `'/' || replace(replace(k.key, '~', '~0'), '/', '~1')`

/**
 * Per canonical key and currency: rows carrying any of its keys, their BilledCost, and the
 * rows whose keys disagree; per original key and currency: rows and BilledCost. `pairs`
 * is the number of (key, canonical) pairs bound as $1, $2, … in that order.
 */
export function tagStatsSql(pairs: number): string {
  const values = Array.from({ length: pairs }, (_, i) => `($${2 * i + 1}, $${2 * i + 2})`)
  return `WITH m(key, canonical) AS (VALUES ${values.join(', ')}),
r AS (SELECT row_number() OVER () AS rid, "Tags", "BillingCurrency" AS c, "BilledCost" AS b
      FROM focus WHERE ${isJsonObject('"Tags"')}),
k AS (SELECT rid, c, b, "Tags", unnest(json_keys("Tags")) AS key FROM r),
g AS (SELECT k.rid, m.canonical, any_value(k.c) AS c, any_value(k.b) AS b,
        count(DISTINCT json_extract_string(k."Tags", ${POINTER})) AS vals
      FROM k JOIN m ON m.key = k.key GROUP BY k.rid, m.canonical)
SELECT 'group' AS level, canonical AS name, c, count(*)::BIGINT AS n,
  coalesce(sum(b), 0)::VARCHAR AS billed, count(*) FILTER (WHERE vals > 1)::BIGINT AS conflicts
FROM g GROUP BY canonical, c
UNION ALL
SELECT 'key', k.key, k.c, count(*)::BIGINT, coalesce(sum(k.b), 0)::VARCHAR, 0
FROM k JOIN m ON m.key = k.key GROUP BY k.key, k.c`
}
