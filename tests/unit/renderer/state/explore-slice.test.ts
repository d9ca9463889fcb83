/**
 * explore-slice over real services (real DuckDB, the demo workspace): a run asks the engine
 * once and a repeat is answered from its cache; Cancel stops a run (even one whose request
 * has not reached the engine yet) and keeps the previous figures; typed changes are marked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import type { FocalTransport } from '../../../../renderer/src/api/transport'
import { DEFAULT_PIVOT } from '../../../../shared/pivot'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
/** While set, pivot:run requests wait for it before reaching the services. */
let gate: Promise<void> | null = null

beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  store = createAppStore(transport())
})
afterEach(() => services.close())

/** The web host's transport answered in-process by the same services; pivot:run waits at the gate. */
function transport(): FocalTransport {
  const call = (name: string, request: unknown): unknown =>
    (services as unknown as Record<string, (r: unknown) => unknown>)[name]?.(request)
  return new Proxy(
    {},
    {
      get:
        (_target, name: string) =>
        async (request: unknown): Promise<unknown> => {
          if (name === 'pivot:run' && gate) await gate
          return call(name, request)
        },
    },
  ) as unknown as FocalTransport
}

describe('explore slice', () => {
  it('answers a repeated run from the engine cache and says so', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().runPivot()
    expect(s().pivotTask.status).toBe('done')
    expect(s().pivotRun).toEqual({ startedAt: null, cancelled: false, cached: false })
    const first = s().pivotMeta
    await s().runPivot()
    expect(s().pivotRun.cached).toBe(true)
    expect({ ...s().pivotMeta, cached: undefined }).toEqual(first)
  })

  it('cancel keeps the previous figures, marks the run cancelled, and the next run works', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().runPivot()
    const shown = s().pivotResultId
    s().updateSpec({ timeGrain: 'day' })
    let open = (): void => undefined
    gate = new Promise((resolve) => (open = resolve))
    const running = s().runPivot()
    expect(s().pivotTask.status).toBe('running')
    expect(s().pivotRun.startedAt).not.toBeNull()
    s().cancelPivot()
    open()
    gate = null
    await running
    expect(s().pivotRun.cancelled).toBe(true)
    expect(s().pivotTask.status).toBe('idle')
    expect(s().pivotResultId).toBe(shown)
    expect(s().pivotResultSpec).toEqual(DEFAULT_PIVOT)
    await s().runPivot()
    expect(s().pivotRun.cancelled).toBe(false)
    expect(s().pivotResultSpec?.timeGrain).toBe('day')
  })

  it('marks a typed change, and a click after it is not typed', () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    s().updateSpec({ topN: 5 }, { typing: true })
    expect(s().typedSpec).toBe(s().spec)
    s().updateSpec({ timeGrain: 'week' })
    expect(s().typedSpec).toBeNull()
  })
})
