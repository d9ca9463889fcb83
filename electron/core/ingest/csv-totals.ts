/**
 * The second reader of a CSV or CSV.gz import: streams the file in Node and
 * sums its own cost columns, found by their header names, exactly as decimal
 * text — sharing nothing with DuckDB's staging or Focal's column mapping, so a
 * wrong mapping, a dropped row or a mis-parsed value shows as a difference.
 *
 * Records are split by the rules of shared/csv.ts (RFC 4180: a quote opens a
 * quoted run anywhere in a field, "" inside it is one quote, CR, LF and CRLF end
 * a record outside quotes, a blank line is no record), on bytes rather than
 * characters: parseCsv builds every field of every row as a string, which takes
 * seconds on a million-row file, while only two or three fields a row are needed.
 * tests/unit/core/csv-totals.test.ts checks the two agree.
 */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { splitRecord } from '../../../shared/csv'
import { DecimalAdder } from '../../../shared/decimal-adder'
import { arrayAmounts } from './array-amounts'
import { readWrittenNumber } from './written-number'
import { readCurrencyText } from './currency-text'
import type { SourceTotals } from './source-columns'
import {
  meets,
  resolveColumns,
  type ResolvedColumns,
  type ResolvedTerm,
  type SourceColumns,
} from './source-terms'

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const DELIMITERS = [',', ';', '\t', '|']

/** Running sums of one currency. */
interface Group {
  rows: number
  billed: DecimalAdder
  effective: DecimalAdder
}

/**
 * Reads `path` (gzip when `gzip`) and sums the cost columns `pick` names for its header;
 * when `pick` names none (null: another reader's format), it stops after the header.
 */
export async function csvTotals(
  path: string,
  gzip: boolean,
  pick: (header: readonly string[]) => SourceColumns | null,
  signal?: AbortSignal,
): Promise<SourceTotals> {
  const source = createReadStream(path, { highWaterMark: 4 << 20 })
  const stream = gzip ? source.pipe(createGunzip()) : source
  const totals = new CsvTotals(pick)
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw new Error('source totals cancelled')
      totals.push(chunk)
      if (totals.done) break
    }
  } finally {
    source.destroy()
  }
  return totals.end()
}

/** The incremental state of one file's read: push chunks, then end. */
export class CsvTotals {
  private rest: Buffer = Buffer.alloc(0)
  /** Chunks pushed since the last read of records, and their bytes. */
  private held: Buffer[] = []
  private heldBytes = 0
  private header: string[] | null = null
  /** The currency of the record being read. */
  private rowCurrency: string | null = null
  private delimiter = 0x2c
  /** 1 for the fields the sums read. */
  private roles = new Uint8Array(0)
  /** 1 for the bytes that end or quote a field: the delimiter, a quote, LF, CR. */
  private special = new Uint8Array(256)
  private names: SourceColumns | null = null
  private columns: ResolvedColumns | null = null
  /** The current record's field texts, read once each (textRow marks the record they belong to). */
  private texts: Array<string | null> = []
  private textRow = new Int32Array(0)
  private readonly groups = new Map<string | null, Group>()
  private row = 0
  private unreadable: SourceTotals['unreadable'] = null
  /** Indexes of the fields the sums read, and the last of them. */
  private wanted: number[] = []
  private lastWanted = -1
  /** Where each wanted field of the current record lies (start −1: the record has no such field). */
  private spanStart = new Int32Array(0)
  private spanEnd = new Int32Array(0)
  private spanQuoted = new Uint8Array(0)
  /** Next offsets of a quote, LF and CR in the current buffer (indexOf results kept). */
  private next: Record<number, number> = {}

  /** True once `pick` has declined the file's header: nothing more to read. */
  done = false

  constructor(private readonly pick: (header: readonly string[]) => SourceColumns | null) {}

  /** Reads every whole record of `chunk` (and the partial record before it). */
  push(chunk: Buffer): void {
    if (this.done) return
    this.held.push(chunk)
    this.heldBytes += chunk.length
    // A record not yet ended is read again from its start once at least as many new bytes
    // wait as it holds: a file with no line break (or one long quoted field) then costs a
    // few passes over its bytes, not one per chunk.
    if (this.heldBytes < this.rest.length) return
    const buffer = this.waiting()
    const consumed = this.records(buffer, false)
    this.rest = buffer.subarray(consumed)
  }

  /** The partial record and the chunks held after it, as one buffer (the held list emptied). */
  private waiting(): Buffer {
    const parts = this.rest.length > 0 ? [this.rest, ...this.held] : this.held
    const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
    this.held = []
    this.heldBytes = 0
    return buffer
  }

