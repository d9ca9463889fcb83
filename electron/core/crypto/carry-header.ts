/**
 * The header of an encrypted workspace (`focal encrypt`): what a later Focal needs to derive the
 * key and read the chunks, and a check that tells a wrong passphrase before anything is written.
 *
 * Layout, version 1 (big-endian):
 *   0  8 bytes  magic "FOCALENC"
 *   8  u8       format version (1)
 *   9  u8       KDF (1 = scrypt, RFC 7914)
 *  10  u8       log2 of scrypt N (cost)
 *  11  u8       scrypt r (block size)
 *  12  u8       scrypt p (parallelism)
 *  13  u8       cipher (1 = AES-256-GCM, NIST SP 800-38D)
 *  14  u32      plaintext bytes per chunk
 *  18  32 bytes salt (random per file, so every file has its own key)
 *  50  32 bytes key check: HMAC-SHA-256 over bytes 0–49 with the derived check key
 * The whole 82 bytes are also in every chunk's additional data, so a chunk belongs to this header.
 */
import { fail } from '../../../shared/contract'

/** The first bytes of every encrypted workspace. */
export const CARRY_MAGIC = Buffer.from('FOCALENC', 'ascii')
/** The header format this Focal writes and reads. */
export const CARRY_VERSION = 1
/** Bytes before the key check. */
export const HEADER_BODY_BYTES = 50
/** The whole header. */
export const HEADER_BYTES = HEADER_BODY_BYTES + 32

/** scrypt's cost parameters, as stored in the header. */
export interface KdfParams {
  /** log2 of N. */
  readonly log2N: number
  readonly r: number
  readonly p: number
}

/**
 * The parameters `focal encrypt` uses: N = 2^17, r = 8, p = 1 needs 128 MiB and about half a
 * second per derivation (OWASP's scrypt floor is N = 2^17, r = 8, p = 1).
 */
export const DEFAULT_KDF: KdfParams = { log2N: 17, r: 8, p: 1 }
/** 1 MiB of plaintext per authenticated chunk: a GB workspace never sits in memory whole. */
export const DEFAULT_CHUNK_BYTES = 1 << 20

/**
 * What a header may ask for. A header is read before it can be checked, so these bounds keep a
 * forged one from asking for gigabytes of scrypt memory or of chunk buffer.
 */
const LIMITS = { log2N: [14, 20], r: [1, 16], p: [1, 4], chunk: [4096, 16 << 20] } as const

/** A parsed header. */
export interface CarryHeader {
  readonly kdf: KdfParams
  readonly chunkBytes: number
  readonly salt: Buffer
  readonly keyCheck: Buffer
  /** The 82 header bytes exactly as stored. */
  readonly bytes: Buffer
}

/** The header's first 50 bytes for new parameters and salt (the key check is appended later). */
export function headerBody(kdf: KdfParams, chunkBytes: number, salt: Buffer): Buffer {
  const body = Buffer.alloc(HEADER_BODY_BYTES)
  CARRY_MAGIC.copy(body, 0)
  body.writeUInt8(CARRY_VERSION, 8)
  body.writeUInt8(1, 9)
  body.writeUInt8(kdf.log2N, 10)
  body.writeUInt8(kdf.r, 11)
  body.writeUInt8(kdf.p, 12)
  body.writeUInt8(1, 13)
  body.writeUInt32BE(chunkBytes, 14)
  salt.copy(body, 18, 0, 32)
  return body
}

/** Parses and bounds-checks a header; `label` is the file's display name for messages. */
export function parseHeader(bytes: Buffer, label: string): CarryHeader {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(CARRY_MAGIC))
    fail('WORKSPACE_INVALID', `${label} is not a workspace encrypted by Focal.`, {
      hint: 'Choose a file made by focal encrypt (or Encrypt for carrying in the app).',
    })
  const version = bytes.readUInt8(8)
  if (version > CARRY_VERSION)
    fail('WORKSPACE_INVALID', `${label} was encrypted by a newer Focal (format ${version}).`, {
      hint: 'Update Focal to decrypt it.',
    })
  const kdf = { log2N: bytes.readUInt8(10), r: bytes.readUInt8(11), p: bytes.readUInt8(12) }
  const chunkBytes = bytes.readUInt32BE(14)
  const within = (value: number, [low, high]: readonly [number, number]): boolean =>
    value >= low && value <= high
  if (
    version !== CARRY_VERSION ||
    bytes.readUInt8(9) !== 1 ||
    bytes.readUInt8(13) !== 1 ||
    !within(kdf.log2N, LIMITS.log2N) ||
    !within(kdf.r, LIMITS.r) ||
    !within(kdf.p, LIMITS.p) ||
    !within(chunkBytes, LIMITS.chunk)
  )
    damaged(label, 'its header was changed')
  return {
    kdf,
    chunkBytes,
    salt: Buffer.from(bytes.subarray(18, 50)),
    keyCheck: Buffer.from(bytes.subarray(HEADER_BODY_BYTES, HEADER_BYTES)),
    bytes: Buffer.from(bytes.subarray(0, HEADER_BYTES)),
  }
}

/** Refuses a file whose bytes were changed, cut short or added to; nothing is written. */
export function damaged(label: string, what: string): never {
  fail('FILE_TAMPERED', `${label} was refused: ${what}. Nothing was written.`, {
    hint: 'The file was damaged or altered after focal encrypt wrote it; copy it again from where it was made.',
  })
}
