/** One input of `focal validate`: a ZIP is opened and each billing file inside validated, any other file validated as it is. */
import { basename } from 'node:path'
import { detectFileKind } from '../ingest/file-kind'
import { isManifestFileName } from '../ingest/billing-file-names'
import { MANIFEST_SKIPPED, validateArchive, type SourceValidation } from './validate-archive'
import { validateFile } from './validate-file'

/** Validates the file at `path`, shown as `fileName`, by its content (a ZIP by its first bytes, as import tells it). */
export async function validateSource(
  path: string,
  fileName = basename(path),
): Promise<SourceValidation> {
  if (isManifestFileName(fileName))
    return { validations: [], skipped: [{ fileName, reason: MANIFEST_SKIPPED }] }
  // A file that cannot be opened is reported by validateFile, with its name.
  const kind = await detectFileKind(path).catch(() => 'unknown')
  if (kind === 'zip') return validateArchive(path, fileName)
  return { validations: [await validateFile(path, fileName)], skipped: [] }
}