  /** Reads the last record (one without a line break after it) and returns the sums. */
  end(): SourceTotals {
    // A line break after it ends its last field as any other (a closing quote included).
    const rest = this.waiting()
    if (rest.length > 0 && !this.done) this.records(Buffer.concat([rest, Buffer.from('\n')]), true)
    this.rest = Buffer.alloc(0)
    const sums = [...this.groups.entries()].map(([currency, g]) => ({
      currency,
      rows: g.rows,
      billed: this.columns?.hasBilled ? g.billed.sum() : null,
      effective: this.columns?.hasEffective ? g.effective.sum() : null,
    }))
    return { sums, unreadable: this.unreadable, columns: this.names }
  }

  /** Splits records from `buffer`; returns the offset after the last whole record. */
  private records(buffer: Buffer, last: boolean): number {
    let start = 0
    if (this.header === null) {
      const end = recordEnd(buffer, 0)
      if (end < 0 && !last) return 0
      this.readHeader(buffer, end < 0 ? buffer.length : end)
      if (this.done) return buffer.length
      start = end < 0 ? buffer.length : skipBreak(buffer, end)
    }
    this.next = { [QUOTE]: -1, [LF]: -1, [CR]: -1 }
    const n = buffer.length
    while (start < n) {
      for (const k of this.wanted) this.spanStart[k] = -1
      let end = this.scan(buffer, start)
      if (end < 0) {
        if (!last) return start
        end = n
      }
      // A blank line is no record (shared/csv.ts; DuckDB skips it too).
      if (end > start) this.addRecord(buffer)
      start = end < n ? skipBreak(buffer, end) : n
    }
    return n
  }

  /**
   * Finds the line break ending the record at `start` (-1 if it is not in `buffer` yet),
   * noting where each wanted field lies. Fields up to the last wanted one are read byte by
   * byte; after it, the scan jumps between quotes and line breaks with indexOf.
   */
  private scan(buffer: Buffer, start: number): number {
    const { delimiter, roles, lastWanted, spanStart, spanEnd, spanQuoted, special } = this
    const n = buffer.length
    let i = start
    let field = 0
    let fieldStart = start
    let quotes = 0
    while (field <= lastWanted) {
      if (i >= n) return -1
      const b = buffer[i]!
      // One table look-up passes the ordinary bytes, most of a record.
      if (special[b] === 0) {
        i++
        continue
      }
      if (b === QUOTE) {
        quotes = 1
        const close = closingQuote(buffer, i + 1)
        if (close < 0) return -1
        i = close + 1
        continue
      }
      if (b === delimiter || b === LF || b === CR) {
        if (roles[field] !== 0) {
          spanStart[field] = fieldStart
          spanEnd[field] = i
          spanQuoted[field] = quotes
        }
        // A record shorter than the header ends here; its missing fields stay null.
        if (b !== delimiter) return i
        field++
        fieldStart = i + 1
        quotes = 0
      }
      i++
    }
    for (;;) {
      const lineBreak = Math.min(this.nextOf(buffer, LF, i), this.nextOf(buffer, CR, i))
      const quote = this.nextOf(buffer, QUOTE, i)
      if (lineBreak < quote) return lineBreak < n ? lineBreak : -1
      if (quote >= n) return -1
      const close = closingQuote(buffer, quote + 1)
      if (close < 0) return -1
      i = close + 1
    }
  }

  /** Offset of the next `byte` at or after `from` (buffer length if none), remembered per buffer. */
  private nextOf(buffer: Buffer, byte: number, from: number): number {
    let at = this.next[byte]!
    if (at < from) {
      at = buffer.indexOf(byte, from)
      if (at < 0) at = buffer.length
      this.next[byte] = at
    }
    return at
  }

  private readHeader(buffer: Buffer, end: number): void {
    let text = buffer.toString('utf8', 0, end)
    if (text.startsWith('\ufeff')) text = text.slice(1)
    // The delimiter that splits the header line into the most fields.
    const counts = DELIMITERS.map((d) => splitRecord(text, d).length)
    const delimiter = DELIMITERS[counts.indexOf(Math.max(...counts))] ?? ','
    this.delimiter = delimiter.charCodeAt(0)
    for (const byte of [this.delimiter, QUOTE, LF, CR]) this.special[byte] = 1
    this.header = splitRecord(text, delimiter).map((name) => name.trim())
    this.names = this.pick(this.header)
    if (this.names === null) {
      this.done = true
      return
    }
    const columns = resolveColumns(this.header, this.names)
    this.columns = columns
    this.roles = new Uint8Array(this.header.length)
    for (const term of [...columns.billed, ...columns.effective]) {
      this.roles[term.index] = 1
      for (const condition of term.when)
        if (condition.index !== null) this.roles[condition.index] = 1
    }
    if (columns.currency !== null) this.roles[columns.currency] = 1
    this.texts = new Array<string | null>(this.header.length).fill(null)
    this.textRow = new Int32Array(this.header.length).fill(-1)
    this.wanted = [...this.roles.keys()].filter((k) => this.roles[k] !== 0)
    this.lastWanted = this.wanted.length > 0 ? Math.max(...this.wanted) : -1
    this.spanStart = new Int32Array(this.header.length).fill(-1)
    this.spanEnd = new Int32Array(this.header.length)
    this.spanQuoted = new Uint8Array(this.header.length)
  }

