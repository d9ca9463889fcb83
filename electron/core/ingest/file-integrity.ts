/**
 * Reads an import file once, end to end: its SHA-256, and proof that every
 * byte belongs to the rows DuckDB reads. DuckDB stops quietly where a gzip
 * stream is cut short (no trailer) and drops a final line of 32 MB or more
 * (a NUL-filled or garbage tail) unread, so without this a damaged export
 * imports as a smaller file whose totals "reconcile".
 */
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import type { FocalError } from '../../../shared/contract'
import { MAX_LINE_BYTES, TextCheck, type TextFinding } from './text-check'
import { textLineAt } from './text-line'

/** What a file's bytes must be: CSV text, gzip-compressed CSV text, or anything (Parquet and refused kinds). */
export type ScanContent = 'csv' | 'csv.gz' | 'other'

/** A whole file's SHA-256 and the first reason its bytes are not all data (null when they are). */
export interface FileScan {
  readonly sha256: string
  readonly problem: FocalError | null
}

/** Callbacks of one scan. */
export interface ScanOptions {
  /** Called with the running count of bytes read. */
  onBytes?: (bytesRead: number) => void
  /** Called once, as soon as a problem is found, so a reader busy with the same file can be stopped. */
  onProblem?: () => void
  /**
   * Given each chunk of a CSV's text (decompressed for .csv.gz) until a problem is found:
   * reconciliation's second reader (source-totals.ts) reads the file through this scan, so
   * the file is read, and decompressed, once for both.
   */
  onText?: (chunk: Buffer) => void
}

/** Why a file's bytes are not all data, before it is worded for a person. */
type Finding =
  | TextFinding
  | { kind: 'truncated'; size: number }
  | { kind: 'trailing'; offset: number; size: number }
  | { kind: 'damaged'; zlibMessage: string }

const ADVICE = 'Download or export the file again; nothing was imported.'

/** Hashes the whole file and checks its bytes as `content`; read errors reject, bad bytes resolve as `problem`. */
export async function scanFile(
  path: string,
  fileName: string,
  content: ScanContent,
  options: ScanOptions = {},
): Promise<FileScan> {
  const hash = createHash('sha256')
  let finding: Finding | null = null
  const report = (found: Finding): void => {
    if (finding) return
    finding = found
    options.onProblem?.()
  }
  const text = new TextCheck(report)
  const toText = (chunk: Buffer): void => {
    text.push(chunk)
    if (!finding) options.onText?.(chunk)
  }
  const gzip = content === 'csv.gz' ? new GzipCheck(toText, report) : null
  let bytesRead = 0
  try {
    for await (const chunk of createReadStream(path, {
      highWaterMark: 1 << 20,
    }) as AsyncIterable<Buffer>) {
      hash.update(chunk)
      // Once something is wrong only the hash goes on: it identifies the refused bytes in the import log.
      if (!finding && gzip) await gzip.write(chunk)
      else if (!finding && content === 'csv') toText(chunk)
      bytesRead += chunk.length
      options.onBytes?.(bytesRead)
    }
    if (!finding && gzip) await gzip.finish(bytesRead)
    if (!finding && content !== 'other') text.end()
  } finally {
    gzip?.stop()
  }
  const sha256 = hash.digest('hex')
  return { sha256, problem: finding ? await describe(finding, path, fileName, content) : null }
}

/**
 * Decompresses beside the hash: zlib checks every member's CRC-32 and length
 * trailer and reads concatenated members, and its consumed-byte count shows
 * bytes after the last member, which it would otherwise drop in silence.
 */
class GzipCheck {
  private readonly gunzip = createGunzip()
  private readonly settled: Promise<void>
  /** Compressed bytes zlib used, known once it has read the last member. */
  private consumed: number | null = null
  private failed = false

  constructor(
    toText: (chunk: Buffer) => void,
    private readonly report: (found: Finding) => void,
  ) {
    this.gunzip.on('data', (chunk: Buffer) => toText(chunk))
    this.settled = new Promise((resolve) => {
      this.gunzip.on('end', () => {
        this.consumed = this.gunzip.bytesWritten
        resolve()
      })
      this.gunzip.on('error', (error: NodeJS.ErrnoException) => {
        this.failed = true
        // Z_BUF_ERROR at the end of input is zlib's "unexpected end of file": the trailer never came.
        report(
          error.code === 'Z_BUF_ERROR'
            ? { kind: 'truncated', size: this.gunzip.bytesWritten }
            : { kind: 'damaged', zlibMessage: error.message },
        )
        resolve()
      })
    })
  }

  async write(chunk: Buffer): Promise<void> {
    // After the last member zlib stops reading; finish reports the bytes left over.
    if (this.failed || this.consumed !== null) return
    if (!this.gunzip.write(chunk)) await Promise.race([once(this.gunzip, 'drain'), this.settled])
  }

  async finish(size: number): Promise<void> {
    this.gunzip.end()
    await this.settled
    if (this.consumed !== null && this.consumed < size)
      this.report({ kind: 'trailing', offset: this.consumed, size })
  }

  stop(): void {
    this.gunzip.destroy()
  }
}

async function describe(
  finding: Finding,
  path: string,
  fileName: string,
  content: ScanContent,
): Promise<FocalError> {
  const location = { file: fileName }
  switch (finding.kind) {
    case 'nul': {
      const line = await textLineAt(path, content === 'csv.gz', finding.textOffset)
      const text = content === 'csv.gz' ? ' of CSV text (after decompression)' : ''
      return {
        code: 'UNSUPPORTED_FORMAT',
        message: `${fileName}, line ${line}: after the first ${finding.textOffset} bytes${text} the file holds NUL bytes, not CSV text, so it is damaged or was not completely written.`,
        hint: ADVICE,
        location: { ...location, line },
        details: { byteOffset: finding.textOffset },
      }
    }
    case 'long-line': {
      const line = await textLineAt(path, content === 'csv.gz', finding.textOffset)
      return {
        code: 'BAD_ROW_SHAPE',
        message: `${fileName}, line ${line}: the line is longer than the ${MAX_LINE_BYTES} bytes a CSV line may have, so the file is damaged or a quote is never closed.`,
        hint: ADVICE,
        location: { ...location, line },
        details: { byteOffset: finding.textOffset },
      }
    }
    case 'truncated':
      return {
        code: 'UNSUPPORTED_FORMAT',
        message: `${fileName} is incomplete: its gzip data stops after ${finding.size} bytes without the end marker, so rows are missing.`,
        hint: 'Wait until the file is completely written, or download or export it again; nothing was imported.',
        location,
      }
    case 'trailing':
      return {
        code: 'UNSUPPORTED_FORMAT',
        message: `${fileName}: the last ${finding.size - finding.offset} bytes, after the first ${finding.offset}, follow the end of the gzip data and are not part of it.`,
        hint: ADVICE,
        location,
        details: { byteOffset: finding.offset },
      }
    case 'damaged':
      return {
        code: 'UNSUPPORTED_FORMAT',
        message: `${fileName}: the gzip data is damaged (${zlibReason(finding.zlibMessage)}).`,
        hint: ADVICE,
        location,
      }
  }
}

/** zlib's messages in words a person can use. */
function zlibReason(message: string): string {
  if (/incorrect data check|incorrect length check/.test(message))
    return 'its checksum does not match its content'
  if (/incorrect header check|unknown compression method/.test(message))
    return 'part of it is not gzip data'
  return 'it cannot be decompressed'
}
