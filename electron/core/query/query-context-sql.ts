/** SQL of the query context (query-context.ts): what compiling a pivot or a drill-through reads of the workspace. */
import { BOTH_COST_VIEWS_SQL } from '../workspace/focus-view'

/**
 * True (n > 0) when some imported rows carry Tags that are not a JSON object, so JSON access
 * needs a guard. An import records every rule it checked, a passed one with 0 rows
 * (ingest/validate.ts): only a Tags.JsonObject entry with rows counts.
 */
export const INVALID_TAGS_SQL = `SELECT count(*)::INT AS n
  FROM (SELECT unnest(from_json(issues, '[{"rule": "VARCHAR", "rows": "BIGINT"}]')) AS issue
        FROM imports WHERE status = 'imported' AND issues LIKE '%"Tags.JsonObject"%')
  WHERE issue.rule = 'Tags.JsonObject' AND issue.rows > 0`

/**
 * True when the focus view holds every stored row (schema.ts): no import superseded another's
 * scope, and the view does not merge Azure's two cost views (focus-view.ts). A query may then
 * read cost_rows itself, which lets DuckDB push its filters into the scan (a pivot with three
 * filters at 1M rows: about a third faster than through the view's NOT EXISTS).
 */
export const PLAIN_ROWS_SQL = `SELECT (SELECT count(*) FROM superseded_scopes) = 0
  AND NOT (${BOTH_COST_VIEWS_SQL})`

/**
 * The focus view's columns in catalog order with their types, the invalid-tags count and whether the
 * view holds every row, in one round trip: one row whatever the workspace holds.
 */
export const QUERY_CONTEXT_SQL = `SELECT
  (SELECT list({'name': column_name, 'type': data_type} ORDER BY column_index)
     FROM duckdb_columns() WHERE table_name = 'focus') AS columns,
  (${INVALID_TAGS_SQL}) AS invalid_tags,
  (${PLAIN_ROWS_SQL}) AS plain_rows`
