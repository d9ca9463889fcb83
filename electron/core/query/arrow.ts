/**
 * Builds Arrow IPC bytes from query columns. @duckdb/node-api returns values
 * column by column, not Arrow, so Focal builds the record batch itself with
 * apache-arrow (DESIGN.md, Why a native engine). Money stays a decimal string;
 * the float column is a copy for charts only.
 */
import { Table, Utf8, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow'

/** One output column: text (nullable) or float. */
export type ArrowColumn =
  | { name: string; kind: 'text'; values: ReadonlyArray<string | null> }
  | { name: string; kind: 'float'; values: Float64Array }

/** Encodes columns as an Arrow IPC stream. */
export function encodeArrow(columns: readonly ArrowColumn[]): Uint8Array<ArrayBuffer> {
  const vectors = Object.fromEntries(
    columns.map((c) => [
      c.name,
      c.kind === 'text'
        ? vectorFromArray(c.values as (string | null)[], new Utf8())
        : makeVector(c.values),
    ]),
  )
  const table = new Table(vectors)
  // Copy into a plain ArrayBuffer so the bytes can be transferred across ports.
  return new Uint8Array(tableToIPC(table, 'stream'))
}
