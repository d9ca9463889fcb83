/**
 * `focal encrypt` / `focal decrypt` on workspaces: a consultant carries a client's workspace as
 * one encrypted file (carry-file.ts). The workspace is closed first, which checkpoints its .wal
 * into the .focal file, so the file alone is the whole workspace; an open workspace (another
 * window holds its lock) is refused as WORKSPACE_LOCKED.
 */
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { fail, FocalFailure } from '../../../shared/contract'
import { openDatabase, type OpenDatabase } from '../db/connect'
import { Workspace } from '../workspace/workspace'
import { DEFAULT_CHUNK_BYTES, DEFAULT_KDF, type KdfParams } from './carry-header'
import { decryptFile, encryptFile, refuseExisting, type CarryResult } from './carry-file'

/** What an encryption or decryption did, for the CLI and the app. */
export interface CarrySummary extends CarryResult {
  /** The written file's display name. */
  readonly file: string
}

/**
 * Logs `workspace.encrypt` in the workspace's audit chain (the output's name, never its path),
 * closes the workspace, then encrypts its file into `out`.
 */
export async function encryptWorkspace(
  workspacePath: string,
  out: string,
  passphrase: string,
  options: { force?: boolean; kdf?: KdfParams; chunkBytes?: number } = {},
): Promise<CarrySummary> {
  if (resolve(out) === resolve(workspacePath))
    fail('BAD_REQUEST', 'The encrypted file cannot replace the workspace it is made from.', {
      hint: 'Choose another --out, e.g. the workspace name with .focal.enc.',
    })
  refuseExisting(out, options.force)
  const kdf = options.kdf ?? DEFAULT_KDF
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES
  const ws = await Workspace.open(workspacePath)
  try {
    await ws.audit('workspace.encrypt', ws.name, {
      file: basename(out),
      cipher: 'AES-256-GCM',
      kdf: { name: 'scrypt', N: 2 ** kdf.log2N, r: kdf.r, p: kdf.p },
      chunkBytes,
    })
  } finally {
    await ws.close()
  }
  // The close checkpoints; a .wal left beside the file would hold changes the copy lacks.
  if (existsSync(`${workspacePath}.wal`))
    fail('INTERNAL', `${basename(workspacePath)} still has unsaved changes in its .wal file.`, {
      hint: 'Open the workspace in Focal once and close it, then encrypt again.',
    })
  const result = await encryptFile(workspacePath, out, passphrase, { ...options, kdf, chunkBytes })
  return { ...result, file: basename(out) }
}

/**
 * Decrypts an encrypted workspace into `out`. Before the decrypted file takes its name it is
 * opened as a workspace (a file that is not one is refused, nothing written) and
 * `workspace.decrypt` is logged in its audit chain.
 */
export async function decryptWorkspace(
  file: string,
  out: string,
  passphrase: string,
  options: { force?: boolean } = {},
): Promise<CarrySummary> {
  if (options.force) await refuseHeld(out)
  const result = await decryptFile(file, out, passphrase, {
    force: options.force,
    check: async (temp) => {
      const ws = await Workspace.open(temp)
      try {
        await ws.audit('workspace.decrypt', basename(out).replace(/\.focal$/i, ''), {
          file: basename(file),
        })
      } finally {
        await ws.close()
      }
      // A .wal of the workspace being replaced would be replayed onto the decrypted file.
      if (options.force) await rm(`${out}.wal`, { force: true })
    },
  })
  return { ...result, file: basename(out) }
}

/**
 * Refuses to replace a workspace another Focal holds open: the rename would pull the file from
 * under it and the .wal removal take its unsaved changes. DuckDB's own lock tells (connect.ts
 * answers WORKSPACE_LOCKED); a file DuckDB cannot open as a database is no one's workspace.
 */
async function refuseHeld(path: string): Promise<void> {
  if (!existsSync(path)) return
  let db: OpenDatabase
  try {
    db = await openDatabase(path, { label: basename(path), noExternalAccess: true })
  } catch (cause) {
    if (cause instanceof FocalFailure && cause.error.code === 'WORKSPACE_LOCKED') throw cause
    return
  }
  for (const reader of db.watched) reader.closeSync()
  db.connection.closeSync()
  db.instance.closeSync()
}
