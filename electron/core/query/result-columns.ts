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
  DuckDBVarCharVector,
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
  /**
   * Per column, true when it is a DECIMAL: its values are written from their scaled integers
   * (fromScaled), already in canonical form, so the layout need not normalize them again.
   */
  readonly canonical: readonly boolean[]
}

// Read as node-api gives them: integers and booleans need no conversion (text goes through
// readText; a DOUBLE's NaN and infinities take the JSON converter's text, as before).
const AS_IS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
])

/**
 * What node-api keeps of a VARCHAR vector (1.5): DuckDB's 16-byte string entries, a string of
 * up to 12 bytes held in its own entry, and which entries are valid. Not its public API, so it
 * is checked before use and anything else reads through `getItem`.
 */
interface TextEntries {
  readonly dataView: DataView
  readonly validity: { itemValid(index: number): boolean }
}

function entriesOf(vector: DuckDBVarCharVector): TextEntries | null {
  const inside = vector as unknown as Partial<TextEntries>
  return inside.dataView instanceof DataView &&
    inside.dataView.byteLength >= vector.itemCount * 16 &&
    typeof inside.validity?.itemValid === 'function'
    ? (inside as TextEntries)
    : null
}

/** True when text is read from its entries (result-columns.test.ts checks node-api still allows it). */
export function readsTextEntries(vector: DuckDBVarCharVector): boolean {
  return entriesOf(vector) !== null
}

/**
 * Writes a VARCHAR vector's strings into `into` from `at`. A pivot's keys repeat (30 days, 52
 * accounts and one currency over 1,560 cells): a short string is decoded once per vector and
 * found again by the bytes of its entry (its length and 12 inline bytes, as three maps of
 * 32-bit words), where decoding each one took about a third of reading the result.
 */
function readText(vector: DuckDBVarCharVector, into: ResultValue[], at: number): number {
  const count = vector.itemCount
  const entries = entriesOf(vector)
  if (!entries) {
    for (let i = 0; i < count; i++) into[at++] = vector.getItem(i)
    return at
  }
  const { dataView, validity } = entries
  const seen = new Map<number, Map<number, Map<number, string | null>>>()
  for (let i = 0; i < count; i++) {
    const offset = i * 16
    const length = dataView.getUint32(offset, true)
    if (length > 12 || !validity.itemValid(i)) {
      into[at++] = vector.getItem(i)
      continue
    }
    // The key holds the length and every inline byte, so two strings never share one; DuckDB
    // zeroes the bytes past the length, so the same string always finds its own.
    const first = dataView.getUint32(offset + 4, true) + length * 0x1_0000_0000
    const second = dataView.getUint32(offset + 8, true)
    const third = dataView.getUint32(offset + 12, true)
    let bySecond = seen.get(first)
    if (!bySecond) seen.set(first, (bySecond = new Map()))
    let byThird = bySecond.get(second)
    if (!byThird) bySecond.set(second, (byThird = new Map()))
    let text = byThird.get(third)
    if (text === undefined) byThird.set(third, (text = vector.getItem(i)))
    into[at++] = text
  }
  return at
}

/** Reads every chunk of `result` (a materialized result: its chunks are read in place). */
export function resultColumns(result: DuckDBMaterializedResult): ResultColumns {
  const names = result.columnNames()
  const rowCount = result.rowCount
  const chunks = Array.from({ length: result.chunkCount }, (_, i) => result.getChunk(i))
  const types = names.map((_, j) => result.columnType(j))
  const columns = types.map((type, j) => {
    const values = new Array<ResultValue>(rowCount)
    let at = 0
    for (const chunk of chunks) at = readVector(chunk.getColumnVector(j), type, values, at)
    return values
  })
  const canonical = types.map((type) => type.typeId === DuckDBTypeId.DECIMAL)
  return { names, columns, rowCount, canonical }
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
  if (vector instanceof DuckDBVarCharVector) return readText(vector, into, at)
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
