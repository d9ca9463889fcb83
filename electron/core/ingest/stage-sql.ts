/**
 * SQL that reads a source file into a temporary stage table with positional
 * column names (c0, c1, …), so duplicate or odd header names cannot break it,
 * and SQL that turns staged values into canonical FOCUS values.
 */
import type { MappedColumn } from '../../../shared/formats/focus-header'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'

/** How a file is read. */
export type SourceKind = 'csv' | 'csv.gz' | 'parquet'

const DELIMITERS = new Set([',', ';', '\t', '|'])

/** CREATE TEMP TABLE for a CSV: exact columns, all VARCHAR, strict shape, UTF-8; path bound as $1. */
export function stageCsvSql(
  table: string,
  columnCount: number,
  delimiter: string,
  gzip: boolean,
): string {
  if (!DELIMITERS.has(delimiter))
    throw new Error(`unsupported delimiter ${JSON.stringify(delimiter)}`)
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')
  return `CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv($1,
    auto_detect = false, header = true, strict_mode = true, delim = ${quoteLiteral(delimiter)},
    quote = '"', escape = '"', nullstr = ['NULL', ''], encoding = 'utf-8',
    compression = ${gzip ? "'gzip'" : "'none'"}, columns = {${columns}})`
}

/** CREATE TEMP TABLE for a Parquet file, renaming its columns to c0, c1, …; path bound as $1. */
export function stageParquetSql(table: string, sourceNames: readonly string[]): string {
  const select = sourceNames.map((name, i) => `${quoteIdent(name)} AS c${i}`).join(', ')
  return `CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT ${select} FROM read_parquet($1)`
}

/** The staged value of a column as text-trimmed input (CSV) or the typed value (Parquet). */
export function stagedValue(column: MappedColumn, kind: SourceKind): string {
  return kind === 'parquet' ? `c${column.index}` : `trim(c${column.index})`
}

/** A condition true where a staged value is present but cannot become the column's FOCUS type. */
export function badValueCondition(column: MappedColumn, kind: SourceKind): string | null {
  const value = stagedValue(column, kind)
  if (column.type === 'decimal')
    return `(${value} IS NOT NULL AND TRY_CAST(${value} AS DECIMAL(38,18)) IS NULL)`
  if (column.type === 'datetime')
    return `(${value} IS NOT NULL AND TRY_CAST(${value} AS TIMESTAMPTZ) IS NULL)`
  return null
}

/** A condition true where a decimal has more than 18 decimals and will be rounded (DESIGN.md, Money). */
export function overScaleCondition(column: MappedColumn, kind: SourceKind): string | null {
  if (column.type !== 'decimal' || kind === 'parquet') return null
  return `regexp_matches(${stagedValue(column, kind)}, '\\.[0-9]{19,}')`
}

/** The SQL expression that produces the canonical value of a mapped column from the stage. */
export function canonicalValue(column: MappedColumn, kind: SourceKind, sourceType: string): string {
  const value = stagedValue(column, kind)
  switch (column.type) {
    case 'decimal':
      return `CAST(${value} AS DECIMAL(38,18))`
    case 'datetime':
      return `CAST(${value} AS TIMESTAMPTZ)`
    case 'json':
      // Kept as written even when invalid (nothing is lost); validation reports it and
      // queries guard JSON access with json_valid.
      return kind === 'parquet' && sourceType !== 'VARCHAR'
        ? `CAST(to_json(${value}) AS VARCHAR)`
        : `c${column.index}`
    default:
      return kind === 'parquet' && sourceType !== 'VARCHAR'
        ? `CAST(${value} AS VARCHAR)`
        : `c${column.index}`
  }
}

/** True where a JSON column's text is a JSON object (FOCUS Key-Value / JSON Object format). */
export function isJsonObject(text: string): string {
  return `(json_valid(${text}) AND json_type(${text}) = 'OBJECT')`
}
