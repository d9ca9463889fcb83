/** Imports what a person handed Focal: one billing file, or a ZIP archive of them. */
import type { ImportRecord } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { importArchive, type ArchiveImportOptions } from './import-archive'
import { detectFileKind } from './file-kind'
import { importFile } from './import-file'

/** The records of the files imported, and the archive entries skipped as not billing files. */
export interface SourceImport {
  readonly records: ImportRecord[]
  readonly skipped: { fileName: string; reason: string }[]
}

/**
 * A ZIP is told by its first bytes, not its name, so a misnamed archive is
 * still opened; anything else goes to importFile, which reports it.
 */
export async function importSource(
  ws: Workspace,
  path: string,
  options: ArchiveImportOptions = {},
): Promise<SourceImport> {
  const kind = await detectFileKind(path).catch(() => 'unknown')
  if (kind === 'zip') {
    const { records, skipped } = await importArchive(ws, path, options)
    return { records, skipped }
  }
  return { records: [await importFile(ws, path, options)], skipped: [] }
}
