/**
 * SQL of reconciliation's second reader for Parquet: one plain read_parquet of
 * the file's own money columns by their header names, summed per currency.
 * It shares nothing with the stage view or the column mapping (stage-sql.ts).
 */
import { quoteIdent } from '../../../shared/sql/identifiers'

/** Parquet floating-point types: their money is the shortest text that reads back as the same number. */
const FLOATS = /^(FLOAT|DOUBLE|REAL|FLOAT4|FLOAT8)$/

/** A money column as DECIMAL(38,18), null where its value is not a number. */
function money(name: string, type: string): string {
  const column = quoteIdent(name)
  if (type === 'VARCHAR') return `TRY_CAST(trim(${column}) AS DECIMAL(38,18))`
  if (FLOATS.test(type)) return `TRY_CAST(CAST(${column} AS VARCHAR) AS DECIMAL(38,18))`
  return `TRY_CAST(${column} AS DECIMAL(38,18))`
}

/** A column of the file with its Parquet type, or null when the header lacks it. */
export interface TypedColumn {
  readonly name: string
  readonly type: string
}

/**
 * Per currency: rows, billed and effective sums (text), and per money column the first
 * 0-based row whose value is present but not a number (null if none). Path bound as $1.
 */
export function parquetTotalsSql(
  currency: TypedColumn | null,
  billed: TypedColumn | null,
  effective: TypedColumn | null,
): string {
  const sum = (column: TypedColumn | null): string =>
    column ? `sum(${money(column.name, column.type)})::VARCHAR` : 'NULL'
  const firstBad = (column: TypedColumn | null): string =>
    column
      ? `min(file_row_number) FILTER (WHERE ${quoteIdent(column.name)} IS NOT NULL AND ${money(column.name, column.type)} IS NULL)`
      : 'NULL'
  const key = currency ? `CAST(${quoteIdent(currency.name)} AS VARCHAR)` : 'NULL'
  return `SELECT ${key} AS currency, count(*)::BIGINT AS n, ${sum(billed)} AS billed,
    ${sum(effective)} AS effective, ${firstBad(billed)} AS bad_billed, ${firstBad(effective)} AS bad_effective
    FROM read_parquet($1, file_row_number = true) GROUP BY 1`
}
