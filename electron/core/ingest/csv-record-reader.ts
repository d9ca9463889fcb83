/**
 * The record reader of reconciliation's second read of a CSV (csv-totals.ts): splits records
 * on bytes by the rules of shared/csv.ts and makes strings only of the few fields a subclass
 * asks for, since parseCsv's string for every field of every row takes seconds on a
 * million-row file. The header's delimiter is the one that splits it into the most fields.
 */
import { splitRecord } from '../../../shared/csv'
import { CR, LF, QUOTE, closingQuote, fieldText, recordEnd, skipBreak } from './csv-bytes'

const DELIMITERS = [',', ';', '\t', '|']

/** Bytes of a field read one by one before the rest is passed with indexOf. */
const SHORT_FIELD = 24

/** Bytes of a new chunk first joined to the partial record before it (readAcrossSeam). */
const SEAM_BYTES = 4096

/**
 * The incremental record splitter of one file's read: push chunks, then finish. It reads the
 * header, asks the subclass which fields it needs (fieldsOf), and for every record notes where
 * those fields lie and calls addRecord, which reads them with raw or value.
 */
export abstract class CsvRecordReader {
  private rest: Buffer = Buffer.alloc(0)
  /** Chunks pushed since the last read of records, and their bytes. */
  private held: Buffer[] = []
  private heldBytes = 0
  protected header: string[] | null = null
  private delimiter = 0x2c
  /** 1 for the fields the subclass reads (fieldsOf). */
  private roles = new Uint8Array(0)
  /** The current record's field texts, read once each (textRow marks the record they belong to). */
  private texts: Array<string | null> = []
  private textRow = new Int32Array(0)
  protected row = 0
  /** Indexes of the fields the subclass reads, and the last of them. */
  private wanted: number[] = []
  private lastWanted = -1
  /** Where each wanted field of the current record lies (start −1: the record has no such field). */
  protected spanStart = new Int32Array(0)
  protected spanEnd = new Int32Array(0)
  protected spanQuoted = new Uint8Array(0)
  /** 1 for the bytes that end or quote a field: the delimiter, a quote, LF, CR. */
  private special = new Uint8Array(256)
  /** Next offsets of a quote, LF and CR in the current buffer (indexOf results kept). */
  private next: Record<number, number> = {}

  /** True once fieldsOf has declined the file's header: nothing more to read. */
  done = false

  /** The indexes of the fields addRecord reads for this header, or null to read no further. */
  protected abstract fieldsOf(header: readonly string[]): readonly number[] | null

  /** Reads one record, whose wanted fields' places scan has just noted. */
  protected abstract addRecord(buffer: Buffer): void

  /** Reads every whole record of `chunk` (and the partial record before it). */
  push(chunk: Buffer): void {
    if (this.done) return
    if (this.readAcrossSeam(chunk)) return
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

  /**
   * Reads `chunk` where only a short partial record waits before it: that record is joined
   * with as few of the chunk's first bytes as end it (SEAM_BYTES, then more), and the rest of
   * the chunk is read where it lies. Joining the whole chunk copied every byte of the file once
   * more (about a tenth of this reader's time on a 750 MB file). False, having read nothing,
   * where the seam does not apply: no header yet, a long record held, a small chunk, or a
   * record that does not end in the chunk's first half.
   */
  private readAcrossSeam(chunk: Buffer): boolean {
    const rest = this.rest
    if (this.header === null || this.held.length > 0 || rest.length > chunk.length / 4) return false
    let body = chunk
    for (let head = SEAM_BYTES; rest.length > 0; head *= 4) {
      if (head > chunk.length / 2) return false
      const seam = Buffer.concat([rest, chunk.subarray(0, head)])
      // No record ends in the seam when this is 0: nothing was read.
      const consumed = this.records(seam, false)
      if (consumed === 0) continue
      // The partial record left holds no line break of its own, so it ends past `rest`.
      body =
        consumed >= rest.length
          ? chunk.subarray(consumed - rest.length)
          : Buffer.concat([seam.subarray(consumed), chunk.subarray(head)])
      break
    }
    this.rest = body.subarray(this.records(body, false))
    return true
  }

  /** The partial record and the chunks held after it, as one buffer (the held list emptied). */
  private waiting(): Buffer {
    const parts = this.rest.length > 0 ? [this.rest, ...this.held] : this.held
    const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts)
    this.held = []
    this.heldBytes = 0
    return buffer
  }

