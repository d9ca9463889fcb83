/**
 * A workspace another process holds for writing, opened read-only as a snapshot (issue 11:
 * "a second window or process opening a workspace in use gets it read-only with a message,
 * never a corrupt file"). DuckDB lets one process hold a database file and refuses every other
 * open, even a read-only one, so the second opener copies the file (and its .wal, which holds
 * only committed transactions) into a private temp folder and opens the copy read-only: the
 * holder's file is only read, never locked or written. A copy taken while the holder
 * checkpoints can be torn; DuckDB's block checksums refuse it on open, and the copy is taken
 * again. The copy is removed when the snapshot closes.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { FocalFailure, fail } from '../../../shared/contract'

/** What a snapshot is of, for the message a person reads. */
export interface SnapshotInfo {
  /** The held workspace's file (kept in the core; only `of` and `message` are shown). */
  readonly path: string
  /** The held workspace's file name (never its folder). */
  readonly of: string
  /** When the copy was taken (ISO, UTC). */
  readonly takenAt: string
  /** The process holding the workspace, when DuckDB named it. */
  readonly heldBy: number | null
  /** The sentence the app and the CLI show. */
  readonly message: string
}

/** Copies taken before a torn one (a checkpoint under way) is given up on. */
const ATTEMPTS = 3

/** True when `cause` is DuckDB refusing a file another process holds (connect.ts). */
export function isLockedFailure(cause: unknown): cause is FocalFailure {
  return cause instanceof FocalFailure && cause.error.code === 'WORKSPACE_LOCKED'
}

/**
 * Opens a read-only copy of the held workspace at `path` with `open`, retrying a torn
 * copy; `onClose` of the opened workspace removes the copy.
 */
export async function openSnapshot<W extends { afterClose(cleanup: () => void): void }>(
  path: string,
  locked: FocalFailure,
  open: (copy: string) => Promise<W>,
): Promise<{ workspace: W; info: SnapshotInfo }> {
  const heldBy = Number(/process (\d+)/.exec(locked.error.message)?.[1]) || null
  let lastError: unknown = null
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'focal-snapshot-'))
    const copy = join(dir, basename(path))
    try {
      const takenAt = new Date().toISOString()
      copyFileSync(path, copy)
      if (existsSync(`${path}.wal`)) copyFileSync(`${path}.wal`, `${copy}.wal`)
      const workspace = await open(copy)
      workspace.afterClose(() => rmSync(dir, { recursive: true, force: true }))
      return { workspace, info: describe(path, takenAt, heldBy) }
    } catch (cause) {
      rmSync(dir, { recursive: true, force: true })
      // A newer format or a DuckDB file that is no workspace is that on every copy; a torn
      // copy is refused by DuckDB as "not a Focal workspace: <DuckDB's reason>" (connect.ts).
      const permanent =
        cause instanceof FocalFailure &&
        cause.error.code === 'WORKSPACE_INVALID' &&
        !/not a Focal workspace: /.test(cause.message)
      if (permanent) throw cause
      lastError = cause
    }
  }
  fail(
    'WORKSPACE_LOCKED',
    `${locked.error.message} A read-only copy could not be taken either: ${
      lastError instanceof Error ? lastError.message : String(lastError)
    }`,
    { hint: locked.error.hint ?? 'Close it there, then try again.' },
  )
}

function describe(path: string, takenAt: string, heldBy: number | null): SnapshotInfo {
  const of = basename(path)
  const time = `${takenAt.slice(0, 16).replace('T', ' ')} UTC`
  return {
    path,
    of,
    takenAt,
    heldBy,
    message:
      `${of} is open for writing in another Focal window or command${heldBy ? ` (process ${heldBy})` : ''}: ` +
      `opened read-only, as a snapshot of ${time}. Changes made there later are not shown, and ` +
      `nothing can be changed here; open it again once it is closed there to work on it.`,
  }
}
