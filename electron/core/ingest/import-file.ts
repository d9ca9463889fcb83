/**
 * Imports one billing file into a workspace (DESIGN.md, Ingest → normalize →
 * validate → store): detect, read with DuckDB, check values, normalize to
 * FOCUS 1.4, reconcile totals, commit — all of the file or none of it. Every
 * attempt, failed or not, is recorded in the import registry.
 */
import { basename } from 'node:path'
import type { ImportRecord } from '../../../shared/contract'
import { FocalFailure, fail, type FocalError } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { beginAttempt, recordAttempt, type Attempt } from '../workspace/imports-registry'
import { diskFullError, isDatabaseInvalidated, isDiskFull } from './duckdb-errors'
import { sha256File } from './hash'
import type { ImportOptions } from './import-options'
import { runImport } from './run-import'
import { TypedReadFailed } from './store-rows'
import { refreshRollups } from '../query/rollup'
import { settlePendingFingerprints } from './pending-fingerprints'
import { embedSource, embedsSources } from '../sources/embed-source'

/** Imports a file; never throws for bad input — the returned record carries status and error. */
export async function importFile(
  ws: Workspace,
  path: string,
  options: ImportOptions = {},
): Promise<ImportRecord> {
  const fileName = options.displayName ?? basename(path)
  const attempt: Attempt = {
    fileName,
    sourcePath: path,
    sha256: '',
    sizeBytes: 0,
    format: 'unknown',
    focusVersion: null,
    startedAt: new Date(),
  }
  // Committed before any work: a kill mid-import leaves this "running" row for the next open to mark.
  await beginAttempt(ws, attempt).catch((cause: unknown) => failBeforeStart(ws, cause, fileName))
  if (options.embedSource ?? (await embedsSources(ws))) {
    const { beforeReconcile } = options
    options = {
      ...options,
      beforeReconcile: async (importId) => {
        await embedSource(ws, importId, path, fileName)
        await beforeReconcile?.(importId)
      },
    }
  }
  try {
    const record = await runImport(
      ws,
      path,
      fileName,
      attempt,
      options,
      options.typedRead ?? true,
    ).catch((cause: unknown) => {
      if (!(cause instanceof TypedReadFailed)) throw cause
      // A value that does not convert, or a row DuckDB refuses: the text stage names the row and column.
      return runImport(ws, path, fileName, attempt, options, false)
    })
    // The delivery's pending fingerprints were computed right after its commit, in the same
    // writer turn (store-rows.ts). The pivot rollups follow the rows this import added or
    // superseded (query/rollup.ts).
    if (record.status === 'imported' && options.rollups !== false) await refreshRollups(ws)
    return record
  } catch (cause) {
    const error = toImportError(cause, fileName)
    // A failed checkpoint (a full disk) invalidates DuckDB's database: open it again so the
    // attempt is recorded as failed, with its reason, and the workspace stays usable.
    if (isDatabaseInvalidated(cause)) await ws.restart()
    // Record the failed file's identity too, so the registry says exactly which bytes were refused.
    if (!attempt.sha256 && attempt.sizeBytes > 0)
      attempt.sha256 = await sha256File(path).catch(() => '')
    const status =
      error.code === 'CANCELLED'
        ? 'cancelled'
        : error.code === 'DUPLICATE_FILE'
          ? 'duplicate'
          : error.code === 'OVERLAP' && error.details?.skipped === true
            ? 'skipped'
            : 'failed'
    const record = await recordAttempt(ws, attempt, { status, error })
    // A refused import that compared fingerprints computed them in the transaction it rolled back.
    await settlePendingFingerprints(ws).catch(() => undefined)
    return record
  }
}

/**
 * A disk too full to record even the attempt: nothing can be written, so the import
 * fails with DISK_FULL (the workspace opened again if DuckDB invalidated it) and no record.
 */
async function failBeforeStart(ws: Workspace, cause: unknown, fileName: string): Promise<never> {
  if (!isDiskFull(cause)) throw cause
  if (isDatabaseInvalidated(cause)) await ws.restart()
  const { code, message, ...extra } = diskFullError(fileName)
  return fail(code, `${message} Not even the attempt could be recorded.`, extra)
}

function toImportError(cause: unknown, fileName: string): FocalError {
  if (cause instanceof FocalFailure) return cause.error
  const message = cause instanceof Error ? cause.message : String(cause)
  if (/INTERRUPT/i.test(message))
    return { code: 'CANCELLED', message: `Import of ${fileName} was cancelled; nothing was added.` }
  if (isDiskFull(cause)) return diskFullError(fileName)
  return {
    code: 'INTERNAL',
    message: `${fileName}: ${message.split('\n')[0]}`,
    location: { file: fileName },
  }
}
