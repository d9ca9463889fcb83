/**
 * The embedded sources channels (services-sources.ts) over the demo workspace: off by default
 * with nothing inside; switched on and off with answers that pass their contract, each
 * change audited once (setting it to what it is records nothing); unknown fields refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { demoServices } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

describe('sources channels', () => {
  it('read and switch the setting, audited', async () => {
    const state = CHANNELS['sources:get'].response
    expect(state.parse(await services['sources:get']({}))).toEqual({
      embedSources: false,
      files: 0,
      bytes: 0,
    })
    const on = state.parse(await services['sources:set']({ embedSources: true }))
    expect(on).toEqual({ embedSources: true, files: 0, bytes: 0 })
    expect((await services['sources:set']({ embedSources: true })).embedSources).toBe(true)
    expect((await services['sources:set']({ embedSources: false })).embedSources).toBe(false)
    const log = await services['audit:log']({ kind: 'settings', offset: 0, limit: 10 })
    expect(log.entries.map((e) => [e.action, e.details])).toEqual([
      ['settings.embed-sources', '{"embedSources":false}'],
      ['settings.embed-sources', '{"embedSources":true}'],
    ])
    expect(() =>
      CHANNELS['sources:set'].request.parse({ embedSources: true, path: '/x' }),
    ).toThrow()
  })
})
