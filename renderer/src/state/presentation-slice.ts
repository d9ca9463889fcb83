/**
 * Presentation mode (issue 11, Privacy): whether the open workspace shows account ids and
 * names, resource ids and names and tag values as stable aliases. Switching bumps the data
 * version, so every screen reloads its figures through the masked (or unmasked) view.
 * Kept under one `presentation` key.
 */
import type { StateCreator } from 'zustand'
import type { PresentationState } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The presentation mode state; `mode` is null until read. */
export interface PresentationSliceState {
  readonly mode: PresentationState | null
  readonly task: Task
}

/** Presentation mode state and actions. */
export interface PresentationSlice {
  readonly presentation: PresentationSliceState
  loadPresentation(): Promise<void>
  /** Switches the mode of the open workspace (every tag value masked); errors land in the task. */
  setPresentation(on: boolean): Promise<void>
}

/** Creates the presentation mode slice over a transport. */
export function createPresentationSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], PresentationSlice> {
  return (set) => {
    const patch = (change: Partial<PresentationSliceState>): void =>
      set((s) => ({ presentation: { ...s.presentation, ...change } }))
    return {
      presentation: { mode: null, task: IDLE },
      loadPresentation: async () => {
        try {
          patch({ mode: await api['presentation:get']({}) })
        } catch (cause) {
          patch({ mode: null, task: failed(cause) })
        }
      },
      setPresentation: async (on) => {
        patch({ task: RUNNING })
        try {
          const mode = await api['presentation:set']({ on })
          set((s) => ({
            presentation: { mode, task: DONE },
            dataVersion: s.dataVersion + 1,
            // The last anomaly scan is kept across screens and is not re-read on mount: drop
            // it (and the anomaly open), so the tab scans again in the mode now on.
            anomalies: {
              ...s.anomalies,
              scan: null,
              task: IDLE,
              selected: null,
              series: null,
              seriesTask: IDLE,
            },
          }))
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
    }
  }
}
