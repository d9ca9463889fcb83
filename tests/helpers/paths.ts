/** Paths tests use: the shared sample data beside the project, and fresh temp folders. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..')

/** `../shared/data` beside the project root: real public billing samples. */
export const DATA = resolve(ROOT, '../shared/data')

/** A file under ../shared/data. */
export function sample(relative: string): string {
  return join(DATA, relative)
}

/** The temp folders `tempDir` made in this test file, removed after it (tests/temp-cleanup.ts). */
export const TEMP_DIRS = new Set<string>()

/** A new empty temp folder, removed when the test file ends. */
export function tempDir(prefix = 'focal-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  TEMP_DIRS.add(dir)
  return dir
}
