/**
 * Encrypts and decrypts one file in authenticated chunks (AES-256-GCM), streamed so a workspace
 * of gigabytes is never held in memory. Each chunk is stored as
 *   u8 final flag · u32 plaintext length · ciphertext · 16-byte GCM tag
 * with the nonce 0x00000000 · u64 chunk index and the additional data header · u64 index · flag.
 * So a changed byte, a chunk moved, dropped or repeated, a cut-short file (no chunk flagged
 * final) and bytes appended after the final chunk are all refused. Output goes to a temporary
 * file beside the destination, renamed over it only when every chunk authenticated; a failure
 * removes it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fail, FocalFailure } from '../../../shared/contract'
import {
  damaged,
  DEFAULT_CHUNK_BYTES,
  DEFAULT_KDF,
  headerBody,
  HEADER_BYTES,
  parseHeader,
  type KdfParams,
} from './carry-header'
import { deriveKeys, keyCheck, unlockHeader } from './carry-key'

const TAG_BYTES = 16
const RECORD_HEAD_BYTES = 5

/** How to write the destination. */
export interface CarryWriteOptions {
  /** Replace an existing destination (never done without it). */
  readonly force?: boolean
}

/** What was encrypted or decrypted: plaintext bytes and chunks. */
export interface CarryResult {
  readonly bytes: number
  readonly chunks: number
}

/** Encrypts `source` into `destination` under `passphrase`. */
export async function encryptFile(
  source: string,
  destination: string,
  passphrase: string,
  options: CarryWriteOptions & { kdf?: KdfParams; chunkBytes?: number } = {},
): Promise<CarryResult> {
  refuseExisting(destination, options.force)
  const kdf = options.kdf ?? DEFAULT_KDF
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES
  const body = headerBody(kdf, chunkBytes, randomBytes(32))
  const keys = await deriveKeys(passphrase, body.subarray(18, 50), kdf)
  const header = Buffer.concat([body, keyCheck(keys, body)])
  const input = await open(source, 'r')
  try {
    return await writeAtomically(destination, options, async (out) => {
      await out.write(header)
      let bytes = 0
      let index = 0
      let current = await readUpTo(input, chunkBytes)
      for (;;) {
        // One chunk ahead, so the last one is known and flagged final (an empty file is one empty final chunk).
        const next =
          current.length < chunkBytes ? Buffer.alloc(0) : await readUpTo(input, chunkBytes)
        const final = next.length === 0
        const cipher = createCipheriv('aes-256-gcm', keys.cipherKey, nonce(index))
        cipher.setAAD(additionalData(header, index, final))
        const sealed = Buffer.concat([cipher.update(current), cipher.final()])
        const head = Buffer.alloc(RECORD_HEAD_BYTES)
        head.writeUInt8(final ? 1 : 0, 0)
        head.writeUInt32BE(current.length, 1)
        await out.write(Buffer.concat([head, sealed, cipher.getAuthTag()]))
        bytes += current.length
        index += 1
        if (final) return { bytes, chunks: index }
        current = next
      }
    })
  } finally {
    await input.close()
  }
}

/**
 * Decrypts `source` into `destination`. A wrong passphrase is refused before anything is
 * written; a damaged chunk removes what was written. `check` runs on the whole decrypted
 * temporary file before it is renamed (the workspace is opened there).
 */
export async function decryptFile(
  source: string,
  destination: string,
  passphrase: string,
  options: CarryWriteOptions & { check?: (path: string) => Promise<void> } = {},
): Promise<CarryResult> {
  refuseExisting(destination, options.force)
  const label = basename(source)
  let input: FileHandle
  try {
    input = await open(source, 'r')
  } catch {
    fail('NOT_FOUND', `Cannot read ${label}.`, { hint: 'Check the file name and try again.' })
  }
  try {
    const header = parseHeader(await readUpTo(input, HEADER_BYTES), label)
    const keys = await unlockHeader(header, passphrase, label)
    return await writeAtomically(destination, options, async (out) => {
      let bytes = 0
      for (let index = 0; ; index += 1) {
        const head = await readUpTo(input, RECORD_HEAD_BYTES)
        if (head.length < RECORD_HEAD_BYTES) damaged(label, 'it ends before its last chunk')
        const flag = head.readUInt8(0)
        const length = head.readUInt32BE(1)
        const final = flag === 1
        if (flag > 1 || length > header.chunkBytes || (!final && length !== header.chunkBytes))
          damaged(label, `chunk ${index + 1} was changed`)
        const sealed = await readUpTo(input, length + TAG_BYTES)
        if (sealed.length < length + TAG_BYTES) damaged(label, 'it ends before its last chunk')
        const decipher = createDecipheriv('aes-256-gcm', keys.cipherKey, nonce(index))
        decipher.setAAD(additionalData(header.bytes, index, final))
        decipher.setAuthTag(sealed.subarray(length))
        let plain: Buffer
        try {
          plain = Buffer.concat([decipher.update(sealed.subarray(0, length)), decipher.final()])
        } catch {
          damaged(label, `chunk ${index + 1} does not authenticate (changed, moved or missing)`)
        }
        await out.write(plain)
        bytes += plain.length
        if (!final) continue
        if ((await readUpTo(input, 1)).length > 0)
          damaged(label, 'bytes were added after its last chunk')
        return { bytes, chunks: index + 1 }
      }
    })
  } finally {
    await input.close()
  }
}

/** Refuses to replace an existing destination unless `force`. */
export function refuseExisting(destination: string, force: boolean | undefined): void {
  if (!force && existsSync(destination))
    fail('IO_ERROR', `${basename(destination)} already exists; nothing was written.`, {
      hint: 'Choose another --out, or pass --force to replace it.',
    })
}

/**
 * Writes through a temporary file beside `destination` (same disk, so the rename is atomic),
 * owner-only, flushed to disk, checked, then renamed; any failure removes it.
 */
async function writeAtomically<T>(
  destination: string,
  options: CarryWriteOptions & { check?: (path: string) => Promise<void> },
  write: (out: FileHandle) => Promise<T>,
): Promise<T> {
  const temp = join(
    dirname(destination),
    `.${basename(destination)}.${process.pid}-${randomBytes(4).toString('hex')}.part`,
  )
  let out: FileHandle | null = null
  try {
    out = await open(temp, 'wx', 0o600)
    const handle = out
    const result = await write(handle)
    await handle.sync()
    await handle.close()
    out = null
    await options.check?.(temp)
    refuseExisting(destination, options.force)
    await rename(temp, destination)
    return result
  } catch (cause) {
    await out?.close().catch(() => undefined)
    await rm(temp, { force: true })
    await rm(`${temp}.wal`, { force: true })
    if (cause instanceof FocalFailure) throw cause
    fail('IO_ERROR', `Could not write ${basename(destination)}: ${describe(cause)}`)
  }
}

/** Reads up to `length` bytes from the handle's current position (fewer only at the end). */
async function readUpTo(handle: FileHandle, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  let filled = 0
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, null)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return buffer.subarray(0, filled)
}

/** GCM's 96-bit nonce: 4 zero bytes, then the chunk index (unique per key, since every file has its own salt). */
function nonce(index: number): Buffer {
  const bytes = Buffer.alloc(12)
  bytes.writeBigUInt64BE(BigInt(index), 4)
  return bytes
}

function additionalData(header: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(9)
  tail.writeBigUInt64BE(BigInt(index), 0)
  tail.writeUInt8(final ? 1 : 0, 8)
  return Buffer.concat([header, tail])
}

function describe(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause)
}
