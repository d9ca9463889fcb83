/**
 * sources-slice: the app's store over real services (real DuckDB, the demo file): a new
 * workspace embeds nothing; turned on, the next import is kept inside and counted; turned off,
 * the count stays; a failure lands in the task.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { servicesTransport } from './services-transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import { DEMO, demoServices, importStaged } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
beforeEach(async () => {
  services = (await demoServices()).services
  store = createAppStore(servicesTransport(services))
})
afterEach(() => services.close())

describe('sources slice', () => {
  it('reads the setting and counts, turns embedding on and off', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().loadSources()
    expect(s().sources.task).toMatchObject({ status: 'failed', error: { code: 'NO_WORKSPACE' } })
    await services['workspace:create']({ name: 'embedded' })
    await s().loadSources()
    expect(s().sources.state).toEqual({ embedSources: false, files: 0, bytes: 0 })

    expect(await s().setEmbedSources(true)).toBe(true)
    expect(s().sources.state).toEqual({ embedSources: true, files: 0, bytes: 0 })
    await importStaged(services, DEMO, 'focus-sample.csv')
    await s().loadSources()
    expect(s().sources.state).toMatchObject({ embedSources: true, files: 1 })
    expect(s().sources.state?.bytes).toBeGreaterThan(0)

    expect(await s().setEmbedSources(false)).toBe(true)
    expect(s().sources.state).toMatchObject({ embedSources: false, files: 1 })
    expect(s().sources.task.status).toBe('done')
  })
})
