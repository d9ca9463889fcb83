/**
 * Reads a CSV file's header record in Node (DuckDB's sniffer guesses wrong on
 * short or malformed files, so Focal reads the header itself and then tells
 * DuckDB the exact columns).
 */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { fail } from '../../../shared/contract'
import { splitRecord } from '../../../shared/csv'

/** The header of a CSV file: column names and the delimiter. */
export interface CsvHeader {
  readonly columns: readonly string[]
  readonly delimiter: string
}

/** Reads at most the first 1 MiB to find the header record; gzip is decompressed on the fly. */
export async function readCsvHeader(
  path: string,
  gzip: boolean,
  fileName: string,
): Promise<CsvHeader> {
  const text = await readPrefix(path, gzip, 1 << 20)
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  const end = findRecordEnd(body)
  if (end < 0 && body.length >= 1 << 20) {
    fail('UNSUPPORTED_FORMAT', `${fileName}: no header line in the first 1 MiB.`)
  }
  const line = end < 0 ? body : body.slice(0, end)
  const delimiter = pickDelimiter(line)
  const columns = splitRecord(line, delimiter).map((c) => c.trim())
  if (columns.length === 0 || columns.every((c) => c === '')) {
    fail('UNSUPPORTED_FORMAT', `${fileName}: the first line is empty, so it has no CSV header.`)
  }
  const blank = columns.findIndex((c) => c === '')
  if (blank >= 0) {
    fail('UNSUPPORTED_FORMAT', `${fileName}: header column ${blank + 1} has no name.`, {
      location: { file: fileName, line: 1 },
      hint: 'Give every column a name in the first line.',
    })
  }
  return { columns, delimiter }
}

async function readPrefix(path: string, gzip: boolean, limit: number): Promise<string> {
  const source = createReadStream(path, { end: gzip ? undefined : limit - 1 })
  const stream = gzip ? source.pipe(createGunzip()) : source
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk)
      size += chunk.length
      if (size >= limit) break
    }
  } catch (cause) {
    fail('UNSUPPORTED_FORMAT', `Could not read the start of the file: ${(cause as Error).message}`)
  } finally {
    source.destroy()
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8')
}

/** Index of the newline ending the first record, honouring quotes; -1 if none. */
function findRecordEnd(text: string): number {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) return i
  }
  return -1
}

function pickDelimiter(line: string): string {
  const candidates = [',', ';', '\t', '|']
  const counts = candidates.map((d) => splitRecord(line, d).length)
  const best = Math.max(...counts)
  return candidates[counts.indexOf(best)] ?? ','
}
