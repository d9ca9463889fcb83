/**
 * The weekly cost ledger tab: the weeks with data, the week, dimension and metric asked, the
 * ledger shown, explanations and sign-offs saved, and the sign-off threshold set. Kept under one `ledger` key
 * (CONVENTIONS.md: state stays small per slice).
 */
import type { StateCreator } from 'zustand'
import type { CostMetricName } from '../../../shared/contract/allocation'
import type {
  LedgerExplainRequest,
  LedgerSettingsRequest,
  LedgerSignOffRequest,
  LedgerWeek,
  LedgerWeeks,
} from '../../../shared/contract/ledger'
import type { PivotExportFileData } from '../../../shared/contract/pivot-export'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** What the ledger is asked for; by null is the owner dimension. */
export interface LedgerQuery {
  readonly week: string | null
  readonly by: string | null
  readonly metric: CostMetricName
}

/** The ledger tab's state. */
export interface LedgerState {
  readonly weeks: LedgerWeeks | null
  readonly query: LedgerQuery
  readonly data: LedgerWeek | null
  readonly task: Task
  /** An explanation or sign-off being saved. */
  readonly saving: Task
}

/** State and actions of the weekly cost ledger tab. */
export interface LedgerSlice {
  readonly ledger: LedgerState
  /** Reads the weeks with data, then the ledger of the latest complete one unless a week is set. */
  loadLedger(): Promise<void>
  /** Changes the week, dimension or metric and reads the ledger again. */
  setLedgerQuery(change: Partial<LedgerQuery>): Promise<void>
  explainLedgerMover(request: LedgerExplainRequest): Promise<boolean>
  signOffLedgerMover(request: LedgerSignOffRequest): Promise<boolean>
  /** Saves the workspace's sign-off threshold and reads the ledger again (its flags change). */
  setLedgerSignOff(change: LedgerSettingsRequest): Promise<boolean>
  /** The ledger shown as a PDF or CSV file; null when it failed (the task says why). */
  exportLedger(format: 'pdf' | 'csv'): Promise<PivotExportFileData | null>
}

const TOP = 10

/** Creates the slice over a transport. */
export function createLedgerSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], LedgerSlice> {
  return (set, get) => {
    const patch = (change: Partial<LedgerState>): void =>
      set((s) => ({ ledger: { ...s.ledger, ...change } }))
    const request = () => {
      const { week, by, metric } = get().ledger.query
      return { week: week ?? '', ...(by ? { by } : {}), metric, top: TOP }
    }
    const read = async (): Promise<void> => {
      if (!get().ledger.query.week) return patch({ data: null, task: DONE })
      patch({ task: RUNNING })
      try {
        patch({ data: await api['ledger:week'](request()), task: DONE })
      } catch (cause) {
        patch({ task: failed(cause) })
      }
    }
    const save = async (work: () => Promise<unknown>): Promise<boolean> => {
      patch({ saving: RUNNING })
      try {
        await work()
        patch({ saving: DONE })
        await read()
        return true
      } catch (cause) {
        patch({ saving: failed(cause) })
        return false
      }
    }
    return {
      ledger: {
        weeks: null,
        query: { week: null, by: null, metric: 'BilledCost' },
        data: null,
        task: IDLE,
        saving: IDLE,
      },
      loadLedger: async () => {
        patch({ task: RUNNING })
        try {
          const weeks = await api['ledger:weeks']({})
          const { query } = get().ledger
          const week =
            query.week && weeks.weeks.includes(query.week)
              ? query.week
              : (weeks.latestComplete ?? weeks.weeks[0] ?? null)
          patch({ weeks, query: { ...query, week } })
        } catch (cause) {
          return patch({ task: failed(cause) })
        }
        await read()
      },
      setLedgerQuery: async (change) => {
        patch({ query: { ...get().ledger.query, ...change } })
        await read()
      },
      explainLedgerMover: (r) => save(() => api['ledger:explain'](r)),
      signOffLedgerMover: (r) => save(() => api['ledger:signoff'](r)),
      setLedgerSignOff: (change) => save(() => api['ledger:set-settings'](change)),
      exportLedger: async (format) => {
        try {
          return await api['ledger:export']({ ...request(), format })
        } catch (cause) {
          patch({ task: failed(cause) })
          return null
        }
      },
    }
  }
}
