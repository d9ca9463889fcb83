/**
 * periods-slice: the app's store over real services (real DuckDB, the demo
 * sample) — loading the months, closing the Reports screen's month with its
 * own metric and source, a refused close kept as the action's error with the
 * list untouched, and reopening.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import type { FocalTransport } from '../../../../renderer/src/api/transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  store = createAppStore(transport())
})
afterEach(() => services.close())

/** The transport the web host gives the page, answered in-process by the same services. */
function transport(): FocalTransport {
  return new Proxy(
    {},
    {
      get:
        (_target, name: string) =>
        (request: unknown): unknown =>
          (services as unknown as Record<string, (r: unknown) => unknown>)[name]?.(request),
    },
  ) as unknown as FocalTransport
}

describe('periods slice', () => {
  it('loads the months, closes the screen’s month, keeps a refusal, and reopens', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().loadPeriods()
    expect(s().periods.task.status).toBe('done')
    expect(s().periods.list.map((p) => [p.period, p.state])).toEqual([
      ['2024-09', 'open'],
      ['2024-10', 'open'],
    ])

    s().setReport({ period: '2024-09', source: { by: 'SubAccountName' }, metric: 'EffectiveCost' })
    expect(await s().closeMonth('signed off')).toBe(true)
    const closed = s().periods.list.find((p) => p.period === '2024-09')
    expect(closed?.state).toBe('closed')
    expect(closed?.close?.metric).toBe('EffectiveCost')
    expect(closed?.close?.groupedBy).toBe('SubAccountName')
    expect(s().periods.action.status).toBe('done')

    expect(await s().closeMonth('again')).toBe(false)
    expect(s().periods.action.status).toBe('failed')
    expect(s().periods.action.error?.message).toContain('already closed')
    expect(s().periods.list.find((p) => p.period === '2024-09')?.state).toBe('closed')

    expect(await s().reopenMonth('late credit')).toBe(true)
    expect(s().periods.list.map((p) => [p.period, p.state])).toEqual([
      ['2024-09', 'reopened'],
      ['2024-10', 'open'],
    ])
  })
})