  /** Reads the last record (one without a line break after it). */
  protected finish(): void {
    // A line break after it ends its last field as any other (a closing quote included).
    const rest = this.waiting()
    if (rest.length > 0 && !this.done) this.records(Buffer.concat([rest, Buffer.from('\n')]), true)
    this.rest = Buffer.alloc(0)
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
   * noting where each wanted field lies. Up to the last wanted field, a field's first bytes
   * are read one by one (most fields are short, many empty) and the rest of a longer one is
   * passed with indexOf: Azure's long fields took half the time that way. After the last
   * wanted field, the scan jumps between quotes and line breaks.
   */
  private scan(buffer: Buffer, start: number): number {
    const { delimiter, roles, lastWanted, spanStart, spanEnd, spanQuoted, special } = this
    const n = buffer.length
    let i = start
    let field = 0
    let fieldStart = start
    let quotes = 0
    while (field <= lastWanted) {
      const near = Math.min(i + SHORT_FIELD, n)
      while (i < near && special[buffer[i]!] === 0) i++
      let at: number
      if (i < near) at = i
      else {
        // A longer field: its end is the next delimiter, unless a quote or a line break comes first.
        let end = buffer.indexOf(delimiter, i)
        if (end < 0) end = n
        at = Math.min(
          end,
          this.nextOf(buffer, QUOTE, i),
          this.nextOf(buffer, LF, i),
          this.nextOf(buffer, CR, i),
        )
        if (at >= n) return -1
      }
      const b = buffer[at]!
      if (b === QUOTE) {
        // A quote anywhere in a field opens a quoted run, whose delimiters and line breaks are data.
        quotes = 1
        const close = closingQuote(buffer, at + 1)
        if (close < 0) return -1
        i = close + 1
        continue
      }
      if (roles[field] !== 0) {
        spanStart[field] = fieldStart
        spanEnd[field] = at
        spanQuoted[field] = quotes
      }
      // A record shorter than the header ends here; its missing fields stay null.
      if (b !== delimiter) return at
      field++
      i = at + 1
      fieldStart = i
      quotes = 0
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
    const fields = this.fieldsOf(this.header)
    if (fields === null) {
      this.done = true
      return
    }
    this.roles = new Uint8Array(this.header.length)
    for (const k of fields) this.roles[k] = 1
    this.texts = new Array<string | null>(this.header.length).fill(null)
    this.textRow = new Int32Array(this.header.length).fill(-1)
    this.wanted = [...this.roles.keys()].filter((k) => this.roles[k] !== 0)
    this.lastWanted = this.wanted.length > 0 ? Math.max(...this.wanted) : -1
    this.spanStart = new Int32Array(this.header.length).fill(-1)
    this.spanEnd = new Int32Array(this.header.length)
    this.spanQuoted = new Uint8Array(this.header.length)
  }

  /** A field's text as written (null when the record has no such field). */
  protected raw(buffer: Buffer, k: number): string | null {
    if (this.textRow[k] !== this.row) {
      const start = this.spanStart[k]!
      this.texts[k] =
        start < 0 ? null : fieldText(buffer, start, this.spanEnd[k]!, this.spanQuoted[k] === 1)
      this.textRow[k] = this.row
    }
    return this.texts[k] ?? null
  }

  /** A field's value as staging reads it: trimmed, and null when empty or the text NULL. */
  protected value(buffer: Buffer, k: number): string | null {
    const raw = this.raw(buffer, k)
    if (raw === null || raw === 'NULL') return null
    const value = raw.trim()
    return value === '' ? null : value
  }
}
