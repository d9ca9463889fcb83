/** Identifier quoting for generated SQL: names from the catalog, always double-quoted. */

/** Quotes a SQL identifier, doubling any embedded quote. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Quotes a SQL string literal; only for constants Focal itself writes, never user values. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/** The JSON path DuckDB's json_extract_string takes for one top-level key (bound as a parameter). */
export function jsonKeyPath(key: string): string {
  return `$."${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}
