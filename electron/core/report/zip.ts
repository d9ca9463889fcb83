/**
 * Writes a pack as one ZIP archive (PKWARE APPNOTE 4.3), streamed to any
 * writable (a file, an HTTP response) so a large pack never sits in memory.
 * Text files (CSV, JSON) are deflated with node:zlib behind a data
 * descriptor; PDFs, the workbook and Parquet are compressed already and are
 * stored, their CRC-32 read in a first pass so their headers are complete
 * (streaming readers cannot find the end of a stored entry otherwise). No
 * ZIP64: an archive past 4 GiB is refused rather than written corrupt.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Writable } from 'node:stream'
import { createDeflateRaw } from 'node:zlib'
import { fail } from '../../../shared/contract'

/** One file of the archive: its name inside the ZIP ("/" separated) and where it is on disk. */
export interface ZipSource {
  readonly name: string
  readonly path: string
}

const LIMIT = 0xffffffff
const UTF8_NAME = 0x0800
const DATA_DESCRIPTOR = 0x0008

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** Continues a CRC-32 (ISO 3309, the ZIP checksum) over `bytes`; start from 0. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = ~crc >>> 0
  for (let i = 0; i < bytes.length; i++)
    c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8)
  return ~c >>> 0
}

/** MS-DOS date and time of `at` in UTC (ZIP's only mandatory timestamp; UTC keeps the archive the same everywhere). */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.max(at.getUTCFullYear(), 1980)
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  }
}

const deflated = (name: string): boolean => /\.(csv|json|txt)$/i.test(name)

/** Writes the archive to `out` and ends it; resolves when every byte was handed to `out`. */
export async function writePackZip(
  sources: readonly ZipSource[],
  out: Writable,
  modified: Date,
): Promise<void> {
  const { date, time } = dosDateTime(modified)
  let offset = 0
  const central: Buffer[] = []
  const write = async (chunk: Buffer): Promise<void> => {
    offset += chunk.length
    if (offset > LIMIT) tooLarge()
    if (!out.write(chunk)) await waitFor(out, 'drain')
  }
  for (const source of sources) {
    const name = Buffer.from(source.name, 'utf8')
    const size = (await stat(source.path)).size
    if (size > LIMIT) tooLarge()
    const deflate = deflated(source.name)
    const flags = UTF8_NAME | (deflate ? DATA_DESCRIPTOR : 0)
    const start = offset
    let crc = deflate ? 0 : await fileCrc(source.path)
    const header = (signature: 'local' | 'central', compressed: number): Buffer => {
      const local = signature === 'local'
      const b = Buffer.alloc(local ? 30 : 46)
      let at = 0
      const u16 = (v: number): void => void (at = b.writeUInt16LE(v, at))
      const u32 = (v: number): void => void (at = b.writeUInt32LE(v >>> 0, at))
      u32(local ? 0x04034b50 : 0x02014b50)
      if (!local) u16((3 << 8) | 20) // made by Unix, so the file mode below is read
      u16(20)
      u16(flags)
      u16(deflate ? 8 : 0)
      u16(time)
      u16(date)
      // A deflated entry's local header leaves CRC and sizes to the data descriptor.
      const known = !local || !deflate
      u32(known ? crc : 0)
      u32(known ? compressed : 0)
      u32(known ? size : 0)
      u16(name.length)
      u16(0)
      if (!local) {
        u16(0) // comment
        u16(0) // disk
        u16(0) // internal attributes
        u32((0o100644 << 16) >>> 0)
        u32(start)
      }
      return b
    }
    await write(header('local', size))
    await write(name)
    let compressed = 0
    if (deflate) {
      const body = createReadStream(source.path).pipe(createDeflateRaw({ level: 6 }))
      const raw = createReadStream(source.path)
      // CRC of the raw bytes, read beside the deflate stream of the same file.
      const crcDone = (async () => {
        for await (const chunk of raw) crc = crc32Update(crc, chunk as Buffer)
      })()
      for await (const chunk of body) {
        compressed += (chunk as Buffer).length
        await write(chunk as Buffer)
      }
      await crcDone
      const descriptor = Buffer.alloc(16)
      descriptor.writeUInt32LE(0x08074b50, 0)
      descriptor.writeUInt32LE(crc >>> 0, 4)
      descriptor.writeUInt32LE(compressed, 8)
      descriptor.writeUInt32LE(size, 12)
      await write(descriptor)
    } else {
      for await (const chunk of createReadStream(source.path)) {
        compressed += (chunk as Buffer).length
        await write(chunk as Buffer)
      }
      if (compressed !== size)
        fail('IO_ERROR', `${source.name} changed while the ZIP was written; export again.`)
    }
    central.push(header('central', compressed), name)
  }
  const directory = Buffer.concat(central)
  const directoryAt = offset
  await write(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(sources.length, 8)
  end.writeUInt16LE(sources.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(directoryAt, 16)
  await write(end)
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
}

async function fileCrc(path: string): Promise<number> {
  let crc = 0
  for await (const chunk of createReadStream(path)) crc = crc32Update(crc, chunk as Buffer)
  return crc
}

function waitFor(out: Writable, event: 'drain'): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      out.off('error', failed)
      resolve()
    }
    const failed = (error: Error): void => {
      out.off(event, done)
      reject(error)
    }
    out.once(event, done)
    out.once('error', failed)
  })
}

function tooLarge(): never {
  fail('IO_ERROR', 'The pack is larger than a ZIP without ZIP64 can hold (4 GiB).', {
    hint: 'Download the files one by one, or leave the FOCUS CSV out of the pack.',
  })
}
