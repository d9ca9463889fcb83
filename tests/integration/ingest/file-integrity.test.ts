/**
 * file-integrity: every byte of an import file is accounted for. A gzip cut
 * short at a flush point, bytes after the last gzip member, a damaged
 * checksum and a NUL-filled tail are refused with the file named and where
 * the bad part starts; the workspace stays exactly as before.
 */
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { constants, createGzip, gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { listImports } from '../../../electron/core/workspace/imports-registry'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedTotals } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const HEADER =
  'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceName\n'

let ws: Workspace
let dir: string
let before: Awaited<ReturnType<typeof storedTotals>>
let tablesBefore: string[]

beforeEach(async () => {
  ws = await freshWorkspace()
  dir = tempDir()
  expect((await importFile(ws, SAMPLE)).status).toBe('imported')
  before = await storedTotals(ws)
  tablesBefore = await tablesAndViews()
})
afterEach(() => ws.close())

/** Generated billing rows `from` … `to - 1` (distinct cents so a lost row changes the sum). */
function rows(from: number, to: number): string {
  let text = ''
  for (let i = from; i < to; i++)
    text += `${(i % 1000) / 100},${(i % 700) / 100},USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,Service ${i % 13}\n`
  return text
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Gzip of `first` + `second` with a full flush between them, and the byte length at the flush. */
async function gzipWithFlush(first: string, second: string): Promise<{ all: Buffer; cut: number }> {
  const gzip = createGzip()
  const parts: Buffer[] = []
  gzip.on('data', (chunk: Buffer) => parts.push(chunk))
  gzip.write(first)
  await new Promise<void>((resolve) => gzip.flush(constants.Z_FULL_FLUSH, () => resolve()))
  const cut = Buffer.concat(parts).length
  await new Promise<void>((resolve) => gzip.end(second, () => resolve()))
  await new Promise<void>((resolve) => gzip.on('end', resolve))
  return { all: Buffer.concat(parts), cut }
}

/** Every table and view, temporary ones too (a stage left behind would show here). */
async function tablesAndViews(): Promise<string[]> {
  const rows = await ws.all(
    `SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1`,
  )
  return rows.map((r) => String(r.name))
}

/** Imports `path`, expects it refused with `code`, and checks nothing changed but the log. */
async function expectRefused(path: string, code: string) {
  const record = await importFile(ws, path)
  expect(record.status).toBe('failed')
  expect(record.error?.code).toBe(code)
  expect(record.rowCount).toBe(0)
  expect(record.sha256).toMatch(/^[0-9a-f]{64}$/)
  expect(await storedTotals(ws)).toEqual(before)
  expect(await tablesAndViews()).toEqual(tablesBefore)
  const log = await listImports(ws)
  expect(log[0]).toMatchObject({ id: record.id, status: 'failed', error: { code } })
  return record
}

describe('file integrity', () => {
  it('a .csv.gz cut at a flush point after 150,000 of 300,000 rows is refused, not imported as complete', async () => {
    const { all, cut } = await gzipWithFlush(HEADER + rows(0, 150_000), rows(150_000, 300_000))
    const truncated = all.subarray(0, cut)
    // The cut is clean: what is there decompresses to exactly the first 150,000 rows.
    const readable = gunzipSync(truncated, { finishFlush: constants.Z_SYNC_FLUSH }).toString()
    expect(readable).toBe(HEADER + rows(0, 150_000))
    const record = await expectRefused(file('month.csv.gz', truncated), 'UNSUPPORTED_FORMAT')
    expect(record.error?.message).toBe(
      `month.csv.gz is incomplete: its gzip data stops after ${cut} bytes without the end marker, so rows are missing.`,
    )
    expect(record.error?.location).toEqual({ file: 'month.csv.gz' })
    expect(record.error?.hint).toMatch(/export it again/)
  })

  it('a small truncated .csv.gz names the file', async () => {
    const whole = gzipSync(HEADER + rows(0, 2))
    const record = await expectRefused(
      file('tiny.csv.gz', whole.subarray(0, 40)),
      'UNSUPPORTED_FORMAT',
    )
    expect(record.error?.message).toBe(
      'tiny.csv.gz is incomplete: its gzip data stops after 40 bytes without the end marker, so rows are missing.',
    )
  })

  it('bytes after the last gzip member are refused, saying where they start', async () => {
    const whole = gzipSync(HEADER + rows(0, 2))
    const path = file('padded.csv.gz', Buffer.concat([whole, Buffer.alloc(1000)]))
    const record = await expectRefused(path, 'UNSUPPORTED_FORMAT')
    expect(record.error?.message).toBe(
      `padded.csv.gz: the last 1000 bytes, after the first ${whole.length}, follow the end of the gzip data and are not part of it.`,
    )
    expect(record.error?.details).toEqual({ byteOffset: whole.length })
  })

  it('a gzip whose checksum does not match its content is refused', async () => {
    const damaged = Buffer.from(gzipSync(HEADER + rows(0, 2)))
    // The CRC-32 is the trailer's first four bytes.
    damaged[damaged.length - 8] = (damaged[damaged.length - 8] ?? 0) ^ 0xff
    const record = await expectRefused(file('crc.csv.gz', damaged), 'UNSUPPORTED_FORMAT')
    expect(record.error?.message).toBe(
      'crc.csv.gz: the gzip data is damaged (its checksum does not match its content).',
    )
  })

  it('a multi-member .csv.gz still imports every member with exact totals', async () => {
    const text = HEADER + rows(0, 20_000)
    const plain = file('two-members.csv', text)
    const split = text.indexOf('\n', text.length >> 1) + 1
    const path = file(
      'two-members.csv.gz',
      Buffer.concat([gzipSync(text.slice(0, split)), gzipSync(text.slice(split))]),
    )
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    expect(record.status).toBe('imported')
    expect(record.rowCount).toBe(20_000)
    const billed = csvSums(plain, 'BilledCost').USD
    const effective = csvSums(plain, 'EffectiveCost').USD
    const usd = (await storedTotals(ws)).USD
    expect(usd?.rows).toBe((before.USD?.rows ?? 0) + 20_000)
    expect(record.totals).toEqual([
      expect.objectContaining({
        currency: 'USD',
        rows: billed?.rows,
        billedStored: normalizeDecimal(billed?.sum ?? ''),
        effectiveStored: normalizeDecimal(effective?.sum ?? ''),
        reconciled: true,
      }),
    ])
  })

  it('a 2-row CSV followed by 40 MB of NUL bytes is refused at the line and byte where they start', async () => {
    const text = HEADER + rows(0, 2)
    const path = file('padded.csv', Buffer.concat([Buffer.from(text), Buffer.alloc(40 << 20)]))
    const record = await expectRefused(path, 'UNSUPPORTED_FORMAT')
    expect(record.error?.message).toBe(
      `padded.csv, line 4: after the first ${text.length} bytes the file holds NUL bytes, not CSV text, so it is damaged or was not completely written.`,
    )
    expect(record.error?.location).toEqual({ file: 'padded.csv', line: 4 })
    expect(record.error?.details).toEqual({ byteOffset: text.length })
  })

  it('a 40 MB last line with no row in it (DuckDB drops it unread) is refused at its line', async () => {
    const text = HEADER + rows(0, 2)
    const record = await expectRefused(
      file('garbage-tail.csv', text + 'x'.repeat(40 << 20)),
      'BAD_ROW_SHAPE',
    )
    expect(record.error?.message).toBe(
      'garbage-tail.csv, line 4: the line is longer than the 2000000 bytes a CSV line may have, so the file is damaged or a quote is never closed.',
    )
    expect(record.error?.location).toEqual({ file: 'garbage-tail.csv', line: 4 })
    expect(record.error?.details).toEqual({ byteOffset: text.length })
  })

  it('a long line inside a .csv.gz is measured across decompressed chunks', async () => {
    const head = HEADER + rows(0, 3)
    const long = 'y'.repeat(2_000_001)
    const path = file('long-line.csv.gz', gzipSync(head + long + '\n' + rows(3, 5)))
    const record = await expectRefused(path, 'BAD_ROW_SHAPE')
    expect(record.error?.message).toBe(
      'long-line.csv.gz, line 5: the line is longer than the 2000000 bytes a CSV line may have, so the file is damaged or a quote is never closed.',
    )
  })

  it('a file whose lines end in a lone CR (old Mac exports) is not mistaken for one long line', async () => {
    const text = HEADER + rows(0, 60_000)
    const plain = file('mac.csv', text)
    const record = await importFile(ws, file('mac-cr.csv', text.replaceAll('\n', '\r')))
    expect(record.error).toBeNull()
    expect(record.rowCount).toBe(60_000)
    expect(record.totals[0]?.billedStored).toBe(
      normalizeDecimal(csvSums(plain, 'BilledCost').USD?.sum ?? ''),
    )
  })

  it('NUL bytes inside a .csv.gz are found after decompression', async () => {
    const text = HEADER + rows(0, 3)
    const path = file(
      'nul.csv.gz',
      gzipSync(Buffer.concat([Buffer.from(text), Buffer.alloc(10), Buffer.from(rows(3, 5))])),
    )
    const record = await expectRefused(path, 'UNSUPPORTED_FORMAT')
    expect(record.error?.message).toBe(
      `nul.csv.gz, line 5: after the first ${text.length} bytes of CSV text (after decompression) the file holds NUL bytes, not CSV text, so it is damaged or was not completely written.`,
    )
  })

  it('a sparse file (a CSV header, then 256 MiB of holes) is refused at line 2', async () => {
    const path = file('sparse.csv', HEADER)
    const handle = openSync(path, 'r+')
    ftruncateSync(handle, 256 << 20)
    closeSync(handle)
    const record = await expectRefused(path, 'UNSUPPORTED_FORMAT')
    expect(record.error?.message).toBe(
      `sparse.csv, line 2: after the first ${HEADER.length} bytes the file holds NUL bytes, not CSV text, so it is damaged or was not completely written.`,
    )
  })
})
