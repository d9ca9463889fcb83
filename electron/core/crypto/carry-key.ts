/**
 * The keys of an encrypted workspace, derived from the passphrase with scrypt (memory-hard, so
 * guessing passphrases costs memory as well as time). The passphrase lives only in this call:
 * Focal never stores it.
 */
import { createHmac, scrypt, timingSafeEqual } from 'node:crypto'
import { fail } from '../../../shared/contract'
import type { CarryHeader, KdfParams } from './carry-header'

/** The two keys one passphrase and salt give: one encrypts the chunks, one checks the header. */
export interface CarryKeys {
  readonly cipherKey: Buffer
  readonly checkKey: Buffer
}

/** Derives 64 bytes with scrypt: AES-256 key, then HMAC key. */
export async function deriveKeys(
  passphrase: string,
  salt: Buffer,
  kdf: KdfParams,
): Promise<CarryKeys> {
  const N = 2 ** kdf.log2N
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below the N = 2^17 it is used with.
  const maxmem = 128 * N * kdf.r * kdf.p + (32 << 20)
  // NFC, so the same passphrase typed on macOS and on Windows gives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8')
  const bytes = await new Promise<Buffer>((resolve, reject) =>
    scrypt(secret, salt, 64, { N, r: kdf.r, p: kdf.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
  secret.fill(0)
  return { cipherKey: bytes.subarray(0, 32), checkKey: bytes.subarray(32, 64) }
}

/** The key check stored in the header: HMAC-SHA-256 of the header's first bytes. */
export function keyCheck(keys: CarryKeys, headerBody: Buffer): Buffer {
  return createHmac('sha256', keys.checkKey).update(headerBody).digest()
}

/**
 * Derives the keys for a header and refuses a passphrase whose check does not match. A changed
 * salt or parameter gives the same mismatch, so the message names both.
 */
export async function unlockHeader(
  header: CarryHeader,
  passphrase: string,
  label: string,
): Promise<CarryKeys> {
  const keys = await deriveKeys(passphrase, header.salt, header.kdf)
  const expected = keyCheck(keys, header.bytes.subarray(0, header.bytes.length - 32))
  if (!timingSafeEqual(expected, header.keyCheck))
    fail(
      'WRONG_PASSPHRASE',
      `Wrong passphrase for ${label} (or its header was changed). Nothing was written.`,
    )
  return keys
}
