/**
 * SQL that reads a source file into a temporary stage table with positional
 * column names (c0, c1, …), so duplicate or odd header names cannot break it,
 * and SQL that turns staged values into canonical FOCUS values.
 */
import type { MappedColumn } from '../../../shared/formats/focus-header'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import { currencyOf, currencyTextCondition, currencyTextValue } from './currency-text-sql'
import { fastDecimal, fitsFastDecimal, roundsPast18Decimals, textToMoney } from './money-text-sql'

/** How a file is read. */
export type SourceKind = 'csv' | 'csv.gz' | 'parquet' | 'jsonl'

const DELIMITERS = new Set([',', ';', '\t', '|'])

/** CREATE TEMP TABLE for a CSV: exact columns, all VARCHAR, strict shape, UTF-8; path bound as $1; `parallel = false` reads on one thread. */
export function stageCsvSql(
  table: string,
  columnCount: number,
  delimiter: string,
  gzip: boolean,
  parallel = true,
): string {
  return `CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT * FROM ${readCsvCall('$1', columnCount, delimiter, gzip, parallel)}`
}

/**
 * CREATE TEMP VIEW over a CSV read exactly as stageCsvSql reads it, for the typed
 * path (store-rows.ts): the insert reads the file straight into cost_rows, with no
 * text copy between. A view takes no bound parameter, so the path is a quoted
 * literal of a host-vetted file, as for Parquet.
 */
export function csvViewSql(
  table: string,
  path: string,
  columnCount: number,
  delimiter: string,
  gzip: boolean,
): string {
  return `CREATE TEMP VIEW ${quoteIdent(table)} AS SELECT * FROM ${readCsvCall(quoteLiteral(path), columnCount, delimiter, gzip, true)}`
}

/** read_csv of `source` (a bound parameter or a quoted path): exact columns, all VARCHAR, strict shape, UTF-8. */
function readCsvCall(
  source: string,
  columnCount: number,
  delimiter: string,
  gzip: boolean,
  parallel: boolean,
): string {
  if (!DELIMITERS.has(delimiter))
    throw new Error(`unsupported delimiter ${JSON.stringify(delimiter)}`)
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')
  return `read_csv(${source},
    auto_detect = false, header = true, strict_mode = true, delim = ${quoteLiteral(delimiter)},
    quote = '"', escape = '"', nullstr = ['NULL', ''], encoding = 'utf-8',
    compression = ${gzip ? "'gzip'" : "'none'"}, columns = {${columns}}${parallel ? '' : ', parallel = false'})`
}

/**
 * A TEMP VIEW over a Parquet file with its columns renamed c0, c1, …: Parquet
 * is columnar and typed, so reading it in place (only the columns each step
 * needs) beats copying it into a stage table. The view cannot take a bound
 * parameter, so the path is a quoted literal of a host-vetted file.
 */
export function stageParquetSql(
  table: string,
  path: string,
  sourceNames: readonly string[],
): string {
  const select = sourceNames.map((name, i) => `${quoteIdent(name)} AS c${i}`).join(', ')
  return `CREATE TEMP VIEW ${quoteIdent(table)} AS SELECT ${select}, file_row_number AS source_row
    FROM read_parquet(${quoteLiteral(path)}, file_row_number = true)`
}

