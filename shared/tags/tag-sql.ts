/**
 * SQL that reads a canonical tag key from the FOCUS `Tags` JSON: the first of its
 * original keys a row carries (resolve.ts gives them in reading order). The stored
 * JSON is never rewritten, so the original keys stay as imported.
 */
import { jsonKeyPath } from '../sql/identifiers'

/**
 * The text value of the tag read from `keys`; `bind` binds a JSON path and returns its
 * placeholder; `guard` wraps it for workspaces holding Tags that are not valid JSON.
 */
export function tagValueSql(
  keys: readonly string[],
  bind: (path: string) => string,
  guard = true,
): string {
  const paths = keys.map((k) => bind(jsonKeyPath(k)))
  // Several keys: one JSON parse gives all their values, and the first present is taken.
  const value =
    paths.length === 1
      ? `json_extract_string("Tags", ${paths[0]})`
      : `list_filter(json_extract_string("Tags", [${paths.join(', ')}]), lambda v: v IS NOT NULL)[1]`
  return guard ? `CASE WHEN json_valid("Tags") THEN ${value} END` : value
}
