/** "What's loaded": the summary per billing period × provider × account × currency, and the import registry. */
import type { StateCreator } from 'zustand'
import type { ImportRecord, LoadedRow } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** Loaded-data state and actions. */
export interface LoadedSlice {
  readonly loadedTask: Task
  readonly loadedRows: readonly LoadedRow[]
  readonly imports: readonly ImportRecord[]
  /** The dataVersion the rows were loaded at; older means stale. */
  readonly loadedVersion: number
  refreshLoaded(): Promise<void>
}

/** Creates the loaded slice over a transport. */
export function createLoadedSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], LoadedSlice> {
  return (set, get) => ({
    loadedTask: IDLE,
    loadedRows: [],
    imports: [],
    loadedVersion: -1,
    refreshLoaded: async () => {
      const version = get().dataVersion
      set({ loadedTask: RUNNING })
      try {
        const [loadedRows, imports] = await Promise.all([
          api['loaded:summary']({}),
          api['imports:list']({}),
        ])
        set({
          loadedRows,
          imports,
          loadedVersion: version,
          loadedTask: { status: 'done', error: null },
        })
      } catch (cause) {
        set({ loadedTask: failed(cause), loadedVersion: version })
      }
    },
  })
}
