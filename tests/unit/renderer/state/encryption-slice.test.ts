/**
 * encryption-slice: the app's store over real services (real DuckDB, the demo sample): the
 * scratch sample is refused, a saved workspace is encrypted and listed, a taken name and a
 * wrong passphrase fail into the decrypt task, the right one opens the decrypted workspace
 * with the sample's rows; no passphrase stays in the state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { servicesTransport } from './services-transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import { demoServices } from '../../../integration/services/support'

const PASSPHRASE = 'slice passphrase 9'
let services: FocalServices
let store: AppStore
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  store = createAppStore(servicesTransport(services, { hostless: ['showWorkspaceInFolder'] }))
})
afterEach(() => services.close())

describe('encryption slice', () => {
  it('encrypts a saved workspace, refuses a taken name and a wrong passphrase, opens the right one', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    expect(await s().encryptOpen(PASSPHRASE, false)).toBe(false)
    expect(s().encryption.encryptTask).toMatchObject({
      status: 'failed',
      error: { code: 'BAD_REQUEST' },
    })

    expect(await s().saveAs('kept')).toBe(true)
    expect(await s().encryptOpen(PASSPHRASE, false)).toBe(true)
    expect(s().encryption.written?.fileName).toBe('kept.focal.enc')
    expect(s().encryption.files.map((f) => f.name)).toEqual(['kept'])

    expect(await s().decryptAndOpen('kept', 'kept', PASSPHRASE)).toBe(false)
    expect(s().encryption.decryptTask.error?.message).toBe(
      'A workspace named kept already exists; nothing was written.',
    )
    expect(await s().decryptAndOpen('kept', 'carried', 'wrong passphrase')).toBe(false)
    expect(s().encryption.decryptTask.error?.code).toBe('WRONG_PASSPHRASE')
    expect(s().encryption.decrypting).toBe('kept')

    expect(await s().decryptAndOpen('kept', 'carried', PASSPHRASE)).toBe(true)
    expect(s().encryption.decryptTask.status).toBe('done')
    expect(s().workspace).toMatchObject({ name: 'carried', scratch: false, rowCount: 1000 })
    expect(
      s()
        .workspaces.map((w) => w.name)
        .sort(),
    ).toEqual(['carried', 'kept'])
    expect(s().carry.recent[0]?.name).toBe('carried')
    expect(JSON.stringify(s().encryption)).not.toContain(PASSPHRASE)
  })
})
