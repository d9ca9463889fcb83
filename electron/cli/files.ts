/** Expands the CLI's file and folder arguments into the billing files to import. */
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  isBillingFileName,
  isManifestFileName,
  isZipFileName,
} from '../core/ingest/billing-file-names'

/**
 * Files are taken as given (whatever their name, so a misnamed file still gets
 * a clear error); folders contribute their billing files (billing-file-names.ts),
 * recursively, in name order, and when `archives` is set (`focal import`) their
 * ZIP archives (opened by import-archive.ts) and AWS CUR manifests (read with
 * the parts they list: import-group.ts).
 */
export function expandInputs(inputs: readonly string[], archives = false): string[] {
  const files: string[] = []
  for (const input of inputs) {
    const path = resolve(input)
    let isDirectory = false
    try {
      isDirectory = statSync(path).isDirectory()
    } catch {
      files.push(path) // missing: importFile reports it with the file's name
      continue
    }
    if (!isDirectory) files.push(path)
    else files.push(...walk(path, archives))
  }
  return files
}

function walk(dir: string, archives: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return walk(path, archives)
      return entry.isFile() &&
        (isBillingFileName(entry.name) ||
          (archives && (isZipFileName(entry.name) || isManifestFileName(entry.name))))
        ? [path]
        : []
    })
}
