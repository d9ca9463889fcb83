/** Explore: the catalog, the pivot being edited, and the latest result (by query id). */
import type { StateCreator } from 'zustand'
import type { Catalog, FocalError, PivotMeta, PivotTableData } from '../../../shared/contract'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import type { FocalTransport } from '../api'
import { cancelQueries, runProgress, runQueries } from './pivot-run'
import { storeResult } from './result-cache'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** Where the latest run is: when it started, and whether it was cancelled or answered from the cache. */
export interface PivotRunState {
  /** Date.now() when the run in flight started; null when none is. */
  readonly startedAt: number | null
  /** The latest run was cancelled: the result on screen is of an older spec. */
  readonly cancelled: boolean
  /** The result on screen came from the engine's cache of answered specs. */
  readonly cached: boolean
}

/** The pivot table of the shown result, when its spec wants one (several measures, a column axis). */
export interface PivotMatrixState {
  readonly table: PivotTableData | null
  readonly spec: PivotSpec | null
  readonly error: FocalError | null
}

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
  readonly pivotRun: PivotRunState
  readonly pivotMatrix: PivotMatrixState
  /** The spec as a typed change left it: while it is the one edited, its run waits for typing to pause. */
  readonly typedSpec: PivotSpec | null
  loadCatalog(): Promise<void>
  /** Changes the pivot; `typing` when the change is typed text (a date, Top N), so the run waits (run-policy.ts). */
  updateSpec(change: Partial<PivotSpec>, how?: { typing?: boolean }): void
  runPivot(): Promise<void>
  /** Stops the run in flight; the previous result stays on screen, marked as not current. */
  cancelPivot(): void
  /** DuckDB's progress of the run in flight (0–100), null when it does not know. */
  pivotProgress(): Promise<number | null>
}

const NOT_RUNNING: PivotRunState = { startedAt: null, cancelled: false, cached: false }

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
    pivotRun: NOT_RUNNING,
    pivotMatrix: { table: null, spec: null, error: null },
    typedSpec: null,
    loadCatalog: async () => {
      const version = get().dataVersion
      set({ catalogTask: RUNNING })
      try {
        set({ catalog: await api['catalog:get']({}), catalogTask: DONE, catalogVersion: version })
      } catch (cause) {
        set({ catalogTask: failed(cause), catalogVersion: version })
      }
    },
    updateSpec: (change, how) =>
      set((state) => {
        const spec = { ...state.spec, ...change }
        return { spec, typedSpec: how?.typing ? spec : null }
      }),
    runPivot: async () => {
      const previous = get().pivotQueryId
      // A newer spec makes the running query pointless: ask the engine to stop it.
      if (previous && get().pivotTask.status === 'running') cancelQueries(api, previous)
      queryCounter += 1
      const queryId = `q${Date.now().toString(36)}-${queryCounter}`
      const spec = get().spec
      set({
        pivotQueryId: queryId,
        pivotTask: RUNNING,
        pivotRun: { startedAt: Date.now(), cancelled: false, cached: false },
      })
      const outcome = await runQueries(api, spec, queryId)
      // A superseded run is not what the user looks at any more.
      if (get().pivotQueryId !== queryId) return
      if (outcome.kind === 'cancelled') {
        set({ pivotTask: IDLE, pivotRun: { ...NOT_RUNNING, cancelled: true } })
        return
      }
      if (outcome.kind === 'failed') {
        set({ pivotTask: failed(outcome.error), pivotRun: NOT_RUNNING })
        return
      }
      storeResult(queryId, outcome.arrow)
      set({
        pivotMeta: outcome.meta,
        pivotResultId: queryId,
        pivotResultSpec: spec,
        pivotTask: DONE,
        pivotMatrix: outcome.tableError
          ? { ...get().pivotMatrix, error: outcome.tableError }
          : { table: outcome.table, spec: outcome.table ? spec : null, error: null },
        pivotRun: {
          ...NOT_RUNNING,
          cached: outcome.meta.cached === true && (outcome.table?.cached ?? true),
        },
      })
    },
    cancelPivot: () => {
      const running = get().pivotQueryId
      if (running && get().pivotTask.status === 'running') cancelQueries(api, running)
    },
    pivotProgress: async () => {
      const running = get().pivotQueryId
      if (!running || get().pivotTask.status !== 'running') return null
      return runProgress(api, running)
    },
  })
}
