/**
 * "Explain this number" for a report figure (shared/contract/explain.ts): the figure whose
 * chain the Explain drawer shows, read once per opening, and its evidence bundle. Opened from
 * a report entry on the Audit trail screen or a cost center's figure in the Reports preview.
 */
import type { StateCreator } from 'zustand'
import type { ExplainedFigureView, ExplainRequest } from '../../../shared/contract/explain'
import type { PivotExportFileData } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The Explain drawer's state; `request` null when it is closed. */
export interface ExplainState {
  readonly request: ExplainRequest | null
  readonly figure: ExplainedFigureView | null
  readonly task: Task
  readonly evidenceTask: Task
}

/** Explain state and actions. */
export interface ExplainSlice {
  readonly explain: ExplainState
  /** Opens the drawer on `request` and reads its chain. */
  openExplain(request: ExplainRequest): Promise<void>
  closeExplain(): void
  /** The open figure's evidence bundle, for the screen to download; null when it failed. */
  explainEvidence(): Promise<PivotExportFileData | null>
}

const CLOSED: ExplainState = { request: null, figure: null, task: IDLE, evidenceTask: IDLE }

/** Creates the explain slice over a transport. */
export function createExplainSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], ExplainSlice> {
  return (set, get) => {
    const patch = (change: Partial<ExplainState>): void =>
      set((s) => ({ explain: { ...s.explain, ...change } }))
    return {
      explain: CLOSED,
      openExplain: async (request) => {
        set({ explain: { ...CLOSED, request, task: RUNNING } })
        try {
          const figure = await api['explain:figure'](request)
          // Another figure opened meanwhile wins.
          if (get().explain.request === request) patch({ figure, task: DONE })
        } catch (cause) {
          if (get().explain.request === request) patch({ task: failed(cause) })
        }
      },
      closeExplain: () => set({ explain: CLOSED }),
      explainEvidence: async () => {
        const request = get().explain.request
        if (!request) return null
        patch({ evidenceTask: RUNNING })
        try {
          const file = await api['explain:evidence'](request)
          patch({ evidenceTask: DONE })
          return file
        } catch (cause) {
          patch({ evidenceTask: failed(cause) })
          return null
        }
      },
    }
  }
}
