/**
 * Results, not throws, across process boundaries (CONVENTIONS.md #5). Error
 * codes are an enum the UI turns into a helpful sentence.
 */
import { z } from '../zod'

/** Every error Focal reports across a boundary. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'NO_WORKSPACE',
  'WORKSPACE_LOCKED',
  'WORKSPACE_INVALID',
  'EMPTY_FILE',
  'NO_ROWS',
  'UNSUPPORTED_FORMAT',
  'BAD_ARCHIVE',
  'MISSING_COLUMNS',
  'DUPLICATE_COLUMNS',
  'BAD_MAPPING',
  'BAD_VALUE',
  'BAD_ROW_SHAPE',
  'INVALID_UTF8',
  'FILE_CHANGED',
  'DUPLICATE_FILE',
  'OVERLAP',
  'BAD_MANIFEST',
  'INCOMPLETE_DELIVERY',
  'MANIFEST_MISMATCH',
  'AZURE_COST_VIEW',
  'RECONCILIATION_FAILED',
  'PERIOD_CLOSED',
  'FX_RATE_MISSING',
  'CANCELLED',
  'QUERY_REFUSED',
  'QUERY_FAILED',
  'IO_ERROR',
  /** The disk holding the workspace filled up during a write; nothing of that write was kept. */
  'DISK_FULL',
  'WRONG_PASSPHRASE',
  'FILE_TAMPERED',
  'INTERNAL',
] as const

/** One of ERROR_CODES. */
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Where in a source file a problem is: file name, 1-based data row and line, column. */
export const ErrorLocationSchema = z.object({
  file: z.string().optional(),
  row: z.number().int().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
  /** 'schema': the problem is in the columns of a Parquet or JSON-lines file, which has no lines to point at. */
  part: z.enum(['schema']).optional(),
})
/** Location of an error in a source file. */
export type ErrorLocation = z.infer<typeof ErrorLocationSchema>

/** An error as it crosses a boundary: code, a sentence for people, what to do, where. */
export const FocalErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  hint: z.string().optional(),
  location: ErrorLocationSchema.optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})
/** A Focal error value. */
export type FocalError = z.infer<typeof FocalErrorSchema>

/** Success or a Focal error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: FocalError }

/** An exception that carries a FocalError; thrown inside a process, turned into a Result at its edge. */
export class FocalFailure extends Error {
  readonly error: FocalError
  constructor(error: FocalError) {
    super(error.message)
    this.name = 'FocalFailure'
    this.error = error
  }
}

/** Throws a FocalFailure. */
export function fail(
  code: ErrorCode,
  message: string,
  extra: Omit<FocalError, 'code' | 'message'> = {},
): never {
  throw new FocalFailure({ code, message, ...extra })
}

/** Turns anything thrown into a FocalError (unknown errors become INTERNAL with their message). */
export function toFocalError(cause: unknown): FocalError {
  if (cause instanceof FocalFailure) return cause.error
  const message = cause instanceof Error ? cause.message : String(cause)
  return { code: 'INTERNAL', message }
}

/** One sentence a person can act on, for each code, used when a message has no hint. */
export const ERROR_ADVICE: Readonly<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'The request was malformed; this is a bug in the caller.',
  NOT_FOUND: 'Check the name and try again.',
  NO_WORKSPACE: 'Create or open a workspace first.',
  WORKSPACE_LOCKED:
    'Close the other Focal window or command that holds this workspace, then retry.',
  WORKSPACE_INVALID: 'Open a file created by Focal (a .focal workspace).',
  EMPTY_FILE: 'The file has no bytes; export it again from the billing console.',
  NO_ROWS: 'The file has a header but no rows; there is nothing to import.',
  UNSUPPORTED_FORMAT: 'Focal imports CSV, CSV.gz and Parquet billing exports.',
  BAD_ARCHIVE:
    'The ZIP archive was refused before anything was imported from it; unzip it with a tool you trust and import the billing files inside.',
  MISSING_COLUMNS: 'Export the file with FOCUS columns, or choose the matching native format.',
  DUPLICATE_COLUMNS:
    'Remove or rename the repeated column in the header line, then import the file again.',
  BAD_MAPPING:
    'Fix the column mapping as the message says (or make it again on the mapping screen), then import again.',
  BAD_VALUE: 'Fix the value in the source file and import it again.',
  BAD_ROW_SHAPE: 'Every row must have as many fields as the header; fix the row or re-export.',
  INVALID_UTF8: 'Save the file as UTF-8 and import it again.',
  FILE_CHANGED: 'The file changed while Focal was reading it; wait until it is fully written.',
  DUPLICATE_FILE: 'This exact file is already in the workspace; nothing was added.',
  OVERLAP:
    'Choose what to do with the billing periods already imported: supersede them with this file, keep both, or skip this file (focal import --on-overlap supersede|keep-both|skip).',
  AZURE_COST_VIEW:
    'Say whether the file is the actual or the amortized cost export, then import it again (focal import --azure-cost-view actual|amortized).',
  BAD_MANIFEST:
    'The AWS CUR manifest could not be read; download it again from the report folder AWS wrote it to.',
  INCOMPLETE_DELIVERY:
    'Add the missing parts of the CUR delivery and import the folder again, or import it as it is with focal import --allow-incomplete.',
  MANIFEST_MISMATCH:
    'A part of the CUR delivery does not have the columns its manifest lists; download the delivery again.',
  RECONCILIATION_FAILED: 'Totals after import did not match the file; nothing was stored.',
  PERIOD_CLOSED:
    'The month is closed, so its figures cannot change; reopen it with a note (focal reopen --period YYYY-MM --note "<why>"), then import again.',
  FX_RATE_MISSING:
    'Import the missing exchange rate (focal fx import <rates.csv>), then run the report again.',
  CANCELLED: 'The operation was cancelled; nothing was changed.',
  QUERY_REFUSED: 'Only read-only SELECT queries are allowed.',
  QUERY_FAILED: 'Check the query and try again.',
  IO_ERROR: 'Check that the file exists and can be read.',
  DISK_FULL:
    'Free space on the disk that holds the workspace (or move the workspace to a disk with more room), then try again; nothing of the failed write was kept.',
  WRONG_PASSPHRASE:
    'Type the passphrase the file was encrypted with; Focal never stores it, so a forgotten one cannot be recovered.',
  FILE_TAMPERED: 'The encrypted file was damaged or altered; copy it again from where it was made.',
  INTERNAL: 'Something unexpected happened; the workspace was left as it was.',
}
