/**
 * Reads an embedded source back (embed-source.ts): its parts are decompressed in order,
 * one at a time, into a private temp file that is hashed as it is written; only a copy
 * whose SHA-256 and size match the import's is handed on, and it is removed afterwards.
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { DuckDBBlobValue } from '@duckdb/node-api'
import type { Workspace } from '../workspace/workspace'
import { EMBEDDED_SOURCE_SQL, EMBEDDED_COUNT_SQL, PART_SQL } from './source-files-sql'

/** What `withEmbeddedSource` found: nothing embedded, a damaged copy, or `read`'s result. */
export type EmbeddedRead<T> =
  | { readonly status: 'none' }
  | { readonly status: 'damaged'; readonly sha256: string }
  | { readonly status: 'read'; readonly value: T }

/** How many imports have their source embedded and the compressed bytes they take. */
export async function embeddedSources(ws: Workspace): Promise<{ files: number; bytes: number }> {
  const [row] = await ws.all(EMBEDDED_COUNT_SQL)
  return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) }
}

/**
 * Runs `read` on a verified copy of import `importId`'s embedded source (named as it was
 * imported, in a private temp folder removed afterwards).
 */
export async function withEmbeddedSource<T>(
  ws: Workspace,
  importId: number,
  sha256: string,
  read: (path: string) => Promise<T>,
): Promise<EmbeddedRead<T>> {
  const connection = await ws.reader()
  try {
    const [found] = (
      await connection.runAndReadAll(EMBEDDED_SOURCE_SQL, [importId])
    ).getRowObjects()
    if (!found || String(found.sha256) !== sha256) return { status: 'none' }
    const parts = Number(found.parts)
    async function* compressed(): AsyncGenerator<Buffer> {
      for (let part = 0; part < parts; part += 1) {
        const rows = (await connection.runAndReadAll(PART_SQL, [importId, part])).getRows()
        const blob = rows[0]?.[0]
        if (!(blob instanceof DuckDBBlobValue)) throw new Error(`part ${part} is missing`)
        yield Buffer.from(blob.bytes)
      }
    }
    const dir = await mkdtemp(join(tmpdir(), 'focal-source-'))
    try {
      const path = join(dir, String(found.name).replace(/[\\/]/g, '_'))
      const hash = createHash('sha256')
      let size = 0
      const ok = await pipeline(
        Readable.from(compressed()),
        createGunzip(),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk)
            size += chunk.length
            yield chunk
          }
        },
        createWriteStream(path, { mode: 0o600 }),
      ).then(
        () => true,
        () => false,
      )
      if (!ok || hash.digest('hex') !== sha256 || BigInt(size) !== BigInt(String(found.size)))
        return { status: 'damaged', sha256 }
      return { status: 'read', value: await read(path) }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  } finally {
    connection.closeSync()
  }
}
