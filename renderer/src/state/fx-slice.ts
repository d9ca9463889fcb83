/**
 * Exchange rates on the Reports screen: the rates files imported and the rates in force,
 * a rates CSV uploaded as its name and text, and the reporting currency a pack is also
 * stated in (empty: none). Kept under one `fx` key (CONVENTIONS.md: state stays small per slice).
 */
import type { StateCreator } from 'zustand'
import type { FxImportResult, FxList } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The exchange rate state. */
export interface FxState {
  readonly list: FxList | null
  readonly last: FxImportResult | null
  readonly task: Task
  /** ISO code in capitals, or '' for none. */
  readonly reportingCurrency: string
}

/** Exchange rate state and actions. */
export interface FxSlice {
  readonly fx: FxState
  loadFx(): Promise<void>
  /** Uploads a rates CSV (date or month, from, to, rate, source); errors land in the task. */
  uploadRates(file: File): Promise<void>
  setReportingCurrency(code: string): void
}

/** Creates the exchange rate slice over a transport. */
export function createFxSlice(api: FocalTransport): StateCreator<AppState, [], [], FxSlice> {
  return (set) => {
    const patch = (change: Partial<FxState>): void => set((s) => ({ fx: { ...s.fx, ...change } }))
    return {
      fx: { list: null, last: null, task: IDLE, reportingCurrency: '' },
      loadFx: async () => {
        try {
          patch({ list: await api['fx:list']({}) })
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
      uploadRates: async (file) => {
        patch({ task: RUNNING })
        try {
          const last = await api['fx:import']({ fileName: file.name, text: await file.text() })
          patch({ last, list: await api['fx:list']({}), task: DONE })
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
      setReportingCurrency: (code) =>
        patch({
          reportingCurrency: code
            .replace(/[^A-Za-z]/g, '')
            .toUpperCase()
            .slice(0, 3),
        }),
    }
  }
}
