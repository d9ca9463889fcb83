/** core/crypto/sealed-session and ram-folder: a sealed workspace decrypted into RAM, saved back, locked, refused off RAM. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importSource } from '../../../electron/core/ingest/import-source'
import { RAM_DIR_VARIABLE } from '../../../electron/core/crypto/ram-folder'
import { SealedSession } from '../../../electron/core/crypto/sealed-session'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'
import { storedSums } from '../../helpers/workspace'
import { FAST_KDF, markedCsv, PASSPHRASE, refusal } from './fixture'

const RAM = '/dev/shm'
/** A process id no process has (Linux pids stay below 2^22). */
const GONE = 4194999

afterEach(() => {
  delete process.env[RAM_DIR_VARIABLE]
})

describe.runIf(existsSync(RAM))('SealedSession', () => {
  it('decrypts into RAM, saves back encrypted, and reopens with the same totals', async () => {
    const dir = tempDir()
    const { path: csv, marker, billed } = markedCsv(tempDir())
    const sealed = join(dir, 'client.focal.enc')
    const session = await SealedSession.open(sealed, PASSPHRASE, { create: true, kdf: FAST_KDF })
    expect(session.workspacePath.startsWith(`${RAM}/focal-sealed-${process.pid}-`)).toBe(true)
    expect(session.workspacePath.endsWith('/client.focal')).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['client.focal.enc', 'client.focal.enc.lock'])
    const ws = await Workspace.open(session.workspacePath)
    await importSource(ws, csv)
    await ws.close()
    await session.close()
    expect(existsSync(session.folder)).toBe(false)
    expect(readdirSync(dir)).toEqual(['client.focal.enc'])
    expect(readFileSync(sealed).includes(Buffer.from(marker))).toBe(false)

    const again = await SealedSession.open(sealed, PASSPHRASE, { kdf: FAST_KDF })
    const reopened = await Workspace.open(again.workspacePath, { readOnly: true })
    const sums = await storedSums(reopened)
    await reopened.close()
    again.discard()
    expect(sums).toEqual(
      Object.fromEntries(
        Object.entries(billed).map(([c, { sum, rows }]) => [
          c,
          expect.objectContaining({ rows, billed: sum }),
        ]),
      ),
    )
  })

  it('refuses a second session of the same file, and takes over the lock of a process gone', async () => {
    const dir = tempDir()
    const sealed = join(dir, 'client.focal.enc')
    const first = await SealedSession.open(sealed, PASSPHRASE, { create: true, kdf: FAST_KDF })
    const error = await refusal(SealedSession.open(sealed, PASSPHRASE))
    expect(error).toMatchObject({
      code: 'WORKSPACE_LOCKED',
      message: `client.focal.enc is open in another Focal session (process ${process.pid}).`,
    })
    await first.close()
    writeFileSync(`${sealed}.lock`, String(GONE))
    const taken = await SealedSession.open(sealed, PASSPHRASE)
    expect(readFileSync(`${sealed}.lock`, 'utf8')).toBe(String(process.pid))
    taken.discard()
    expect(readdirSync(dir)).toEqual(['client.focal.enc'])
  })

  it('removes the RAM folder a crashed session left, and refuses a wrong passphrase leaving nothing', async () => {
    const dir = tempDir()
    const sealed = join(dir, 'client.focal.enc')
    await (await SealedSession.open(sealed, PASSPHRASE, { create: true, kdf: FAST_KDF })).close()
    const crashed = join(RAM, `focal-sealed-${GONE}-test`)
    mkdirSync(crashed)
    writeFileSync(join(crashed, 'client.focal'), 'plaintext left by a crash')
    const before = readdirSync(RAM).filter((n) => n.startsWith(`focal-sealed-${process.pid}-`))
    const error = await refusal(SealedSession.open(sealed, 'not the passphrase'))
    expect(error.code).toBe('WRONG_PASSPHRASE')
    expect(existsSync(crashed)).toBe(false)
    expect(readdirSync(RAM).filter((n) => n.startsWith(`focal-sealed-${process.pid}-`))).toEqual(
      before,
    )
    expect(readdirSync(dir)).toEqual(['client.focal.enc'])
  })

  it('refuses a FOCAL_RAM_DIR that is not in RAM, writing nothing', async () => {
    const disk = tempDir()
    process.env[RAM_DIR_VARIABLE] = disk
    const dir = tempDir()
    const error = await refusal(
      SealedSession.open(join(dir, 'client.focal.enc'), PASSPHRASE, { create: true }),
    )
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'No RAM-backed folder for a sealed workspace: it would be decrypted to disk.',
    })
    expect(readdirSync(disk)).toEqual([])
    expect(readdirSync(dir)).toEqual([])
  })
})
