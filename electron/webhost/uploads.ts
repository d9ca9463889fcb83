/**
 * Stages uploaded files in a private temp folder (DESIGN.md, Files from the
 * renderer): the page never names a path; it sends bytes and a display name,
 * and the host picks where they go.
 */
import { createWriteStream, rmSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { FocalFailure } from '../../shared/contract'
import { BodyTooLarge } from './http-util'

/** Default upload limit: 20 GB, enough for a year of a large account's exports. */
export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 ** 3

/**
 * Reduces a client-supplied file name to a safe base name: no folders, no
 * control characters, no leading dots, at most 200 characters.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
  return (clean || 'upload').slice(0, 200)
}

/** Per-run staging folders are named `focal-uploads-<pid>-<random>`, so a later run knows whose they were. */
const RUN_FOLDER = /^focal-uploads-(\d+)-/

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    // EPERM: the process exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Deletes staging folders of web hosts that are no longer running: a crash or
 * a kill -9 skips dispose, and staged files can be whole billing exports.
 * Folders of running hosts (this process included) are left alone.
 */
export async function removeStaleUploads(parent: string = tmpdir()): Promise<void> {
  const entries = await readdir(parent).catch(() => [])
  for (const entry of entries) {
    const pid = Number(RUN_FOLDER.exec(entry)?.[1] ?? NaN)
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue
    // Another user's folder (sticky /tmp) cannot be removed and is not ours to remove.
    await rm(join(parent, entry), { recursive: true, force: true }).catch(() => undefined)
  }
}

/** A private folder of uploads that lives as long as the host, and no longer than its process. */
export class UploadStore {
  /** Removes the folder when the process exits without close() (an uncaught error, process.exit). */
  private readonly removeOnExit = (): void => rmSync(this.root, { recursive: true, force: true })

  private constructor(
    private readonly root: string,
    private readonly limit: number,
  ) {
    process.on('exit', this.removeOnExit)
  }

  /**
   * Clears what crashed runs left, then creates this run's folder; mkdtemp makes
   * it with mode 0700, so other users cannot read staged files.
   */
  static async create(limit: number): Promise<UploadStore> {
    await removeStaleUploads()
    return new UploadStore(await mkdtemp(join(tmpdir(), `focal-uploads-${process.pid}-`)), limit)
  }

  /**
   * Streams a request body to `<root>/<unique>/<name>` and returns its path and size.
   * Each upload gets its own folder so two files with the same name never collide
   * and the import log still shows the name the user chose. `into` replaces this run's
   * folder: a sealed workspace's RAM folder (services `stagingFolder`), removed with it.
   */
  async receive(
    request: IncomingMessage,
    name: string,
    into: string | null = null,
  ): Promise<{ path: string; sizeBytes: number }> {
    const declared = Number(request.headers['content-length'] ?? 0)
    const shownName = sanitizeFileName(name)
    if (declared > this.limit) throw new BodyTooLarge(this.limit, shownName)
    const folder = await mkdtemp(join(into ?? this.root, 'f-'))
    const path = join(folder, shownName)
    let size = 0
    const limit = this.limit
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length
        if (size <= limit) return done(null, chunk)
        // Stop taking bytes but leave the request open: the route reads the rest and answers 413.
        request.unpipe(counter)
        done(new BodyTooLarge(limit, shownName))
      },
    })
    // Not pipeline(request, …): on an error it destroys the request, which resets the connection.
    const interrupted = (): void => {
      if (!request.complete)
        counter.destroy(
          new FocalFailure({
            code: 'IO_ERROR',
            message: `The upload of ${shownName} was interrupted.`,
            hint: 'Add the file again.',
          }),
        )
    }
    request.once('close', interrupted)
    request.once('error', interrupted)
    request.pipe(counter)
    try {
      await pipeline(counter, createWriteStream(path, { mode: 0o600, flags: 'wx' }))
    } catch (cause) {
      await rm(folder, { recursive: true, force: true })
      throw cause
    } finally {
      request.off('close', interrupted)
      request.off('error', interrupted)
    }
    return { path, sizeBytes: size }
  }

  /** Deletes every staged file. */
  async dispose(): Promise<void> {
    process.off('exit', this.removeOnExit)
    await rm(this.root, { recursive: true, force: true })
  }
}
