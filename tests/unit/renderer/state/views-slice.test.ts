/**
 * views-slice: the app's store over real services (real DuckDB) — undo/redo of pivot changes
 * for more than 50 steps, saving the pivot as a view (a taken name asks before replacing),
 * opening it back (undoable), and export/import of the view file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import type { FocalTransport } from '../../../../renderer/src/api/transport'
import { HISTORY_LIMIT } from '../../../../renderer/src/state/spec-history'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../../shared/pivot'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'views' })
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

/** The Nth pivot of a session: Top N set to n, so each differs from the one before. */
const step = (n: number): PivotSpec => ({ ...DEFAULT_PIVOT, topN: n })

/** Changes the pivot as the builder does, and records it as the Explore screen does. */
function edit(spec: PivotSpec): void {
  store.getState().updateSpec(spec)
  store.getState().recordSpec(store.getState().spec)
}

describe('views slice', () => {
  it('undoes 60 pivot changes back to the first pivot, redoes them, and a new change drops the redo steps', () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    s().recordSpec(s().spec)
    for (let n = 1; n <= 60; n += 1) edit(step(n))
    expect(s().spec.topN).toBe(60)
    for (let n = 59; n >= 1; n -= 1) {
      s().undoSpec()
      expect(s().spec.topN).toBe(n)
    }
    s().undoSpec()
    expect(s().spec).toEqual(DEFAULT_PIVOT)
    // At the start, undo changes nothing.
    const before = s().spec
    s().undoSpec()
    expect(s().spec).toBe(before)
    for (let n = 1; n <= 3; n += 1) s().redoSpec()
    expect(s().spec.topN).toBe(3)
    // Recording the spec an undo/redo put in place is not a new step.
    s().recordSpec(s().spec)
    s().redoSpec()
    expect(s().spec.topN).toBe(4)
    edit(step(100))
    s().redoSpec()
    expect(s().spec.topN).toBe(100)
    s().undoSpec()
    expect(s().spec.topN).toBe(4)
  })

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    s().recordSpec(s().spec)
    for (let n = 1; n <= HISTORY_LIMIT + 20; n += 1) edit(step(n))
    for (let n = 0; n < HISTORY_LIMIT + 20; n += 1) s().undoSpec()
    expect(s().spec.topN).toBe(20)
    expect(s().specHistory.past).toHaveLength(0)
  })

  it('saves the pivot as a view, asks before replacing it, opens it back and undoes the open', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    const monthly: PivotSpec = { ...DEFAULT_PIVOT, columns: { kind: 'time' }, topN: 7 }
    s().recordSpec(s().spec)
    edit(monthly)
    expect(await s().saveView('Monthly', false)).toBe('saved')
    expect(s().views.list.map((v) => [v.name, v.spec])).toEqual([['Monthly', monthly]])
    expect(s().views.current).toBe('Monthly')

    edit(step(3))
    const edited = s().spec
    expect(edited).toEqual({ ...monthly, topN: 3 })
    expect(await s().saveView('Monthly', false)).toBe('exists')
    expect(s().views.change.status).toBe('idle')
    expect((await services['views:list']({}))[0]?.spec).toEqual(monthly)

    s().openView('Monthly')
    expect(s().spec).toEqual(monthly)
    s().undoSpec()
    expect(s().spec).toBe(edited)
    expect(await s().saveView('Monthly', true)).toBe('saved')
    expect((await services['views:list']({}))[0]?.spec).toEqual(edited)
  })

  it('renames, duplicates, deletes, exports and imports, rereading the list each time', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    edit(step(5))
    await s().saveView('Top five', false)
    expect(await s().duplicateView('Top five', 'Copy')).toBe(true)
    expect(await s().renameView('Top five', 'Five')).toBe(true)
    expect(s().views.current).toBe('Five')
    expect(s().views.list.map((v) => v.name)).toEqual(['Copy', 'Five'])
    expect(await s().renameView('Five', 'Copy')).toBe(false)
    expect(s().views.change.error?.message).toBe(
      'A view named Copy exists; delete or rename it first.',
    )
    const file = await s().exportView('Five')
    expect(file?.fileName).toBe('Five.focal-view.json')
    expect(await s().deleteView('Five')).toBe(true)
    expect(s().views.current).toBeNull()
    expect(s().views.list.map((v) => v.name)).toEqual(['Copy'])
    expect(await s().importView('Five.focal-view.json', file?.text ?? '', false)).toBe('saved')
    // An import opens nothing: the pivot shown is not the imported view.
    expect(s().views.current).toBeNull()
    expect(await s().importView('Five.focal-view.json', file?.text ?? '', false)).toBe('exists')
    expect(await s().importView('x.json', '{"focalView":1}', false)).toBe('failed')
    expect(s().views.change.error?.message).toMatch(/^x\.json is not a Focal view file \(name: /)
    expect(s().views.list.map((v) => [v.name, v.spec.topN])).toEqual([
      ['Copy', 5],
      ['Five', 5],
    ])
  })
})
