/**
 * The Anomalies tab: the last scan (every state; the tab filters), the anomaly open with its
 * series' chart, and state changes, which re-scan so the list shows what is stored. Kept under
 * one `anomalies` key (CONVENTIONS.md: state stays small per slice).
 */
import type { StateCreator } from 'zustand'
import { addDays, anomalyKeyText, type AnomalyState } from '../../../shared/anomalies'
import type { Anomaly, AnomalyScan, AnomalySeries } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The anomalies state. */
export interface AnomaliesState {
  readonly scan: AnomalyScan | null
  readonly task: Task
  /** The key text (shared/anomalies anomalyKeyText) of the anomaly open, if any. */
  readonly selected: string | null
  readonly series: AnomalySeries | null
  readonly seriesTask: Task
  /** A state change under way or failed. */
  readonly saveTask: Task
}

/** A scan's own choices (the stored settings apply where not given). */
export interface AnomalyScanChoice {
  readonly minAmount?: string
  readonly sensitivity?: number
}

/** State and actions of the anomalies tab. */
export interface AnomaliesSlice {
  readonly anomalies: AnomaliesState
  /** Scans the last 30 days with data; given settings are stored first. */
  scanAnomalies(choice?: AnomalyScanChoice): Promise<void>
  /** Opens an anomaly and loads its series' chart (the scanned range and 4 weeks before). */
  selectAnomaly(anomaly: Anomaly | null): Promise<void>
  /** Stores a state for an anomaly, then re-scans. */
  setAnomalyState(
    anomaly: Anomaly,
    state: AnomalyState,
    explanation?: { note: string; owner: string },
  ): Promise<boolean>
}

/** Creates the slice over a transport. */
export function createAnomaliesSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], AnomaliesSlice> {
  return (set, get) => {
    const patch = (change: Partial<AnomaliesState>): void =>
      set((s) => ({ anomalies: { ...s.anomalies, ...change } }))
    const rescan = async (): Promise<void> => {
      const last = get().anomalies.scan
      const scan = await api['anomalies:scan'](
        last?.from && last.to ? { from: last.from, to: last.to } : {},
      )
      patch({ scan })
    }
    return {
      anomalies: {
        scan: null,
        task: IDLE,
        selected: null,
        series: null,
        seriesTask: IDLE,
        saveTask: IDLE,
      },
      scanAnomalies: async (choice = {}) => {
        patch({ task: RUNNING })
        try {
          if (choice.minAmount !== undefined || choice.sensitivity !== undefined)
            await api['anomalies:settings'](choice)
          patch({ scan: await api['anomalies:scan']({}), task: DONE })
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
      selectAnomaly: async (anomaly) => {
        if (!anomaly) return patch({ selected: null, series: null, seriesTask: IDLE })
        const { scan } = get().anomalies
        patch({ selected: anomalyKeyText(anomaly.key), series: null, seriesTask: RUNNING })
        try {
          const series = await api['anomalies:series']({
            by: anomaly.key.by,
            values: anomaly.key.values,
            currency: anomaly.key.currency,
            // Four weeks before the scanned range too, so the band's history is in view.
            from: addDays(scan?.from ?? anomaly.key.day, -28),
            to: scan?.to ?? anomaly.through,
            metric: scan?.metric ?? 'BilledCost',
          })
          if (get().anomalies.selected === anomalyKeyText(anomaly.key))
            patch({ series, seriesTask: DONE })
        } catch (cause) {
          patch({ seriesTask: failed(cause) })
        }
      },
      setAnomalyState: async (anomaly, state, explanation) => {
        patch({ saveTask: RUNNING })
        try {
          await api['anomalies:setState']({
            key: anomaly.key,
            state,
            ...(explanation ? { note: explanation.note, owner: explanation.owner } : {}),
          })
          await rescan()
          patch({ saveTask: DONE })
          return true
        } catch (cause) {
          patch({ saveTask: failed(cause) })
          return false
        }
      },
    }
  }
}