  private addRecord(buffer: Buffer): void {
    this.row++
    const columns = this.columns!
    let currency: string | null = columns.currencyConstant ?? null
    if (columns.currency !== null) {
      const raw = this.raw(buffer, columns.currency)
      currency = raw === null || raw === 'NULL' ? null : columns.trimCurrency ? raw.trim() : raw
      if (currency === '') currency = null
    }
    this.rowCurrency = currency
    let group = this.groups.get(currency)
    if (!group) {
      group = { rows: 0, billed: new DecimalAdder(), effective: new DecimalAdder() }
      this.groups.set(currency, group)
    }
    group.rows++
    for (const term of columns.billed) this.addTerm(buffer, group.billed, term)
    for (const term of columns.effective) this.addTerm(buffer, group.effective, term)
  }

  /** Adds a term's value to `adder` if the row meets its conditions. */
  private addTerm(buffer: Buffer, adder: DecimalAdder, term: ResolvedTerm): void {
    for (const condition of term.when)
      if (!meets(condition, condition.index === null ? null : this.value(buffer, condition.index)))
        return
    const k = term.index
    const start = this.spanStart[k]!
    const end = this.spanEnd[k]!
    if (start < 0) return
    if (term.arrayKey !== undefined) return this.addArray(buffer, adder, term, term.arrayKey)
    // Most amounts are plain unquoted digits: added from the bytes, with no string made.
    if (
      !term.negate &&
      !term.written &&
      this.spanQuoted[k] === 0 &&
      !isNullBytes(buffer, start, end) &&
      adder.addAscii(buffer, start, end)
    )
      return
    const written = this.value(buffer, k)
    if (written === null) return
    const value = term.written ? readWrittenNumber(written, term.written) : written
    if (value !== null && adder.add(term.negate ? negated(value) : value)) return
    // A FOCUS file's money may be a currency string ($10,000.00) or `null`, as Focal reads them too.
    if (this.columns?.currencyText && written.toLowerCase() === 'null') return
    const parsed = this.columns?.currencyText ? readCurrencyText(written, this.rowCurrency) : null
    if (parsed !== null && adder.add(term.negate ? negated(parsed) : parsed)) return
    this.unreadable ??= { row: this.row, column: this.header?.[k] ?? '', value: written }
  }

  /** Adds the `key` amounts of the JSON array in the term's field (a credits column). */
  private addArray(buffer: Buffer, adder: DecimalAdder, term: ResolvedTerm, key: string): void {
    const value = this.value(buffer, term.index)
    if (value === null) return
    const amounts = arrayAmounts(value, key)
    for (const amount of amounts ?? [])
      if (!adder.add(term.negate ? negated(amount) : amount) && !this.unreadable)
        this.unreadable = { row: this.row, column: this.header?.[term.index] ?? '', value }
    if (amounts === null && !this.unreadable)
      this.unreadable = { row: this.row, column: this.header?.[term.index] ?? '', value }
  }

  /** A field's text as written (null when the record has no such field). */
  private raw(buffer: Buffer, k: number): string | null {
    if (this.textRow[k] !== this.row) {
      const start = this.spanStart[k]!
      this.texts[k] =
        start < 0 ? null : fieldText(buffer, start, this.spanEnd[k]!, this.spanQuoted[k] === 1)
      this.textRow[k] = this.row
    }
    return this.texts[k] ?? null
  }

  /** A field's value as staging reads it: trimmed, and null when empty or the text NULL. */
  private value(buffer: Buffer, k: number): string | null {
    const raw = this.raw(buffer, k)
    if (raw === null || raw === 'NULL') return null
    const value = raw.trim()
    return value === '' ? null : value
  }
}

/** The text of minus a number written as text. */
function negated(value: string): string {
  if (value.startsWith('-')) return value.slice(1)
  return `-${value.startsWith('+') ? value.slice(1) : value}`
}

/** True for an empty field or the bytes NULL: a missing value, as staging reads it. */
function isNullBytes(buffer: Buffer, start: number, end: number): boolean {
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
function closingQuote(buffer: Buffer, from: number): number {
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
function fieldText(buffer: Buffer, start: number, end: number, quotes: boolean): string {
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
function recordEnd(buffer: Buffer, from: number): number {
  let quoted = false
  for (let i = from; i < buffer.length; i++) {
    const b = buffer[i]
    if (b === QUOTE) quoted = !quoted
    else if (!quoted && (b === LF || b === CR)) return i
  }
  return -1
}

/** Offset after the line break at `at` (CRLF is one break). */
function skipBreak(buffer: Buffer, at: number): number {
  return buffer[at] === CR && buffer[at + 1] === LF ? at + 2 : at + 1
}
