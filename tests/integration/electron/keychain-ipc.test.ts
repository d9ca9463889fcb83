/**
 * Main's keychain channels (electron/main/keychain-ipc.ts) over real services and a real sealed
 * file, with the safeStorage stand-in (the Electron binary cannot be downloaded here): nothing
 * is remembered unless asked; a typed passphrase is remembered only when it opened the file;
 * the remembered one opens it without the page ever getting it; Forget removes it; without a
 * keychain nothing is stored and the reason is given.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { Keychain } from '../../../electron/main/keychain'
import { createKeychainTarget } from '../../../electron/main/keychain-ipc'
import { toFocalError, type Result, type WorkspaceInfo } from '../../../shared/contract'
import { tempDir } from '../../helpers/paths'
import { demoServices } from '../services/support'
import { standIn } from '../../unit/electron/main/safe-storage-stand-in'

const PASSPHRASE = 'kept by the keychain 4'
let services: FocalServices

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:createSealed']({ name: 'client', passphrase: PASSPHRASE })
  await services['workspace:close']({})
})
afterAll(() => services.close())

/** The engine's `workspace:openSealed` as main calls it: a Result, never a throw. */
const openSealed = (request: {
  name: string
  passphrase: string
}): Promise<Result<WorkspaceInfo>> =>
  services['workspace:openSealed'](request).then(
    (value) => ({ ok: true as const, value }),
    (cause: unknown) => ({ ok: false as const, error: toFocalError(cause) }),
  )

describe('keychain channels', () => {
  it('remembers a passphrase only when asked and when it opened the file', async () => {
    const folder = join(tempDir(), 'keychain')
    const target = createKeychainTarget(new Keychain(folder, standIn()), openSealed)
    const status = async (): Promise<unknown> =>
      (await target('keychain:status', { names: ['client', 'other'] })) as unknown
    expect(await status()).toEqual({
      ok: true,
      value: { available: true, reason: null, remembered: [] },
    })
    expect(await target('keychain:openSealed', { name: 'client', remember: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const wrong = { name: 'client', passphrase: 'not the passphrase', remember: true }
    expect(await target('keychain:openSealed', wrong)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    })
    const typed = { name: 'client', passphrase: PASSPHRASE, remember: false }
    expect(await target('keychain:openSealed', typed)).toMatchObject({
      ok: true,
      value: { name: 'client', sealed: true },
    })
    await services['workspace:close']({})
    expect(await status()).toMatchObject({ value: { remembered: [] } })

    const remember = { name: 'client', passphrase: PASSPHRASE, remember: true }
    expect((await target('keychain:openSealed', remember)).ok).toBe(true)
    await services['workspace:close']({})
    expect(await status()).toMatchObject({ value: { remembered: ['client'] } })
    for (const file of readdirSync(folder))
      expect(readFileSync(join(folder, file)).includes(Buffer.from(PASSPHRASE))).toBe(false)

    // Unlock with keychain: no passphrase from the page, and none in the answer.
    const unlocked = await target('keychain:openSealed', { name: 'client', remember: false })
    expect(unlocked).toMatchObject({ ok: true, value: { name: 'client', sealed: true } })
    expect(JSON.stringify(unlocked)).not.toContain(PASSPHRASE)
    await services['workspace:close']({})

    expect(await target('keychain:forget', { name: 'client' })).toEqual({ ok: true, value: null })
    expect(await status()).toMatchObject({ value: { remembered: [] } })
    expect(readdirSync(folder)).toEqual([])
  })

  it('stores nothing without a keychain, and says why', async () => {
    const folder = join(tempDir(), 'keychain')
    const target = createKeychainTarget(new Keychain(folder, standIn(false)), openSealed)
    const status = await target('keychain:status', { names: ['client'] })
    expect(status).toMatchObject({ ok: true, value: { available: false, remembered: [] } })
    expect((status as { value: { reason: string } }).value.reason).toMatch(/not available/)
    const remember = { name: 'client', passphrase: PASSPHRASE, remember: true }
    expect((await target('keychain:openSealed', remember)).ok).toBe(true)
    await services['workspace:close']({})
    expect(readdirSync(join(folder, '..'))).toEqual([])
  })
})
