/** "What's loaded": the summary per billing period × provider × account × currency, and the import registry. */
import type { StateCreator } from 'zustand'
import type { CommitmentList, ImportRecord, LoadedRow } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** Loaded-data state and actions. */
export interface LoadedSlice {
  readonly loadedTask: Task
  readonly loadedRows: readonly LoadedRow[]
  readonly imports: readonly ImportRecord[]
  /** The FOCUS Contract Commitment dataset's counted commitments (never part of a cost total). */
  readonly commitments: CommitmentList | null
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
    commitments: null,
    loadedVersion: -1,
    refreshLoaded: async () => {
      const version = get().dataVersion
      set({ loadedTask: RUNNING })
      try {
        const [loadedRows, imports, commitments] = await Promise.all([
          api['loaded:summary']({}),
          api['imports:list']({}),
          api['commitments:list']({}),
        ])
        set({
          loadedRows,
          imports,
          commitments,
          loadedVersion: version,
          loadedTask: { status: 'done', error: null },
        })
      } catch (cause) {
        set({ loadedTask: failed(cause), loadedVersion: version })
      }
    },
  })
}
