/**
 * Imports a ZIP archive of billing exports: every billing file inside (nested
 * folders too) is its own import, named `<archive>.zip/<inner path>`, with its
 * own SHA-256, delivery identity and reconciliation (import-file.ts), so the
 * parts of a month split into many files add up and a file already imported
 * on its own is "already imported". An AWS CUR manifest inside makes the parts
 * it lists one delivery (import-group.ts, cur-delivery.ts). The archive is vetted whole before
 * anything is extracted (zip-archive.ts); a refused archive is one failed
 * attempt in the registry, with the archive's SHA-256, and no rows.
 */
import { rm, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ImportRecord } from '../../../shared/contract'
import { FocalFailure, toFocalError } from '../../../shared/contract'
import { recordAttempt, type Attempt } from '../workspace/imports-registry'
import type { Workspace } from '../workspace/workspace'
import { sha256File } from './hash'
import type { DeliveryOptions } from './cur-delivery'
import { importFile } from './import-file'
import { importGroup } from './import-group'
import { extractArchive, type ArchiveLimits, type SkippedEntry } from './zip-archive'

/** Options of an archive import: those of each file's import, plus the archive's limits. */
export interface ArchiveImportOptions extends DeliveryOptions {
  /** Zip-bomb limits (tests set them low); defaults in zip-archive.ts. */
  limits?: Partial<ArchiveLimits>
  /** Where the private extraction folder is made; the system temp folder by default. */
  tempRoot?: string
}

/** The outcome of an archive import. */
export interface ArchiveImport {
  /** The archive's own identity (recorded in the audit log with the imports it made). */
  readonly archive: { fileName: string; sha256: string; sizeBytes: number }
  /** One record per billing file, or the one failed record of a refused archive. */
  readonly records: ImportRecord[]
  /** Files inside that are not billing files, as `<archive>.zip/<inner path>` with the reason. */
  readonly skipped: { fileName: string; reason: string }[]
}

/** Imports each billing file in the ZIP at `path`; never throws for bad input. */
export async function importArchive(
  ws: Workspace,
  path: string,
  options: ArchiveImportOptions = {},
): Promise<ArchiveImport> {
  const { limits, tempRoot, ...importOptions } = options
  const fileName = options.displayName ?? basename(path)
  const startedAt = new Date()
  const [sha256, sizeBytes] = await Promise.all([
    sha256File(path).catch(() => ''),
    stat(path).then(
      (s) => s.size,
      () => 0,
    ),
  ])
  const archive = { fileName, sha256, sizeBytes }
  let dir: string | null = null
  try {
    const extracted = await extractArchive(path, fileName, {
      limits,
      tempRoot,
      signal: options.signal,
      onDir: (made) => {
        dir = made
      },
    })
    const group = await importGroup(
      ws,
      extracted.files.map((file) => ({
        path: file.path,
        displayName: `${fileName}/${file.innerPath}`,
        relativePath: file.innerPath,
      })),
      importOptions,
      async (file) => [
        await importFile(ws, file.path, { ...importOptions, displayName: file.displayName }),
      ],
    )
    const { records } = group
    const skipped = [
      ...extracted.skipped.map((entry: SkippedEntry) => ({
        fileName: `${fileName}/${entry.innerPath}`,
        reason: entry.reason,
      })),
      ...group.skipped,
    ]
    await ws.audit('import.archive', fileName, {
      sha256,
      sizeBytes,
      importIds: records.map((r) => r.id),
      skipped,
    })
    return { archive, records, skipped }
  } catch (cause) {
    if (!(cause instanceof FocalFailure)) throw cause
    const attempt: Attempt = {
      fileName,
      sourcePath: path,
      sha256,
      sizeBytes,
      format: 'zip',
      focusVersion: null,
      startedAt,
    }
    const error = toFocalError(cause)
    const record = await recordAttempt(ws, attempt, {
      status: error.code === 'CANCELLED' ? 'cancelled' : 'failed',
      error,
    })
    return { archive, records: [record], skipped: [] }
  } finally {
    // The extracted copies are Focal's own; they go whatever happened.
    if (dir !== null) await rm(dir, { recursive: true, force: true })
  }
}
