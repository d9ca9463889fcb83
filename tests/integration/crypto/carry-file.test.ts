/** core/crypto/carry-file: exact round trips, and every kind of tampering refused with nothing written. */
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decryptFile, encryptFile } from '../../../electron/core/crypto/carry-file'
import { tempDir } from '../../helpers/paths'
import { FAST_KDF, PASSPHRASE, refusal } from './fixture'

const CHUNK = 4096
const HEADER = 82
/** One full chunk's record: flag, length, ciphertext, tag. */
const RECORD = 5 + CHUNK + 16

/** `plain` encrypted with 4 KiB chunks; returns the encrypted bytes. */
async function sealed(plain: Buffer): Promise<Buffer> {
  const dir = tempDir()
  writeFileSync(join(dir, 'plain.bin'), plain)
  await encryptFile(join(dir, 'plain.bin'), join(dir, 'sealed.enc'), PASSPHRASE, {
    kdf: FAST_KDF,
    chunkBytes: CHUNK,
  })
  return readFileSync(join(dir, 'sealed.enc'))
}

/** Decrypts `bytes` into an empty folder: the refusal, and what the folder holds after it. */
async function open(bytes: Buffer, passphrase = PASSPHRASE) {
  const dir = tempDir()
  writeFileSync(join(dir, 'client.enc'), bytes)
  const error = await refusal(
    decryptFile(join(dir, 'client.enc'), join(dir, 'out.focal'), passphrase),
  )
  return { ...error, left: readdirSync(dir) }
}

function edited(bytes: Buffer, edit: (copy: Buffer) => Buffer | void): Buffer {
  const copy = Buffer.from(bytes)
  return edit(copy) ?? copy
}

