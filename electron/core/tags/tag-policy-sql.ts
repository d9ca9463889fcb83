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

/** Per original key and currency: the rows carrying it and their BilledCost. */
export const TAG_KEY_COSTS_SQL = `SELECT key, c, count(*)::BIGINT AS n, coalesce(sum(b), 0)::VARCHAR AS billed
FROM (SELECT unnest(json_keys("Tags")) AS key, "BillingCurrency" AS c, "BilledCost" AS b
      FROM focus WHERE ${isJsonObject('"Tags"')})
GROUP BY key, c`

/**
 * Per currency, for each canonical key read from several original keys: the rows carrying
 * any of them (`n<g>`), their BilledCost (`b<g>`) and the rows whose values disagree (`x<g>`).
 * `groups` holds each canonical key's 1-based positions among the JSON paths bound as
 * $1…$`paths`: one JSON parse per row reads them all (list_distinct drops missing values).
 */
export function tagGroupStatsSql(groups: ReadonlyArray<readonly number[]>, paths: number): string {
  const bound = Array.from({ length: paths }, (_, i) => `$${i + 1}`).join(', ')
  const values = groups.map(
    (positions, g) => `list_distinct([${positions.map((i) => `l[${i}]`).join(', ')}]) AS v${g}`,
  )
  const stats = groups.map(
    (_, g) =>
      `count(*) FILTER (WHERE len(v${g}) > 0)::BIGINT AS n${g}, ` +
      `coalesce(sum(b) FILTER (WHERE len(v${g}) > 0), 0)::VARCHAR AS b${g}, ` +
      `count(*) FILTER (WHERE len(v${g}) > 1)::BIGINT AS x${g}`,
  )
  return `SELECT c, ${stats.join(',\n  ')}
FROM (SELECT c, b, ${values.join(', ')}
      FROM (SELECT "BillingCurrency" AS c, "BilledCost" AS b, json_extract_string("Tags", [${bound}]) AS l
            FROM focus WHERE ${isJsonObject('"Tags"')}))
GROUP BY c`
}
