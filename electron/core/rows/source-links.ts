/**
 * Where this session found each source file, by SHA-256. Kept in memory only: the workspace
 * stores display names, never absolute paths (redact-path.ts), so a link lasts until the app
 * or the CLI command ends, and the user points at the folder again next time.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256File } from '../ingest/hash'

/** Files looked at per folder search, at most: a folder of a whole drive is not searched. */
const MAX_ENTRIES = 200_000

/** The session's folders and the files found in them. */
export class SourceLinks {
  private readonly folders: string[] = []
  private readonly found = new Map<string, { path: string; size: number; mtimeMs: number }>()

  /** Adds a folder the user chose (newest first). */
  addFolder(folder: string): void {
    if (!this.folders.includes(folder)) this.folders.unshift(folder)
  }

  /** The path of a file with this SHA-256 and size in a chosen folder, or null. */
  async find(sha256: string, sizeBytes: number): Promise<string | null> {
    // A file hashed once this session is trusted while its size and modification time hold,
    // so a second "Show in source" does not read a large export again.
    const known = this.found.get(sha256)
    if (known) {
      const now = await stat(known.path).catch(() => null)
      if (now?.isFile() && now.size === known.size && now.mtimeMs === known.mtimeMs)
        return known.path
      this.found.delete(sha256)
    }
    for (const folder of this.folders) {
      for (const path of await filesOfSize(folder, sizeBytes)) {
        // Size first: hashing reads the whole file, and most files differ in size.
        const before = await stat(path).catch(() => null)
        if (!before || (await sha256File(path).catch(() => '')) !== sha256) continue
        this.found.set(sha256, { path, size: before.size, mtimeMs: before.mtimeMs })
        return path
      }
    }
    return null
  }
}

async function sizeOf(path: string): Promise<number | null> {
  return stat(path).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  )
}

/** Regular files of `size` bytes under `folder`, at any depth. */
async function filesOfSize(folder: string, size: number): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])
  const matches: string[] = []
  for (const entry of entries.slice(0, MAX_ENTRIES)) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    if ((await sizeOf(path)) === size) matches.push(path)
  }
  return matches
}
