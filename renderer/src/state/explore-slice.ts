/** Explore: the catalog, the pivot being edited, and the latest result (by query id). */
import type { StateCreator } from 'zustand'
import type { Catalog, PivotMeta } from '../../../shared/contract'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import type { FocalTransport } from '../api'
import { storeResult } from './result-cache'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** Explore state and actions. */
export interface ExploreSlice {
  readonly catalog: Catalog | null
  readonly catalogTask: Task
  readonly catalogVersion: number
  /** The pivot being edited; its `chart` is how the result is charted (saved with a view). */
  readonly spec: PivotSpec
  readonly pivotTask: Task
  /** Query id of the run in flight or of the shown result (its table is in result-cache). */
  readonly pivotQueryId: string | null
  readonly pivotMeta: PivotMeta | null
  /** Query id of the result on screen; it stays shown while a newer run is in flight. */
  readonly pivotResultId: string | null
  /** The spec the shown result was computed for (the one being edited may be newer). */
  readonly pivotResultSpec: PivotSpec | null
  loadCatalog(): Promise<void>
  updateSpec(change: Partial<PivotSpec>): void
  runPivot(): Promise<void>
}

let queryCounter = 0

/** Creates the explore slice over a transport. */
export function createExploreSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], ExploreSlice> {
  return (set, get) => ({
    catalog: null,
    catalogTask: IDLE,
    catalogVersion: -1,
    spec: DEFAULT_PIVOT,
    pivotTask: IDLE,
    pivotQueryId: null,
    pivotMeta: null,
    pivotResultId: null,
    pivotResultSpec: null,
    loadCatalog: async () => {
      const version = get().dataVersion
      set({ catalogTask: RUNNING })
      try {
        set({ catalog: await api['catalog:get']({}), catalogTask: DONE, catalogVersion: version })
      } catch (cause) {
        set({ catalogTask: failed(cause), catalogVersion: version })
      }
    },
    updateSpec: (change) => set((state) => ({ spec: { ...state.spec, ...change } })),
    runPivot: async () => {
      const previous = get().pivotQueryId
      // A newer spec makes the running query pointless: ask the engine to stop it.
      if (previous && get().pivotTask.status === 'running')
        void api['pivot:cancel']({ queryId: previous }).catch(() => undefined)
      queryCounter += 1
      const queryId = `q${Date.now().toString(36)}-${queryCounter}`
      set({ pivotQueryId: queryId, pivotTask: RUNNING })
      try {
        const spec = get().spec
        const { meta, arrow } = await api['pivot:run']({ spec, queryId })
        if (get().pivotQueryId !== queryId) return
        storeResult(queryId, arrow)
        set({ pivotMeta: meta, pivotResultId: queryId, pivotResultSpec: spec, pivotTask: DONE })
      } catch (cause) {
        // A cancelled or superseded run is not an error the user needs to see.
        if (get().pivotQueryId === queryId) set({ pivotTask: failed(cause) })
      }
    },
  })
}
