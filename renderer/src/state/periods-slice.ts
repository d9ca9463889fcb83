/**
 * Closing a month from the Reports screen: every month's state (Open, Closed,
 * Reopened) with its packs, and closing or reopening the month the screen
 * reports on, with a note. A close freezes the figures of the screen's own
 * request (its metric and source), so what is closed is what is shown.
 */
import type { StateCreator } from 'zustand'
import type { PeriodEntryInfo } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The months, how they were loaded, and the last close or reopen. */
export interface PeriodsState {
  readonly list: readonly PeriodEntryInfo[]
  readonly task: Task
  /** The last close or reopen asked for on this screen. */
  readonly action: Task
}

/** Periods state and actions. */
export interface PeriodsSlice {
  readonly periods: PeriodsState
  loadPeriods(): Promise<void>
  /** Closes the Reports screen's month; true when it closed. */
  closeMonth(note: string): Promise<boolean>
  /** Reopens it; true when it reopened. */
  reopenMonth(note: string): Promise<boolean>
}

/** Creates the periods slice over a transport. */
export function createPeriodsSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], PeriodsSlice> {
  return (set, get) => {
    const patch = (change: Partial<PeriodsState>): void =>
      set((state) => ({ periods: { ...state.periods, ...change } }))
    const take = (entry: PeriodEntryInfo): void => {
      const others = get().periods.list.filter((p) => p.period !== entry.period)
      patch({
        list: [...others, entry].sort((a, b) => a.period.localeCompare(b.period)),
        action: DONE,
      })
    }
    const act = async (work: () => Promise<PeriodEntryInfo>): Promise<boolean> => {
      if (get().periods.action.status === 'running') return false
      patch({ action: RUNNING })
      try {
        take(await work())
        return true
      } catch (cause) {
        patch({ action: failed(cause) })
        return false
      }
    }
    return {
      periods: { list: [], task: IDLE, action: IDLE },
      loadPeriods: async () => {
        patch({ task: RUNNING })
        try {
          patch({ list: await api['periods:list']({}), task: DONE })
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
      closeMonth: async (note) => {
        const { period, metric, source } = get().report
        return act(() => api['periods:close']({ period, note, metric, source }))
      },
      reopenMonth: async (note) => {
        const { period } = get().report
        return act(() => api['periods:reopen']({ period, note }))
      },
    }
  }
}
