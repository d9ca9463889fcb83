/**
 * Byte-level pieces of CSV record splitting by the rules of shared/csv.ts (RFC 4180): the
 * bytes that matter, where a quoted run closes, a field's text with its quoting undone,
 * where a record ends. Used by the record reader of reconciliation's second read
 * (csv-record-reader.ts, csv-totals.ts), which works on bytes rather than strings.
 */

/** The bytes a record splitter looks for: a quote, LF and CR. */
export const QUOTE = 0x22
/** Line feed. */
export const LF = 0x0a
/** Carriage return. */
export const CR = 0x0d

/** True for an empty field or the bytes NULL: a missing value, as staging reads it. */
export function isNullBytes(buffer: Buffer, start: number, end: number): boolean {
  if (end === start) return true
  return (
    end - start === 4 &&
    buffer[start] === 0x4e &&
    buffer[start + 1] === 0x55 &&
    buffer[start + 2] === 0x4c &&
    buffer[start + 3] === 0x4c
  )
}

/** Offset of the quote closing a quoted run that starts at `from` ("" is an escaped quote); -1 if not yet in `buffer`. */
export function closingQuote(buffer: Buffer, from: number): number {
  let i = from
  for (;;) {
    const q = buffer.indexOf(QUOTE, i)
    // A quote as the buffer's last byte may be the first of an escaped pair: wait for more.
    if (q < 0 || q + 1 >= buffer.length) return -1
    if (buffer[q + 1] !== QUOTE) return q
    i = q + 2
  }
}

/** The text of a field: plain bytes, or with its quoting undone as shared/csv.ts does. */
export function fieldText(buffer: Buffer, start: number, end: number, quotes: boolean): string {
  if (!quotes) return buffer.toString('utf8', start, end)
  let text = ''
  let quoted = false
  const raw = buffer.toString('utf8', start, end)
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]
    if (quoted && ch === '"' && raw[i + 1] === '"') {
      text += '"'
      i++
    } else if (ch === '"') quoted = !quoted
    else text += ch
  }
  return text
}

/** Offset of the line break ending the record that starts at `from`, honouring quotes; -1 if none. */
export function recordEnd(buffer: Buffer, from: number): number {
  let quoted = false
  for (let i = from; i < buffer.length; i++) {
    const b = buffer[i]
    if (b === QUOTE) quoted = !quoted
    else if (!quoted && (b === LF || b === CR)) return i
  }
  return -1
}

/** Offset after the line break at `at` (CRLF is one break). */
export function skipBreak(buffer: Buffer, at: number): number {
  return buffer[at] === CR && buffer[at + 1] === LF ? at + 2 : at + 1
}
