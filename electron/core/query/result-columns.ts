/**
 * A query result read column by column straight from DuckDB's vectors, as Explore's pivots
 * need it: a DECIMAL as exact decimal text written from its scaled integer, text, numbers and
 * booleans as they are, anything else as node-api's JSON value. node-api's own converters
 * build a value object per cell and call the converter through a closure per cell; for the
 * thousands of cells of a day × account matrix that took about as long as laying the table out.
 */
import {
  DuckDBDecimal128Vector,
  DuckDBDecimal16Vector,
  DuckDBDecimal32Vector,
  DuckDBDecimal64Vector,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type DuckDBMaterializedResult,
  type DuckDBType,
  type DuckDBVector,
} from '@duckdb/node-api'
import { fromScaled } from '../../../shared/money'

/** One value of a result as Focal reads it. */
export type ResultValue = string | number | boolean | null

/** The result's column names and its values column by column. */
export interface ResultColumns {
  readonly names: readonly string[]
  readonly columns: ReadonlyArray<ReadonlyArray<ResultValue>>
  readonly rowCount: number
}

// Read as node-api gives them: integers, booleans and text need no conversion (a DOUBLE's NaN
// and infinities take the JSON converter's text, as before).
const AS_IS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.VARCHAR,
])

/** Reads every chunk of `result` (a materialized result: its chunks are read in place). */
export function resultColumns(result: DuckDBMaterializedResult): ResultColumns {
  const names = result.columnNames()
  const rowCount = result.rowCount
  const chunks = Array.from({ length: result.chunkCount }, (_, i) => result.getChunk(i))
  const columns = names.map((_, j) => {
    const type = result.columnType(j)
    const values = new Array<ResultValue>(rowCount)
    let at = 0
    for (const chunk of chunks) at = readVector(chunk.getColumnVector(j), type, values, at)
    return values
  })
  return { names, columns, rowCount }
}

/** Writes the vector's values into `into` from `at`; returns the index after the last. */
function readVector(
  vector: DuckDBVector,
  type: DuckDBType,
  into: ResultValue[],
  at: number,
): number {
  const count = vector.itemCount
  if (type.typeId === DuckDBTypeId.DECIMAL) {
    const scale = type.scale
    if (vector instanceof DuckDBDecimal128Vector || vector instanceof DuckDBDecimal64Vector) {
      for (let i = 0; i < count; i++) {
        const scaled = vector.getScaledValue(i)
        into[at++] = scaled === null ? null : fromScaled(scaled, scale)
      }
      return at
    }
    if (vector instanceof DuckDBDecimal32Vector || vector instanceof DuckDBDecimal16Vector) {
      for (let i = 0; i < count; i++) {
        const scaled = vector.getScaledValue(i)
        into[at++] = scaled === null ? null : fromScaled(BigInt(scaled), scale)
      }
      return at
    }
  }
  if (AS_IS.has(type.typeId)) {
    for (let i = 0; i < count; i++) into[at++] = vector.getItem(i) as ResultValue
    return at
  }
  for (let i = 0; i < count; i++)
    into[at++] = JsonDuckDBValueConverter(
      vector.getItem(i),
      type,
      JsonDuckDBValueConverter,
    ) as ResultValue
  return at
}
