/**
 * auto-run over real services (real DuckDB, the demo workspace): a click's change sends its
 * pivot request within the change itself, before anything renders; a change of the chart kind
 * alone runs nothing; typed text waits for its pause; nothing runs without a workspace.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import type { FocalTransport } from '../../../../renderer/src/api/transport'
import { watchPivotQuery } from '../../../../renderer/src/state/auto-run'
import { createRunScheduler, type RunScheduler } from '../../../../renderer/src/state/run-policy'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import type { PivotSpec } from '../../../../shared/pivot'
import { demoServices } from '../../../integration/services/support'

const PAUSE_MS = 20

let services: FocalServices
let store: AppStore
let scheduler: RunScheduler
let stop: () => void
/** The specs of the pivot:run requests sent, in order. */
let sent: PivotSpec[]

beforeEach(async () => {
  services = (await demoServices()).services
  sent = []
  store = createAppStore(transport())
  scheduler = createRunScheduler(() => void store.getState().runPivot(), PAUSE_MS)
  stop = watchPivotQuery(store, scheduler)
})
afterEach(() => {
  stop()
  scheduler.dispose()
  services.close()
})

/** The web host's transport answered in-process by the same services, noting each pivot:run. */
function transport(): FocalTransport {
  return new Proxy(
    {},
    {
      get:
        (_target, name: string) =>
        (request: unknown): Promise<unknown> => {
          if (name === 'pivot:run') sent.push((request as { spec: PivotSpec }).spec)
          const handler = (services as unknown as Record<string, (r: unknown) => unknown>)[name]
          return Promise.resolve(handler?.(request))
        },
    },
  ) as unknown as FocalTransport
}

const s = (): ReturnType<AppStore['getState']> => store.getState()

/** Waits until the run in flight (if any) has ended. */
async function settled(): Promise<void> {
  while (s().pivotTask.status === 'running') await new Promise((r) => setTimeout(r, 5))
}

describe('watchPivotQuery', () => {
  it('sends a click’s pivot request within the change, and shows its figures', async () => {
    await s().openSample()
    expect(s().workspace).not.toBeNull()
    s().updateSpec({ timeGrain: 'day' })
    // Synchronously: no render, no effect, no timer has had a turn yet.
    expect(sent.map((spec) => spec.timeGrain)).toEqual(['day'])
    expect(s().pivotTask.status).toBe('running')
    await settled()
    expect(s().pivotTask.status).toBe('done')
    expect(s().pivotResultSpec?.timeGrain).toBe('day')
  })

  it('runs nothing for a change of the chart kind alone', async () => {
    await s().openSample()
    s().updateSpec({ chart: { kind: 'line' } })
    expect(sent).toEqual([])
    expect(s().pivotTask.status).toBe('idle')
  })

  it('runs typed text once its typing pauses, then a click at once', async () => {
    await s().openSample()
    s().updateSpec({ topN: 5 }, { typing: true })
    s().updateSpec({ topN: 50 }, { typing: true })
    expect(sent).toEqual([])
    await new Promise((r) => setTimeout(r, PAUSE_MS * 3))
    expect(sent.map((spec) => spec.topN)).toEqual([50])
    await settled()
    s().updateSpec({ timeGrain: 'week' })
    expect(sent.map((spec) => [spec.topN, spec.timeGrain])).toEqual([
      [50, 'month'],
      [50, 'week'],
    ])
    await settled()
  })

  it('runs nothing while no workspace is open', () => {
    expect(s().workspace).toBeNull()
    s().updateSpec({ timeGrain: 'day' })
    expect(sent).toEqual([])
  })
})
