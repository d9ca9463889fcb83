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
 * tests/unit/core/csv-totals.test.ts checks the two agree. The record splitting is
 * csv-record-reader.ts; this file sums the fields it reads.
 */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { DecimalAdder } from '../../../shared/decimal-adder'
import { arrayAmounts } from './array-amounts'
import { isNullBytes } from './csv-bytes'
import { CsvRecordReader } from './csv-record-reader'
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
export class CsvTotals extends CsvRecordReader {
  /** The currency of the record being read. */
  private rowCurrency: string | null = null
  private names: SourceColumns | null = null
  private columns: ResolvedColumns | null = null
  private readonly groups = new Map<string | null, Group>()
  private unreadable: SourceTotals['unreadable'] = null
  /** The previous record's currency field, as bytes, and its group (sameCurrency). */
  private lastCurrency: { bytes: Buffer; group: Group } | null = null

  constructor(private readonly pick: (header: readonly string[]) => SourceColumns | null) {
    super()
  }

  /** Reads the last record (one without a line break after it) and returns the sums. */
  end(): SourceTotals {
    this.finish()
    const sums = [...this.groups.entries()].map(([currency, g]) => ({
      currency,
      rows: g.rows,
      billed: this.columns?.hasBilled ? g.billed.sum() : null,
      effective: this.columns?.hasEffective ? g.effective.sum() : null,
    }))
    return { sums, unreadable: this.unreadable, columns: this.names }
  }

  /** The fields the sums read: each term's amount and condition columns, and the currency. */
  protected fieldsOf(header: readonly string[]): readonly number[] | null {
    this.names = this.pick(header)
    if (this.names === null) return null
    const columns = resolveColumns(header, this.names)
    this.columns = columns
    const fields: number[] = []
    for (const term of [...columns.billed, ...columns.effective]) {
      fields.push(term.index)
      for (const condition of term.when) if (condition.index !== null) fields.push(condition.index)
    }
    if (columns.currency !== null) fields.push(columns.currency)
    return fields
  }

  protected addRecord(buffer: Buffer): void {
    this.row++
    const columns = this.columns!
    let currency: string | null = columns.currencyConstant ?? null
    let group: Group | undefined
    if (columns.currency !== null) {
      group = this.sameCurrency(buffer, columns.currency)
      if (group) currency = this.rowCurrency
      else {
        const raw = this.raw(buffer, columns.currency)
        currency = raw === null || raw === 'NULL' ? null : columns.trimCurrency ? raw.trim() : raw
        if (currency === '') currency = null
      }
    }
    this.rowCurrency = currency
    if (!group) {
      group = this.groups.get(currency)
      if (!group) {
        group = { rows: 0, billed: new DecimalAdder(), effective: new DecimalAdder() }
        this.groups.set(currency, group)
      }
      if (columns.currency !== null) this.noteCurrency(buffer, columns.currency, group)
    }
    group.rows++
    for (const term of columns.billed) this.addTerm(buffer, group.billed, term)
    for (const term of columns.effective) this.addTerm(buffer, group.effective, term)
  }

  /**
   * The group of the previous record when this record's currency field has the same bytes,
   * unquoted: most rows repeat their neighbour's currency, and reading its text anew made a
   * string per row (about a twentieth of this reader's time on a million-row file).
   */
  private sameCurrency(buffer: Buffer, k: number): Group | undefined {
    const last = this.lastCurrency
    const start = this.spanStart[k]!
    if (last === null || start < 0 || this.spanQuoted[k] !== 0) return undefined
    const length = this.spanEnd[k]! - start
    if (length !== last.bytes.length) return undefined
    for (let i = 0; i < length; i++) if (buffer[start + i] !== last.bytes[i]) return undefined
    return last.group
  }

  /** Remembers this record's currency bytes and group for sameCurrency (short, unquoted fields only). */
  private noteCurrency(buffer: Buffer, k: number, group: Group): void {
    const start = this.spanStart[k]!
    const end = this.spanEnd[k]!
    this.lastCurrency =
      start < 0 || this.spanQuoted[k] !== 0 || end - start > 16
        ? null
        : { bytes: Buffer.from(buffer.subarray(start, end)), group }
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
}

/** The text of minus a number written as text. */
function negated(value: string): string {
  if (value.startsWith('-')) return value.slice(1)
  return `-${value.startsWith('+') ? value.slice(1) : value}`
}