/** Nested JSON types: staged as their JSON text. */
const NESTED_TYPE = /^(MAP|STRUCT)\(|\[\]$/

/**
 * CREATE TEMP TABLE for newline-delimited JSON (BigQuery's JSON export): every
 * field as text, a record or list as its JSON text, so the stage reads as a
 * CSV's does (rowid is the line). Path bound as $1; `types` from DESCRIBE.
 */
export function stageJsonLinesSql(
  table: string,
  sourceNames: readonly string[],
  types: readonly string[],
): string {
  const select = sourceNames.map((name, i) => {
    const column = quoteIdent(name)
    const text = NESTED_TYPE.test(types[i] ?? '') ? `to_json(${column})` : column
    return `CAST(${text} AS VARCHAR) AS c${i}`
  })
  return `CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT ${select.join(', ')}
    FROM read_json($1, format = 'newline_delimited')`
}

/**
 * DuckDB numbers the rows of a table made inside an open transaction from this rowid
 * (transaction-local storage) and those of a committed table from 0. The parts of an AWS
 * CUR delivery are staged inside the delivery's transaction (cur-delivery.ts).
 */
const LOCAL_ROW_ID_BASE = '36028797018960000'

/** The 0-based source row of a staged row: the stage table's rowid (CSV) or Parquet's file row number. */
export function sourceRowExpr(kind: SourceKind): string {
  return kind === 'parquet' ? 'source_row' : `(rowid % ${LOCAL_ROW_ID_BASE})`
}

/** Drops a stage: a table for a staged CSV, a view for Parquet or a CSV read in place. */
export function dropStageSql(table: string, kind: SourceKind, view = kind === 'parquet'): string {
  return `DROP ${view ? 'VIEW' : 'TABLE'} IF EXISTS ${quoteIdent(table)}`
}

/** The staged value of a column as text-trimmed input (CSV) or the typed value (Parquet). */
export function stagedValue(column: MappedColumn, kind: SourceKind): string {
  if (kind === 'parquet') return `c${column.index}`
  // No number or date is written `null`: it is the null the spec's examples write (currency-text-sql.ts).
  return column.nullText
    ? `(CASE WHEN lower(trim(c${column.index})) = 'null' THEN NULL ELSE trim(c${column.index}) END)`
    : `trim(c${column.index})`
}

/** Parquet binary floating-point types: their money is read through its shortest round-trip text. */
const FLOAT_TYPES = /^(FLOAT|DOUBLE|REAL|FLOAT4|FLOAT8)$/

/**
 * The text a money value is parsed from, or null when its typed value is cast directly.
 * A Parquet DOUBLE means its shortest round-trip decimal (0.1 means 0.1): cast straight to
 * DECIMAL it carries binary noise (20.52022672899 → 20.520226728989999104), while DuckDB's
 * CAST(double AS VARCHAR) gives the shortest text that reads back as the same double
 * ("20.52022672899", "1e-20"), which the text parse then reads exactly.
 */
export function moneyText(
  column: MappedColumn,
  kind: SourceKind,
  sourceType = 'VARCHAR',
): string | null {
  if (kind !== 'parquet') return stagedValue(column, kind)
  if (sourceType === 'VARCHAR') return `c${column.index}`
  return FLOAT_TYPES.test(sourceType) ? `CAST(c${column.index} AS VARCHAR)` : null
}

/** The canonical money value of a staged column: the fast text parse where the source is text or a float, else a typed cast. */
export function moneyValue(
  column: MappedColumn,
  kind: SourceKind,
  cast: 'CAST' | 'TRY_CAST' = 'CAST',
  sourceType = 'VARCHAR',
): string {
  const text = moneyText(column, kind, sourceType)
  if (!text) return `${cast}(${stagedValue(column, kind)} AS DECIMAL(38,18))`
  const currency = writtenCurrency(column, kind, sourceType)
  // Before the fast path, which counts characters only and takes `$10,000.00` for a number.
  return currency
    ? `CASE WHEN ${currencyTextCondition(text, currency)} THEN ${currencyTextValue(text, cast)} ELSE ${textToMoney(text, cast)} END`
    : textToMoney(text, cast)
}

/** A condition true where a money value is a currency string read as its decimal (currency-text-sql.ts). */
export function currencyTextFixCondition(
  column: MappedColumn,
  kind: SourceKind,
  sourceType = 'VARCHAR',
): string | null {
  const text = moneyText(column, kind, sourceType)
  const currency = writtenCurrency(column, kind, sourceType)
  return text && currency ? currencyTextCondition(text, currency) : null
}

/**
 * The currency of a money column read as a currency string, only where its text is as written:
 * a Parquet number's text (a DOUBLE's shortest decimal) never is one, and the string test on
 * every value cost a DOUBLE Parquet import about 6% of its CPU time (200k rows: 4.8 → 4.5 CPU-s).
 */
function writtenCurrency(
  column: MappedColumn,
  kind: SourceKind,
  sourceType: string,
): string | null {
  return kind === 'parquet' && sourceType !== 'VARCHAR' ? null : currencyOf(column)
}

/** Parquet types whose values always convert: no check needed (DECIMAL scale ≤ 18, integers, timestamps). */
function cannotFail(sourceType: string, type: MappedColumn['type']): boolean {
  if (type === 'decimal') {
    const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(sourceType)
    if (decimal) return Number(decimal[1]) - Number(decimal[2]) <= 20 && Number(decimal[2]) <= 18
    return /^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER)$/.test(sourceType)
  }
  return (
    type === 'datetime' &&
    /^(TIMESTAMP|TIMESTAMP WITH TIME ZONE|TIMESTAMP_(S|MS|NS)|DATE)$/.test(sourceType)
  )
}

/** A condition true where a staged value is present but cannot become the column's FOCUS type. */
export function badValueCondition(
  column: MappedColumn,
  kind: SourceKind,
  sourceType = 'VARCHAR',
): string | null {
  if (kind === 'parquet' && cannotFail(sourceType, column.type)) return null
  const value = stagedValue(column, kind)
  if (column.type === 'decimal')
    return `(${value} IS NOT NULL AND ${moneyValue(column, kind, 'TRY_CAST', sourceType)} IS NULL)`
  if (column.type === 'datetime')
    return `(${value} IS NOT NULL AND TRY_CAST(${value} AS TIMESTAMPTZ) IS NULL)`
  return null
}

/**
 * A condition true where a money value has digits past the 18th decimal and is rounded (DESIGN.md,
 * Money). `inPlace`: for the insert of a CSV read in place, which casts untrimmed text (inPlaceText).
 */
