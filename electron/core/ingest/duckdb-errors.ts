/**
 * Turns DuckDB's reader errors into Focal errors that name the file, the line
 * and what to do. DuckDB's CSV errors carry "CSV Error on Line: N" and a
 * reason on a later line, followed by advice about DuckDB's own options
 * (strict_mode, parallel, max_line_size) that a Focal user cannot set, so
 * DuckDB's wording is kept in `details.reader` for support, never in the message.
 */
import { fail, FocalFailure, type FocalError } from '../../../shared/contract'

/**
 * True when DuckDB refused a CSV's content (a row, a quote, the file's
 * layout), as opposed to being interrupted or failing to open it.
 */
export function isCsvContentError(cause: unknown): boolean {
  return /CSV Error on Line|Parallel CSV Reader|parallel scanner|state machine reached an invalid state/i.test(
    messageOf(cause),
  )
}

/**
 * True when a write failed for want of disk space: DuckDB says "No space left on device"
 * (its file, WAL or checkpoint writes), Node says ENOSPC (the gate folder's copy of a source).
 */
export function isDiskFull(cause: unknown): boolean {
  return /No space left on device|ENOSPC|disk is full/i.test(messageOf(cause))
}

/**
 * True when DuckDB has invalidated the database after a fatal error (a failed
 * checkpoint, say): it refuses every statement until the file is opened again.
 */
export function isDatabaseInvalidated(cause: unknown): boolean {
  return /database has been invalidated|FATAL Error/i.test(messageOf(cause))
}

/** The error for an import of `fileName` stopped because the workspace's disk is full. */
export function diskFullError(fileName: string): FocalError {
  return {
    code: 'DISK_FULL',
    message: `${fileName} was not imported: the disk holding the workspace is full. Nothing of it was stored; the workspace is as it was before.`,
    hint: 'Free space on that disk (an import needs room for its rows, about the size of the file, or several times that for a compressed one), or move the workspace to a disk with more room, then import the file again.',
    location: { file: fileName },
  }
}

/** Maps an error thrown while DuckDB read `fileName` to a FocalError. */
export function describeReadError(cause: unknown, fileName: string): FocalError {
  if (cause instanceof FocalFailure) return cause.error
  if (isDiskFull(cause)) return diskFullError(fileName)
  const message = messageOf(cause)
  if (/INTERRUPT/i.test(message)) {
    return { code: 'CANCELLED', message: `Import of ${fileName} was cancelled; nothing was added.` }
  }
  const line = Number(/CSV Error on Line: (\d+)/.exec(message)?.[1]) || undefined
  const location = { file: fileName, ...(line ? { line } : {}) }
  const at = `${fileName}${line ? `, line ${line}` : ''}`
  const details = { reader: readerReason(message, fileName) }
  const shape = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message)
  if (shape) {
    const [, expected, found] = shape
    const kind = Number(found) < Number(expected) ? 'too few' : 'too many'
    return {
      code: 'BAD_ROW_SHAPE',
      message: `${fileName}, line ${line ?? '?'}: ${kind} fields (${found}, the header has ${expected}).`,
      hint: 'Every row must have as many fields as the header. Fix that line or export the file again.',
      location,
    }
  }
  if (/Invalid unicode|not utf-8 encoded/i.test(message)) {
    return {
      code: 'INVALID_UTF8',
      message: `${fileName}, line ${line ?? '?'}: the bytes are not valid UTF-8.`,
      hint: 'Save or export the file as UTF-8 and import it again.',
      location,
    }
  }
  if (/unterminated quote/i.test(message)) {
    return {
      code: 'BAD_ROW_SHAPE',
      message: `${fileName}, line ${line ?? '?'}: a quoted value is never closed.`,
      hint: 'Close the quote on that line or export the file again.',
      location,
    }
  }
  const long = /Maximum line size of (\d+) bytes exceeded\. Actual Size: ?(\d+)/.exec(message)
  if (long) {
    const [, limit, size] = long
    return {
      code: 'BAD_ROW_SHAPE',
      message: `${at}: the line is longer than the ${limit} bytes a CSV line may have (${size} bytes), so the file is damaged or a quote is never closed.`,
      hint: 'Fix that line or export the file again; nothing was imported.',
      location,
      details,
    }
  }
  if (
    /Parallel CSV Reader|parallel scanner|state machine reached an invalid state/i.test(message)
  ) {
    return {
      code: 'BAD_ROW_SHAPE',
      message: `${at}: the file cannot be split into CSV rows; a stray quote or carriage return, or line breaks of more than one kind, usually cause this.`,
      hint: 'Export the file again as standard CSV (RFC 4180, one kind of line break); nothing was imported.',
      location,
      details,
    }
  }
  if (/No magic bytes|not a parquet file|Invalid Input Error: .*parquet/i.test(message)) {
    return {
      code: 'UNSUPPORTED_FORMAT',
      message: `${fileName} is not a readable Parquet file: it is damaged or incomplete.`,
      hint: 'Export the file again; nothing was imported.',
      location,
      details,
    }
  }
  if (/gzip|zlib|decompress/i.test(message)) {
    return {
      code: 'UNSUPPORTED_FORMAT',
      message: `${fileName}: the gzip data is damaged.`,
      hint: 'Download or export the file again; nothing was imported.',
      location,
      details,
    }
  }
  if (line) {
    return {
      code: 'BAD_ROW_SHAPE',
      message: `${at}: the line cannot be read as CSV.`,
      hint: 'Fix that line or export the file again; nothing was imported.',
      location,
      details,
    }
  }
  return {
    code: 'IO_ERROR',
    message: `${fileName}: ${readerReason(message, fileName)}`,
    location,
  }
}

/** Throws the FocalError describing `cause`. */
export function failRead(cause: unknown, fileName: string): never {
  const { code, message, ...extra } = describeReadError(cause, fileName)
  return fail(code, message, extra)
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

/**
 * DuckDB's reason in one line: the line after "CSV Error on Line" and the
 * quoted source line, else the first line; its error class and any quoted
 * absolute path (DuckDB names the file by its full path) replaced by the file's name.
 */
function readerReason(message: string, fileName: string): string {
  const lines = message.split('\n').map((l) => l.trim())
  const reason = /CSV Error on Line/.test(lines[0] ?? '')
    ? lines.slice(1).find((l) => l !== '' && !l.startsWith('Original Line:'))
    : lines[0]
  return (reason ?? message)
    .replace(/^[A-Za-z ]+Error: /, '')
    .replace(/(["'])(?:\/|[A-Za-z]:\\)[^"']*\1/g, fileName)
}
