/** Finds which line of a (possibly gzip-compressed) text file a byte offset falls on. */
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'

/**
 * The 1-based line holding text byte `offset` (counted after decompression):
 * one more than the line feeds before it. Read only when a problem is
 * reported, so a clean import never pays for counting lines.
 */
export async function textLineAt(path: string, gzip: boolean, offset: number): Promise<number> {
  const source = createReadStream(path, { highWaterMark: 1 << 20 })
  const text = gzip ? source.pipe(createGunzip()) : source
  let lineFeeds = 0
  let position = 0
  try {
    for await (const chunk of text as AsyncIterable<Buffer>) {
      const end = Math.min(chunk.length, offset - position)
      for (let at = chunk.indexOf(10); at >= 0 && at < end; at = chunk.indexOf(10, at + 1))
        lineFeeds++
      position += chunk.length
      if (position >= offset) break
    }
  } catch {
    // A damaged tail after `offset` does not change the count before it.
  } finally {
    source.destroy()
  }
  return lineFeeds + 1
}
