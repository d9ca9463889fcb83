/** core/crypto/carry-header: the layout written is the layout read, and a forged header's demands are bounded. */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CHUNK_BYTES,
  DEFAULT_KDF,
  HEADER_BYTES,
  headerBody,
  parseHeader,
} from '../../../electron/core/crypto/carry-header'
import { errorOf } from '../../helpers/failure'

const SALT = Buffer.from(Array.from({ length: 32 }, (_, i) => i))

function header(edit: (bytes: Buffer) => void = () => undefined): Buffer {
  const bytes = Buffer.concat([
    headerBody(DEFAULT_KDF, DEFAULT_CHUNK_BYTES, SALT),
    Buffer.alloc(32, 0xab),
  ])
  edit(bytes)
  return bytes
}

describe('carry header', () => {
  it('writes magic, version, scrypt N=2^17 r=8 p=1, AES-256-GCM, 1 MiB chunks and the salt at fixed offsets', () => {
    const bytes = header()
    expect(bytes.length).toBe(HEADER_BYTES)
    expect(bytes.subarray(0, 18).toString('hex')).toBe(
      Buffer.from('FOCALENC').toString('hex') +
        '01' +
        '01' +
        '11' +
        '08' +
        '01' +
        '01' +
        '00100000',
    )
    expect(parseHeader(bytes, 'c.enc')).toEqual({
      kdf: { log2N: 17, r: 8, p: 1 },
      chunkBytes: 1048576,
      salt: SALT,
      keyCheck: Buffer.alloc(32, 0xab),
      bytes,
    })
  })

  it.each<[string, (b: Buffer) => void]>([
    ['N = 2^21 (256 MiB·r of scrypt memory)', (b) => void (b[10] = 21)],
    ['N = 2^13 (below the floor)', (b) => void (b[10] = 13)],
    ['r = 17', (b) => void (b[11] = 17)],
    ['p = 0', (b) => void (b[12] = 0)],
    ['a 64 MiB chunk', (b) => void b.writeUInt32BE(64 << 20, 14)],
    ['another KDF', (b) => void (b[9] = 2)],
    ['another cipher', (b) => void (b[13] = 2)],
    ['version 0', (b) => void (b[8] = 0)],
  ])('refuses %s as a changed header', (_name, edit) => {
    expect(errorOf(() => parseHeader(header(edit), 'c.enc'))).toMatchObject({
      code: 'FILE_TAMPERED',
      message: 'c.enc was refused: its header was changed. Nothing was written.',
    })
  })

  it('tells a file that is no encrypted workspace, and one from a newer Focal', () => {
    expect(errorOf(() => parseHeader(Buffer.from('SQLite format 3\0'), 'x.db')).message).toBe(
      'x.db is not a workspace encrypted by Focal.',
    )
    expect(
      errorOf(() =>
        parseHeader(
          header((b) => void (b[8] = 9)),
          'c.enc',
        ),
      ),
    ).toMatchObject({
      code: 'WORKSPACE_INVALID',
      message: 'c.enc was encrypted by a newer Focal (format 9).',
      hint: 'Update Focal to decrypt it.',
    })
  })
})
