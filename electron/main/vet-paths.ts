/**
 * Checks the paths of a drop (or a dialog) before main hands them to the
 * engine (DESIGN.md, Settled details: Files from the renderer): each must be
 * an absolute path to a regular file this user can read. Folders, devices,
 * FIFOs, sockets and dangling or folder-pointing symlinks are rejected.
 */
import { constants } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'

/** A path that passed, with what the engine needs to stage it. */
export interface VettedFile {
  path: string
  name: string
  sizeBytes: number
}

/** A path that did not pass, and why, in words a person can act on. */
export interface RejectedPath {
  path: string
  name: string
  reason: 'not-absolute' | 'missing' | 'not-a-file' | 'unreadable'
}

/** The outcome of vetting a list of paths. */
export interface VetResult {
  ok: VettedFile[]
  rejected: RejectedPath[]
}

async function vetOne(path: string): Promise<VettedFile | RejectedPath> {
  const name = basename(path)
  if (!isAbsolute(path) || path.includes('\0')) return { path, name, reason: 'not-absolute' }
  let info
  try {
    // stat follows symlinks: a link to a regular file passes, a link to a folder does not.
    info = await stat(path)
  } catch {
    return { path, name, reason: 'missing' }
  }
  if (!info.isFile()) return { path, name, reason: 'not-a-file' }
  try {
    // Opening proves readability better than access(), which ignores some ACLs.
    // O_NONBLOCK guards against the path having become a FIFO since the stat.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    await handle.close()
  } catch {
    return { path, name, reason: 'unreadable' }
  }
  return { path, name, sizeBytes: info.size }
}

/** Vets every path (duplicates once); the order of `ok` follows the input. */
export async function vetDroppedPaths(paths: readonly string[]): Promise<VetResult> {
  const outcomes = await Promise.all([...new Set(paths)].map(vetOne))
  const result: VetResult = { ok: [], rejected: [] }
  for (const outcome of outcomes) {
    if ('reason' in outcome) result.rejected.push(outcome)
    else result.ok.push(outcome)
  }
  return result
}

/** One sentence naming what was rejected, for the error the UI shows. */
export function describeRejected(rejected: readonly RejectedPath[]): string {
  const why: Record<RejectedPath['reason'], string> = {
    'not-absolute': 'is not a file on this computer',
    missing: 'no longer exists',
    'not-a-file': 'is not a regular file (folders cannot be imported this way)',
    unreadable: 'cannot be read',
  }
  return rejected.map((r) => `${r.name} ${why[r.reason]}`).join('; ') + '.'
}
