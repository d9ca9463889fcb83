/** Small SQL text helpers for generated SQL: quoted names and literals, JSON paths and checks. */

/** Quotes a SQL identifier, doubling any embedded quote. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Quotes a SQL string literal; only for constants Focal itself writes, never user values. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/**
 * The path DuckDB's json_extract_string takes for exactly one top-level key (bound as a parameter).
 * A JSON Pointer (RFC 6901), not a `$.` path: in `$."*"` DuckDB reads `*` as a wildcard, while a
 * pointer has only two escapes (`~` as `~0`, `/` as `~1`) and reads `"`, `.`, `\`, `'`, `*` as text.
 */
export function jsonKeyPath(key: string): string {
  return `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
}

/** A condition true where a JSON column's text is a JSON object (FOCUS Key-Value / JSON Object format). */
export function isJsonObject(column: string): string {
  // CASE, not AND: DuckDB may evaluate both sides of an AND, and json_type throws on malformed JSON.
  return `(CASE WHEN json_valid(${column}) THEN json_type(${column}) = 'OBJECT' ELSE false END)`
}