describe('encryptFile / decryptFile', () => {
  it.each([
    ['an empty file', 0],
    ['one byte', 1],
    ['exactly two chunks', 2 * CHUNK],
    ['two and a half chunks', 2.5 * CHUNK],
  ])('gives back %s byte for byte', async (_name, size) => {
    const plain = randomBytes(size)
    const dir = tempDir()
    writeFileSync(join(dir, 'client.enc'), await sealed(plain))
    const result = await decryptFile(join(dir, 'client.enc'), join(dir, 'out.bin'), PASSPHRASE)
    expect(readFileSync(join(dir, 'out.bin')).equals(plain)).toBe(true)
    expect(result).toEqual({
      bytes: size,
      chunks: Math.max(1, Math.ceil(size / CHUNK)),
    })
    expect(readdirSync(dir).sort()).toEqual(['client.enc', 'out.bin'])
  })

  it('derives a new key for every file: the same plaintext twice gives unrelated bytes', async () => {
    const plain = Buffer.alloc(CHUNK, 7)
    const [a, b] = [await sealed(plain), await sealed(plain)]
    expect(a.subarray(HEADER).equals(b.subarray(HEADER))).toBe(false)
    expect(a.includes(plain.subarray(0, 64))).toBe(false)
  })

  describe('refuses, writing nothing', async () => {
    const plain = randomBytes(2.5 * CHUNK)
    const bytes = await sealed(plain)
    const chunk = (i: number): Buffer =>
      bytes.subarray(HEADER + i * RECORD, HEADER + (i + 1) * RECORD)

    it.each<[string, (b: Buffer) => Buffer | void, string, string]>([
      [
        'a changed magic byte',
        (b) => void (b[0] = 0x66),
        'WORKSPACE_INVALID',
        'client.enc is not a workspace encrypted by Focal.',
      ],
      [
        'a newer format version',
        (b) => void (b[8] = 2),
        'WORKSPACE_INVALID',
        'client.enc was encrypted by a newer Focal (format 2).',
      ],
      [
        'a scrypt cost out of bounds',
        (b) => void (b[10] = 30),
        'FILE_TAMPERED',
        'client.enc was refused: its header was changed. Nothing was written.',
      ],
      [
        'a lowered scrypt cost',
        (b) => void (b[10] = 15),
        'WRONG_PASSPHRASE',
        'Wrong passphrase for client.enc (or its header was changed). Nothing was written.',
      ],
      [
        'a changed chunk size',
        (b) => void b.writeUInt32BE(8192, 14),
        'WRONG_PASSPHRASE',
        'Wrong passphrase for client.enc (or its header was changed). Nothing was written.',
      ],
      [
        'a changed salt byte',
        (b) => void (b[20] ^= 1),
        'WRONG_PASSPHRASE',
        'Wrong passphrase for client.enc (or its header was changed). Nothing was written.',
      ],
      [
        'a changed key check byte',
        (b) => void (b[81] ^= 1),
        'WRONG_PASSPHRASE',
        'Wrong passphrase for client.enc (or its header was changed). Nothing was written.',
      ],
      [
        'a flipped ciphertext bit in chunk 2',
        (b) => void (b[HEADER + RECORD + 100] ^= 1),
        'FILE_TAMPERED',
        'client.enc was refused: chunk 2 does not authenticate (changed, moved or missing). Nothing was written.',
      ],
      [
        'a changed tag byte in chunk 1',
        (b) => void (b[HEADER + RECORD - 1] ^= 1),
        'FILE_TAMPERED',
        'client.enc was refused: chunk 1 does not authenticate (changed, moved or missing). Nothing was written.',
      ],
      [
        'chunk 1 flagged final',
        (b) => void (b[HEADER] = 1),
        'FILE_TAMPERED',
        'client.enc was refused: chunk 1 does not authenticate (changed, moved or missing). Nothing was written.',
      ],
      [
        'a shortened chunk length',
        (b) => void b.writeUInt32BE(CHUNK - 1, HEADER + 1),
        'FILE_TAMPERED',
        'client.enc was refused: chunk 1 was changed. Nothing was written.',
      ],
      [
        'chunks 1 and 2 swapped',
        (b) =>
          Buffer.concat([
            b.subarray(0, HEADER),
            chunk(1),
            chunk(0),
            b.subarray(HEADER + 2 * RECORD),
          ]),
        'FILE_TAMPERED',
        'client.enc was refused: chunk 1 does not authenticate (changed, moved or missing). Nothing was written.',
      ],
      [
        'chunk 2 repeated in place of chunk 3',
        (b) => Buffer.concat([b.subarray(0, HEADER + 2 * RECORD), chunk(1)]),
        'FILE_TAMPERED',
        'client.enc was refused: chunk 3 does not authenticate (changed, moved or missing). Nothing was written.',
      ],
      [
        'the final chunk cut off',
        (b) => b.subarray(0, HEADER + 2 * RECORD),
        'FILE_TAMPERED',
        'client.enc was refused: it ends before its last chunk. Nothing was written.',
      ],
      [
        'the last byte cut off',
        (b) => b.subarray(0, b.length - 1),
        'FILE_TAMPERED',
        'client.enc was refused: it ends before its last chunk. Nothing was written.',
      ],
      [
        'a cut inside the header',
        (b) => b.subarray(0, 40),
        'WORKSPACE_INVALID',
        'client.enc is not a workspace encrypted by Focal.',
      ],
      [
        'one byte appended',
        (b) => Buffer.concat([b, Buffer.from([0])]),
        'FILE_TAMPERED',
        'client.enc was refused: bytes were added after its last chunk. Nothing was written.',
      ],
      [
        'a whole chunk appended',
        (b) => Buffer.concat([b, chunk(0)]),
        'FILE_TAMPERED',
        'client.enc was refused: bytes were added after its last chunk. Nothing was written.',
      ],
    ])('%s', async (_name, edit, code, message) => {
      const refused = await open(edited(bytes, edit))
      expect(refused).toMatchObject({ code, message, left: ['client.enc'] })
    })

    it('a wrong passphrase', async () => {
      expect(await open(bytes, 'Correct horse battery staple')).toMatchObject({
        code: 'WRONG_PASSPHRASE',
        left: ['client.enc'],
      })
    })
  })
})
