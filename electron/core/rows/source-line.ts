/**
 * Reads one data row of a source file as it was written: a CSV (or CSV.gz) record counted as
 * the import counted it (quoted fields may span lines; the header is not a row), a JSON-lines
 * record, or (through DuckDB) a Parquet row by its place in the file.
 */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { parseCsv } from '../../../shared/csv'

/** The header record and data record `row` (1-based) as written, line ending removed. */
export interface TextRecord {
  readonly header: string | null
  readonly line: string
}

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/**
 * Data record `row` of a CSV: records end at a line feed outside quotes. Blank lines are not
 * records (DuckDB's reader skips them too). Null when the file has fewer rows.
 */
export async function csvRecord(
  path: string,
  gzip: boolean,
  row: number,
): Promise<TextRecord | null> {
  return scanRecords(path, gzip, true, row)
}

/** Line `row` (1-based) of a JSON-lines file, blank lines not counted. */
export async function jsonLine(path: string, row: number): Promise<TextRecord | null> {
  return scanRecords(path, false, false, row)
}

async function scanRecords(
  path: string,
  gzip: boolean,
  csv: boolean,
  row: number,
): Promise<TextRecord | null> {
  const source = createReadStream(path, { highWaterMark: 1 << 20 })
  const text = gzip ? source.pipe(createGunzip()) : source
  // Record 0 is a CSV's header; a JSON-lines file has none, so its line 1 is record 1.
  let index = csv ? 0 : 1
  let quoted = false
  let header: Buffer | null = null
  let parts: Buffer[] = []
  let empty = true
  const wanted = (): boolean => (csv && index === 0) || index === row
  try {
    for await (const chunk of text as AsyncIterable<Buffer>) {
      let start = 0
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!
        if (csv && byte === QUOTE) quoted = !quoted
        if (byte !== LF || quoted) {
          if (empty && byte !== CR) empty = false
          continue
        }
        // One record ends here (its bytes: the kept parts plus chunk[start..i)).
        if (!empty) {
          if (wanted()) {
            const record = trimCr(Buffer.concat([...parts, chunk.subarray(start, i)]))
            if (index === row)
              return { header: header ? decode(header) : null, line: decode(record) }
            header = record
          }
          index++
        }
        parts = []
        empty = true
        start = i + 1
      }
      if (wanted()) parts.push(Buffer.from(chunk.subarray(start)))
    }
    // The last record may have no line feed after it.
    if (!empty && index === row) {
      return { header: header ? decode(header) : null, line: decode(trimCr(Buffer.concat(parts))) }
    }
    return null
  } finally {
    source.destroy()
  }
}

function trimCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes
}

function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8')
  return text.startsWith('\ufeff') ? text.slice(1) : text
}

/** The delimiter of a header line: the most frequent of `,` `;` tab `|` outside quotes. */
export function headerDelimiter(header: string): string {
  const counts = new Map<string, number>()
  let quoted = false
  for (const ch of header) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && [',', ';', '\t', '|'].includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ','
}

/** A CSV record's fields paired with the header's names. */
export function csvFields(record: TextRecord): Array<{ name: string; value: string | null }> {
  const delimiter = headerDelimiter(record.header ?? '')
  const names = parseCsv(record.header ?? '', delimiter)[0] ?? []
  const values = parseCsv(record.line, delimiter)[0] ?? []
  return values.map((value, i) => ({ name: names[i] ?? `column ${i + 1}`, value }))
}
