/**
 * The two refusals an import makes before commit, wherever it reads the file: bytes the
 * scan found damaged (file-integrity.ts) and a file already imported (same SHA-256).
 */
import { FocalFailure, fail } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { findImportBySha, type Attempt } from '../workspace/imports-registry'
import type { FileScan } from './file-integrity'

/** Fails with DUPLICATE_FILE when a file with the attempt's SHA-256 is already imported. */
export async function refuseDuplicate(ws: Workspace, attempt: Attempt): Promise<void> {
  const duplicate = await findImportBySha(ws, attempt.sha256)
  if (duplicate) {
    fail(
      'DUPLICATE_FILE',
      `${attempt.fileName} is already imported (same SHA-256 as import #${duplicate.id}, ${duplicate.fileName}); nothing was added.`,
      {
        details: { importId: duplicate.id },
      },
    )
  }
}

/** Records the scanned file's hash and fails with the scan's problem, if it found one. */
export async function refuseDamaged(scanning: Promise<FileScan>, attempt: Attempt): Promise<void> {
  const scan = await scanning
  attempt.sha256 = scan.sha256
  if (scan.problem) throw new FocalFailure(scan.problem)
}
