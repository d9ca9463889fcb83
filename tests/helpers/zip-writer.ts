/**
 * Writes ZIP archives byte by byte (PKWARE APPNOTE 4.3: local headers, central
 * directory, end record), so tests can build exactly the archive they need —
 * including the unsafe ones no zip tool makes (`../` names, symlinks, a wrong
 * method) — with no code shared with the reader under test.
 */
import { writeFileSync } from 'node:fs'
import { crc32, deflateRawSync } from 'node:zlib'

/** One entry of a test archive. */
export interface ZipEntrySpec {
  readonly name: string
  readonly data: Buffer
  /** Stored (0) or deflate (8, the default). */
  readonly deflate?: boolean
  /** Overrides the compression method written in the headers (the data stays as compressed). */
  readonly method?: number
  /** General-purpose flags (bit 0: encrypted). */
  readonly flags?: number
  /** Unix mode in the external attributes (0o120777 for a symbolic link). */
  readonly unixMode?: number
  /** The uncompressed size written in the headers, when it should lie about the data. */
  readonly declaredSize?: number
}

/** Writes `entries` as a ZIP archive at `path` and returns its bytes. */
export function writeZip(path: string, entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const deflate = entry.deflate ?? true
    const body = deflate ? deflateRawSync(entry.data) : entry.data
    const method = entry.method ?? (deflate ? 8 : 0)
    const name = Buffer.from(entry.name, 'utf8')
    const crc = crc32(entry.data) >>> 0
    const flags = (entry.flags ?? 0) | 0x0800 // bit 11: the name is UTF-8
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(0x00210000, 10) // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by Unix, so the mode is read
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(0x00210000, 12)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  const bytes = Buffer.concat([...locals, directory, end])
  writeFileSync(path, bytes)
  return bytes
}
