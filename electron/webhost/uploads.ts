/**
 * Stages uploaded files in a private temp folder (DESIGN.md, Files from the
 * renderer): the page never names a path; it sends bytes and a display name,
 * and the host picks where they go.
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
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

/** A private folder of uploads that lives as long as the host. */
export class UploadStore {
  private constructor(
    private readonly root: string,
    private readonly limit: number,
  ) {}

  /** Creates the folder; mkdtemp makes it with mode 0700, so other users cannot read staged files. */
  static async create(limit: number): Promise<UploadStore> {
    return new UploadStore(await mkdtemp(join(tmpdir(), 'focal-uploads-')), limit)
  }

  /**
   * Streams a request body to `<root>/<unique>/<name>` and returns its path and size.
   * Each upload gets its own folder so two files with the same name never collide
   * and the import log still shows the name the user chose.
   */
  async receive(
    request: IncomingMessage,
    name: string,
  ): Promise<{ path: string; sizeBytes: number }> {
    const declared = Number(request.headers['content-length'] ?? 0)
    if (declared > this.limit) throw new BodyTooLarge(this.limit)
    const folder = await mkdtemp(join(this.root, 'f-'))
    const path = join(folder, sanitizeFileName(name))
    let size = 0
    const limit = this.limit
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length
        done(size > limit ? new BodyTooLarge(limit) : null, chunk)
      },
    })
    try {
      await pipeline(request, counter, createWriteStream(path, { mode: 0o600, flags: 'wx' }))
    } catch (cause) {
      await rm(folder, { recursive: true, force: true })
      throw cause
    }
    return { path, sizeBytes: size }
  }

  /** Deletes every staged file. */
  async dispose(): Promise<void> {
    await rm(this.root, { recursive: true, force: true })
  }
}
