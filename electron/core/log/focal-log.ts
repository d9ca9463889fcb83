/**
 * Focal's local log (issue 11, Privacy): JSON lines in `<data>/logs/focal.log`, rotated at
 * 1 MB keeping three files. It says what the app did, never what the data holds: every event
 * has a fixed set of fields (names, counts, durations, codes), so no cost, account id or tag
 * value can reach it, and error texts are reduced before they are written (log-redact.ts).
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { redactLogText } from './log-redact'

/** The log file's name inside the logs folder; rotated copies end in `.1` and `.2`. */
export const LOG_FILE = 'focal.log'
/** A file is rotated once a line would take it past this many bytes. */
export const LOG_ROTATE_BYTES = 1024 * 1024
/** Files kept: the current one and two rotated. */
export const LOG_FILES_KEPT = 3

/** What the log records: each event with the only fields it may carry. */
export interface LogEvents {
  'app.start': { host: string; version: string }
  'app.stop': Record<string, never>
  'workspace.open': { workspace: string; readOnly: boolean }
  'workspace.close': { workspace: string }
  'workspace.saveAs': { workspace: string; copy: string }
  'import.start': { file: string }
  'import.finish': {
    file: string
    rows: number
    durationMs: number
    status: string
    errorCode: string | null
  }
  'report.export': { kind: string; period: string; durationMs: number; state: string }
  error: { code: string; message: string }
}

/** Where the log goes; null until a host names its data folder (tests that do not, log nothing). */
let folder: string | null = null

/** Starts logging into `<dataDir>/logs`. */
export function openLog(dataDir: string): void {
  folder = join(dataDir, 'logs')
  mkdirSync(folder, { recursive: true })
}

/** The folder the log is written to, or null when logging is off. */
export function logFolder(): string | null {
  return folder
}

/** Appends one event; a log that cannot be written never stops the app. */
export function logEvent<E extends keyof LogEvents>(event: E, fields: LogEvents[E]): void {
  if (!folder) return
  const clean = event === 'error' ? cleanError(fields as LogEvents['error']) : fields
  const line = `${JSON.stringify({ at: new Date().toISOString(), event, ...clean })}\n`
  try {
    const file = join(folder, LOG_FILE)
    if (existsSync(file) && statSync(file).size + Buffer.byteLength(line) > LOG_ROTATE_BYTES)
      rotate(folder)
    appendFileSync(file, line)
  } catch {
    // A full disk or a removed folder: the app goes on without its log.
  }
}

/** Logs a failure by its code and reduced message. */
export function logError(cause: unknown): void {
  const code =
    cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : 'INTERNAL'
  const message = cause instanceof Error ? cause.message : String(cause)
  logEvent('error', { code, message })
}

function cleanError(fields: LogEvents['error']): LogEvents['error'] {
  return { code: fields.code.slice(0, 64), message: redactLogText(fields.message) }
}

/** focal.log → .1 → .2; the oldest is dropped. */
function rotate(dir: string): void {
  const name = (n: number): string => join(dir, n === 0 ? LOG_FILE : `${LOG_FILE}.${n}`)
  rmSync(name(LOG_FILES_KEPT - 1), { force: true })
  for (let n = LOG_FILES_KEPT - 2; n >= 0; n -= 1)
    if (existsSync(name(n))) renameSync(name(n), name(n + 1))
}
