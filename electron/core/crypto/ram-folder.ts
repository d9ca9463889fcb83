/**
 * Where a sealed workspace's plaintext lives while it is open: a private folder on a RAM-backed
 * file system (tmpfs), never on the disk. Linux has one at /dev/shm; elsewhere (or to choose
 * another) FOCAL_RAM_DIR names a RAM disk. A folder that is not tmpfs is refused, because the
 * whole point is that the disk never holds the plaintext.
 */
import { mkdtempSync, statfsSync } from 'node:fs'
import { join } from 'node:path'
import { fail } from '../../../shared/contract'
import { removeStaleFolders } from '../db/file-gate'

/** The environment variable naming a RAM-backed folder for sealed sessions. */
export const RAM_DIR_VARIABLE = 'FOCAL_RAM_DIR'

/** tmpfs's file-system type (linux/magic.h TMPFS_MAGIC); ramfs is 0x858458f6. */
const RAM_TYPES = new Set([0x01021994, 0x858458f6])

/** The prefix of session folders, `<prefix><pid>-<random>`, so a later run can clear a dead one's. */
const PREFIX = 'focal-sealed-'

/** The RAM-backed root: FOCAL_RAM_DIR, else /dev/shm; refused when it is not in RAM. */
export function ramRoot(): string {
  const root = process.env[RAM_DIR_VARIABLE] || '/dev/shm'
  let type: number
  try {
    type = statfsSync(root).type
  } catch {
    type = -1
  }
  if (!RAM_TYPES.has(type))
    fail(
      'BAD_REQUEST',
      'No RAM-backed folder for a sealed workspace: it would be decrypted to disk.',
      {
        hint: `Set ${RAM_DIR_VARIABLE} to a RAM disk (tmpfs), or use focal encrypt / decrypt to carry the workspace instead.`,
      },
    )
  return root
}

/**
 * A new owner-only session folder in RAM. Folders of sessions whose process died (a crash) are
 * removed first, so their plaintext does not stay in memory until the next reboot.
 */
export function makeSessionFolder(): string {
  const root = ramRoot()
  removeStaleFolders(root, PREFIX)
  return mkdtempSync(join(root, `${PREFIX}${process.pid}-`))
}
