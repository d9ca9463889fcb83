/**
 * encryption-slice with the desktop app's keychain (main's keychain-ipc.ts over real services
 * and the safeStorage stand-in, as the Electron binary cannot be downloaded here): "Remember"
 * keeps the passphrase only in main's keychain, Unlock with keychain opens the sealed file with
 * none typed, Forget removes it; no passphrase stays in the state. The web host has no keychain
 * and the state says why.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { Keychain } from '../../../../electron/main/keychain'
import { createKeychainTarget } from '../../../../electron/main/keychain-ipc'
import { KEYCHAIN_WEB_REASON } from '../../../../shared/contract/encryption'
import { toFocalError, FocalFailure, type Result } from '../../../../shared/contract'
import type { FocalTransport } from '../../../../renderer/src/api/transport'
import { createAppStore } from '../../../../renderer/src/state/store'
import { demoServices } from '../../../integration/services/support'
import { tempDir } from '../../../helpers/paths'
import { standIn } from '../../electron/main/safe-storage-stand-in'
import { servicesTransport } from './services-transport'

const PASSPHRASE = 'slice keychain 11'
let services: FocalServices
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:createSealed']({ name: 'client', passphrase: PASSPHRASE })
  await services['workspace:close']({})
})
afterEach(() => services.close())

/** The desktop transport's keychain: main's target, its Results unwrapped as the transport does. */
function desktopKeychain(): NonNullable<FocalTransport['keychain']> {
  const target = createKeychainTarget(new Keychain(tempDir(), standIn()), (request) =>
    services['workspace:openSealed'](request).then(
      (value) => ({ ok: true as const, value }),
      (cause: unknown) => ({ ok: false as const, error: toFocalError(cause) }),
    ),
  )
  const unwrap = async <T>(result: Promise<Result<unknown>>): Promise<T> => {
    const answer = await result
    if (!answer.ok) throw new FocalFailure(answer.error)
    return answer.value as T
  }
  return {
    status: (names) => unwrap(target('keychain:status', { names })),
    openSealed: (request) => unwrap(target('keychain:openSealed', request)),
    forget: (name) => unwrap(target('keychain:forget', { name })),
  }
}

describe('encryption slice keychain', () => {
  it('remembers on request, unlocks without a typed passphrase, forgets', async () => {
    const keychain = desktopKeychain()
    const transport = servicesTransport(services)
    const store = createAppStore(
      new Proxy(transport, {
        get: (target, name) => (name === 'keychain' ? keychain : Reflect.get(target, name)),
      }),
    )
    const s = () => store.getState()
    await s().loadEncrypted()
    expect(s().encryption.keychain).toEqual({ available: true, reason: null, remembered: [] })

    expect(await s().openSealed('client', PASSPHRASE, false, true)).toBe(true)
    expect(s().workspace).toMatchObject({ name: 'client', sealed: true })
    expect(s().encryption.keychain?.remembered).toEqual(['client'])
    await s().closeWorkspace()

    expect(await s().unlockWithKeychain('client')).toBe(true)
    expect(s().workspace).toMatchObject({ name: 'client', sealed: true })
    expect(JSON.stringify(s())).not.toContain(PASSPHRASE)
    await s().closeWorkspace()

    await s().forgetPassphrase('client')
    expect(s().encryption.keychain?.remembered).toEqual([])
    expect(await s().unlockWithKeychain('client')).toBe(false)
    expect(s().encryption.sealedTask.error?.code).toBe('NOT_FOUND')
  })

  it('says why the web host never remembers a passphrase', async () => {
    const store = createAppStore(servicesTransport(services, { hostless: ['keychain'] }))
    await store.getState().loadEncrypted()
    expect(store.getState().encryption.keychain).toEqual({
      available: false,
      reason: KEYCHAIN_WEB_REASON,
      remembered: [],
    })
    // Remember is ignored where there is no keychain: the file opens, nothing is kept.
    expect(await store.getState().openSealed('client', PASSPHRASE, false, true)).toBe(true)
  })
})
