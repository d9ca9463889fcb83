/** Expands the CLI's file and folder arguments into the billing files to import. */
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const IMPORTABLE = /\.(csv|csv\.gz|parquet)$/i

/**
 * Files are taken as given (whatever their name, so a misnamed file still gets
 * a clear error); folders contribute their CSV, CSV.gz and Parquet files,
 * recursively, in name order.
 */
export function expandInputs(inputs: readonly string[]): string[] {
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
    else files.push(...walk(path))
  }
  return files
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return walk(path)
      return entry.isFile() && IMPORTABLE.test(entry.name) ? [path] : []
    })
}
