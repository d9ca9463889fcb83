/**
 * The Recent list (issue 11): the last ten workspaces opened, kept in `recent.json` in the
 * app's data folder. It holds names, times and sizes only, never cost data; a workspace whose
 * file has gone is still listed, marked missing, until the person removes it.
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** How many workspaces the list keeps. */
export const RECENT_LIMIT = 10
/** The file's name in the data folder. */
export const RECENT_FILE = 'recent.json'

/** One workspace as the list stores it. */
interface StoredRecent {
  name: string
  openedAt: string
}

/** One workspace as the screen shows it. */
export interface RecentWorkspace extends StoredRecent {
  sizeBytes: number | null
  missing: boolean
}

function read(dataDir: string): StoredRecent[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dataDir, RECENT_FILE), 'utf8'))
    if (!Array.isArray(parsed)) return []
    return parsed
      .filter(
        (item): item is StoredRecent =>
          typeof item?.name === 'string' && typeof item?.openedAt === 'string',
      )
      .slice(0, RECENT_LIMIT)
  } catch {
    // No list yet, or one a crash cut short: start again rather than refuse to open.
    return []
  }
}

function write(dataDir: string, list: StoredRecent[]): void {
  const file = join(dataDir, RECENT_FILE)
  writeFileSync(`${file}.tmp`, `${JSON.stringify(list, null, 1)}\n`)
  renameSync(`${file}.tmp`, file)
}

/** Puts `name` first, opened now. */
export function recordRecent(dataDir: string, name: string, now = new Date()): void {
  const rest = read(dataDir).filter((item) => item.name !== name)
  write(dataDir, [{ name, openedAt: now.toISOString() }, ...rest].slice(0, RECENT_LIMIT))
}

/** Takes `name` off the list. */
export function forgetRecent(dataDir: string, name: string): void {
  write(
    dataDir,
    read(dataDir).filter((item) => item.name !== name),
  )
}

/** The list, newest first, each with its file's size or marked missing. */
export function listRecent(dataDir: string, workspacesDir: string): RecentWorkspace[] {
  return read(dataDir).map((item) => {
    const path = join(workspacesDir, `${item.name}.focal`)
    const present = existsSync(path)
    return { ...item, sizeBytes: present ? statSync(path).size : null, missing: !present }
  })
}