export function overScaleCondition(
  column: MappedColumn,
  kind: SourceKind,
  sourceType = 'VARCHAR',
  inPlace = false,
): string | null {
  if (column.type !== 'decimal') return null
  const scale = /^DECIMAL\(\d+,(\d+)\)$/.exec(sourceType)
  const text =
    moneyText(column, kind, sourceType) ??
    (scale && Number(scale[1]) > 18 ? `CAST(${stagedValue(column, kind)} AS VARCHAR)` : null)
  if (!text) return null
  const raw = inPlace ? inPlaceText(column, kind) : null
  // Untrimmed text that fits DECIMAL(18,10) fits it trimmed too; only the rest is trimmed and counted.
  return raw
    ? `(CASE WHEN ${raw} IS NULL OR ${fitsFastDecimal(raw)} THEN false ELSE ${roundsPast18Decimals(text)} END)`
    : roundsPast18Decimals(text)
}

/**
 * The text the insert of a CSV read in place (store-in-place.ts) casts to a money or date value:
 * the field as DuckDB read it, untrimmed, or null where the column needs the text stage's own
 * reading. DuckDB's casts to DECIMAL and TIMESTAMPTZ skip the spaces around a value themselves,
 * while trim copies every value: on the 1M-row bench the trims of 12 money and 4 date columns,
 * money trimmed again by the rounding check, took about 2 CPU-s. A value that only trim makes
 * readable (one padded with a no-break space, which trim removes and a cast refuses) fails the
 * insert's cast, and importFile reads the file again through the text stage, which trims it.
 * Counted untrimmed, a value fits DECIMAL(18,10) (fitsFastDecimal) only if it fits it trimmed.
 */
function inPlaceText(column: MappedColumn, kind: SourceKind): string | null {
  if (kind !== 'csv' && kind !== 'csv.gz') return null
  return column.nullText || column.currencyFrom !== undefined ? null : `c${column.index}`
}

/** One money field that fitsFastDecimal accepts with no exponent: at most 8 integer and 10 decimal digits. */
const FAST_TOKEN = '[+-]?[0-9]{0,8}(\\.[0-9]{0,10})?'

/**
 * For the insert of a CSV read in place: a condition true where every money field of a row, as
 * read (inPlaceText), is a plain number that fits DECIMAL(18,10) without rounding, so each is
 * cast by the fast path with no test of its own, and none can round past 18 decimals. One
 * regular expression over the row's money fields joined by commas (a comma is in no number
 * DuckDB casts, so a field holding one fails its cast either way) costs less than
 * fitsFastDecimal per field: on 12 money columns of a million rows, casts and the rounding
 * check took about 1.1 instead of 1.6 CPU-s. Null where the file has no such field.
 * The insert computes it once per row, as ROW_FITS_COLUMN (rowFitsSource), and its casts and
 * rounding check read that column.
 */
export function rowFitsFastDecimal(
  columns: readonly MappedColumn[],
  kind: SourceKind,
): string | null {
  const fields = columns.flatMap((c) => {
    const raw = c.type === 'decimal' ? inPlaceText(c, kind) : null
    return raw ? [raw] : []
  })
  if (fields.length === 0) return null
  return `regexp_full_match(concat_ws(',', ${fields.join(', ')}), '${FAST_TOKEN}(,${FAST_TOKEN})*')`
}

/**
 * The column, added to the stage by rowFitsSource, that holds rowFitsFastDecimal for each row.
 * Written out in every money column's cast and in the rounding check, the expression was
 * evaluated once for each of them: DuckDB does not share it between the columns of a
 * projection. On the 1M-row bench's 12 money columns, computing it once saved about 1 s of
 * the insert (~1.5 CPU-s).
 */
export const ROW_FITS_COLUMN = 'focal_row_fits'

/** The insert's source: `table` with ROW_FITS_COLUMN beside its columns, or `table` alone when `rowFits` is null. */
export function rowFitsSource(table: string, rowFits: string | null): string {
  return rowFits
    ? `(SELECT *, ${rowFits} AS ${quoteIdent(ROW_FITS_COLUMN)} FROM ${quoteIdent(table)})`
    : quoteIdent(table)
}

/**
 * The SQL expression that produces the canonical value of a mapped column from the stage;
 * `inPlace` for the insert of a CSV read in place, whose failed casts fall back to the text stage,
 * with `rowFits` the condition that the row fits (ROW_FITS_COLUMN, or rowFitsFastDecimal itself).
 */
export function canonicalValue(
  column: MappedColumn,
  kind: SourceKind,
  sourceType: string,
  inPlace = false,
  rowFits: string | null = null,
): string {
  const value = stagedValue(column, kind)
  const raw = inPlace ? inPlaceText(column, kind) : null
  switch (column.type) {
    case 'decimal':
      if (raw && rowFits)
        return `CASE WHEN ${rowFits} THEN ${fastDecimal(raw)} ELSE ${textToMoney(raw)} END`
      return raw ? textToMoney(raw) : moneyValue(column, kind, 'CAST', sourceType)
    case 'datetime':
      return `CAST(${raw ?? value} AS TIMESTAMPTZ)`
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
