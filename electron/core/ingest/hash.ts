/** Streams a file once to compute its SHA-256, reporting bytes as they are read. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/** SHA-256 (hex) of a file; `onBytes` is called with the running byte count. */
export async function sha256File(
  path: string,
  onBytes?: (bytesRead: number) => void,
): Promise<string> {
  const hash = createHash('sha256')
  let bytesRead = 0
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytesRead += chunk.length
    onBytes?.(bytesRead)
  }
  return hash.digest('hex')
}
