/**
 * Turns DuckDB's reader errors into Focal errors that name the file, the line
 * and what to do. DuckDB's CSV errors carry "CSV Error on Line: N" and a reason.
 */
import { fail, FocalFailure, type FocalError } from '../../../shared/contract'

/** Maps an error thrown while DuckDB read `fileName` to a FocalError. */
export function describeReadError(cause: unknown, fileName: string): FocalError {
  if (cause instanceof FocalFailure) return cause.error
  const message = cause instanceof Error ? cause.message : String(cause)
  if (/INTERRUPT/i.test(message)) {
    return { code: 'CANCELLED', message: `Import of ${fileName} was cancelled; nothing was added.` }
  }
  const line = Number(/CSV Error on Line: (\d+)/.exec(message)?.[1]) || undefined
  const location = { file: fileName, ...(line ? { line } : {}) }
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
  if (/No magic bytes|not a parquet file|Invalid Input Error: .*parquet/i.test(message)) {
    return {
      code: 'UNSUPPORTED_FORMAT',
      message: `${fileName} is not a readable Parquet file: ${firstLine(message)}`,
      location,
    }
  }
  if (/gzip|zlib|decompress/i.test(message)) {
    return {
      code: 'UNSUPPORTED_FORMAT',
      message: `${fileName}: the gzip data is damaged (${firstLine(message)}).`,
      location,
    }
  }
  return {
    code: 'IO_ERROR',
    message: `${fileName}${line ? `, line ${line}` : ''}: ${firstLine(message)}`,
    location,
  }
}

/** Throws the FocalError describing `cause`. */
export function failRead(cause: unknown, fileName: string): never {
  const error = describeReadError(cause, fileName)
  return fail(error.code, error.message, {
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.location ? { location: error.location } : {}),
  })
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/^[A-Za-z ]+Error: /, '')
}
