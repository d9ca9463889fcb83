/**
 * carry-slice: the app's store over real services (real DuckDB, the demo sample): Save As
 * keeps the sample as a workspace and the app works in it, the Recent list shows it, a taken
 * name is refused without leaving the copy, "Show in folder" says where the file is, and the
 * diagnostics file is a ZIP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { servicesTransport } from './services-transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  store = createAppStore(servicesTransport(services, { hostless: ['showWorkspaceInFolder'] }))
})
afterEach(() => services.close())

describe('carry slice', () => {
  it('saves the sample as a workspace, lists it, refuses a taken name and says where the file is', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    expect(await s().saveAs('kept sample')).toBe(true)
    expect(s().carry.saveAsTask.status).toBe('done')
    expect(s().workspace).toMatchObject({ name: 'kept sample', scratch: false, rowCount: 1000 })
    expect(s().carry.recent.map((r) => [r.name, r.missing])).toEqual([['kept sample', false]])
    expect(s().workspaces.map((w) => w.name)).toEqual(['kept sample'])

    expect(await s().saveAs('kept sample')).toBe(false)
    expect(s().carry.saveAsTask).toMatchObject({
      status: 'failed',
      error: { code: 'BAD_REQUEST', message: 'A workspace named kept sample already exists.' },
    })
    expect(s().workspace?.name).toBe('kept sample')

    await s().locate('kept sample')
    expect(s().carry.location?.fileName).toBe('kept sample.focal')
    expect(s().carry.location?.folder).toMatch(/workspaces$/)

    const file = await s().diagnostics()
    expect(file?.fileName).toMatch(/^focal-diagnostics-\d{4}-\d\d-\d\d\.zip$/)
    expect(
      Buffer.from(file?.base64 ?? '', 'base64')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
  })
})
