/**
 * At rest: a sealed workspace is only ever on disk as the encrypted file of `focal encrypt`
 * (carry-file.ts). A session decrypts it into a private folder in RAM (ram-folder.ts), where the
 * workspace is opened as usual — its .wal, DuckDB's spill folder (`<file>.tmp`, beside the
 * database) and the import gate folder are all beside it, so in RAM too — and closing the
 * session encrypts it back over the sealed file (a new salt, so a new key, every time: GCM
 * nonces are never reused) and removes the folder.
 *
 * Why not DuckDB's own encryption: the DuckDB of @duckdb/node-api reads encrypted databases
 * but refuses to write them without its httpfs extension, which Focal cannot download offline.
 *
 * The passphrase stays in this process's memory for the session (a new salt needs it); it is
 * never written anywhere. One session at a time per sealed file: a lock file beside it (no data
 * in it) refuses a second, whose changes would otherwise overwrite the first's.
 */
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fail } from '../../../shared/contract'
import { Workspace } from '../workspace/workspace'
import { decryptFile, encryptFile, type CarryResult } from './carry-file'
import type { KdfParams } from './carry-header'
import { makeSessionFolder } from './ram-folder'

/** An open sealed workspace: its plaintext in RAM at `workspacePath` until `close`. */
export class SealedSession {
  private closed = false

  private constructor(
    /** The encrypted file on disk. */
    readonly sealedPath: string,
    /** The workspace file in RAM, opened with Workspace.open like any other. */
    readonly workspacePath: string,
    /** The session's private RAM folder (its temp folder too: TMPDIR of commands run in it). */
    readonly folder: string,
    private readonly passphrase: string,
    private readonly kdf: KdfParams | undefined,
  ) {}

  /**
   * Decrypts `sealedPath` into RAM; `create` makes a new empty sealed workspace when there is
   * none. A wrong passphrase or a tampered file is refused before anything is decrypted.
   */
  static async open(
    sealedPath: string,
    passphrase: string,
    options: { create?: boolean; kdf?: KdfParams } = {},
  ): Promise<SealedSession> {
    const exists = existsSync(sealedPath)
    if (!exists && !options.create)
      fail('NOT_FOUND', `No sealed workspace at ${basename(sealedPath)}.`)
    const folder = makeSessionFolder()
    try {
      lock(sealedPath)
    } catch (cause) {
      rmSync(folder, { recursive: true, force: true })
      throw cause
    }
    const name = `${basename(sealedPath)
      .replace(/\.enc$/i, '')
      .replace(/\.focal$/i, '')}.focal`
    const session = new SealedSession(
      sealedPath,
      join(folder, name),
      folder,
      passphrase,
      options.kdf,
    )
    try {
      if (exists) await decryptFile(sealedPath, session.workspacePath, passphrase)
      else {
        await (await Workspace.open(session.workspacePath, { create: true })).close()
        await session.save()
      }
    } catch (cause) {
      session.discard()
      throw cause
    }
    return session
  }

  /**
   * Encrypts the workspace over the sealed file (written beside it and renamed, so a failure
   * leaves the last sealed state). The workspace must be closed: its .wal folded in.
   */
  async save(): Promise<CarryResult> {
    if (this.closed) fail('NO_WORKSPACE', `The session of ${basename(this.sealedPath)} is closed.`)
    if (existsSync(`${this.workspacePath}.wal`))
      fail('INTERNAL', `${basename(this.sealedPath)} is still open: close the workspace first.`)
    return encryptFile(this.workspacePath, this.sealedPath, this.passphrase, {
      force: true,
      ...(this.kdf ? { kdf: this.kdf } : {}),
    })
  }

  /** Saves, then removes the RAM folder and the lock. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.save()
    this.discard()
  }

  /** Removes the RAM folder and the lock without saving (the sealed file keeps its last state). */
  discard(): void {
    if (this.closed) return
    this.closed = true
    rmSync(this.folder, { recursive: true, force: true })
    unlock(this.sealedPath)
  }
}

function lockPath(sealedPath: string): string {
  return `${sealedPath}.lock`
}

/** Takes the lock beside the sealed file; a lock of a process no longer running is taken over. */
function lock(sealedPath: string): void {
  const path = lockPath(sealedPath)
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 })
      return
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause
    }
    const holder = Number(readFileSync(path, 'utf8')) || 0
    if (holder > 0 && isRunning(holder))
      fail(
        'WORKSPACE_LOCKED',
        `${basename(sealedPath)} is open in another Focal session (process ${holder}).`,
        { hint: 'Close it there first: two sessions would each save over the other.' },
      )
    unlinkSync(path)
  }
  fail('WORKSPACE_LOCKED', `${basename(sealedPath)} is being opened by another Focal session.`)
}

function unlock(sealedPath: string): void {
  rmSync(lockPath(sealedPath), { force: true })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM'
  }
}
