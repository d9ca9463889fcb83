/**
 * Embeds an imported file in the workspace, gzip-compressed, inside the import's own
 * transaction (so a failed import embeds nothing). The file is streamed: its gzip output
 * is cut into parts of at most PART_BYTES, each stored as it fills, so a file of any size
 * never sits whole in memory.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createGzip } from 'node:zlib'
import { blobValue } from '@duckdb/node-api'
import { fail } from '../../../shared/contract'
import { sha256File } from '../ingest/hash'
import type { Workspace } from '../workspace/workspace'
import { EMBED_SETTING_SQL, INSERT_PART_SQL, PART_BYTES, SET_EMBED_SQL } from './source-files-sql'

/** Whether this workspace embeds the source of each import (off unless a person turned it on). */
export async function embedsSources(ws: Workspace): Promise<boolean> {
  const [row] = await ws.all(EMBED_SETTING_SQL)
  return row?.value === 'true'
}

/** Turns embedding of sources on or off for later imports; audited as a settings change. */
export async function setEmbedSources(ws: Workspace, on: boolean): Promise<void> {
  await ws.transaction(async () => {
    await ws.run(SET_EMBED_SQL, [String(on)])
    await ws.audit('settings.embed-sources', ws.name, { embedSources: on })
  })
}

/**
 * Stores the file at `path` (imported as `fileName`) compressed under `importId`. Call it
 * inside the import's transaction. The bytes compressed are hashed again and must match
 * the file's SHA-256 read first, else the file changed and nothing is kept.
 */
export async function embedSource(
  ws: Workspace,
  importId: number,
  path: string,
  fileName: string,
): Promise<void> {
  const expected = await sha256File(path)
  const expectedSize = (await stat(path)).size
  const hash = createHash('sha256')
  let size = 0
  let part = 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  const flush = async (): Promise<void> => {
    if (pendingBytes === 0 && part > 0) return
    const bytes = Buffer.concat(pending, pendingBytes)
    await ws.run(INSERT_PART_SQL, [
      importId,
      part,
      expected,
      fileName,
      expectedSize,
      blobValue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)),
    ])
    part += 1
    pending = []
    pendingBytes = 0
  }
  const source = createReadStream(path, { highWaterMark: 1 << 20 })
  source.on('data', (chunk) => {
    hash.update(chunk)
    size += chunk.length
  })
  const gzip = source.pipe(createGzip({ level: 6 }))
  for await (const chunk of gzip as AsyncIterable<Buffer>) {
    let offset = 0
    while (offset < chunk.length) {
      const take = Math.min(chunk.length - offset, PART_BYTES - pendingBytes)
      pending.push(chunk.subarray(offset, offset + take))
      pendingBytes += take
      offset += take
      if (pendingBytes === PART_BYTES) await flush()
    }
  }
  await flush()
  if (hash.digest('hex') !== expected || size !== expectedSize)
    fail(
      'FILE_CHANGED',
      `${fileName} changed while Focal was embedding it; nothing was imported.`,
      {
        hint: 'Wait until the export is completely written, then import it again.',
        location: { file: fileName },
      },
    )
}
