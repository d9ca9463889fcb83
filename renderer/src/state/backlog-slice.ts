/**
 * The cost-debt backlog tab: the items by priority, the candidates proposed from the data, the
 * realized savings with the burn-down, and the edits (add, update, accept). Kept under one
 * `backlog` key (CONVENTIONS.md: state stays small per slice).
 */
import type { StateCreator } from 'zustand'
import type {
  BacklogInput,
  BacklogItem,
  Candidates,
  Realized,
} from '../../../shared/contract/backlog'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The backlog state. */
export interface BacklogState {
  readonly items: readonly BacklogItem[]
  readonly candidates: Candidates | null
  readonly realized: Realized | null
  /** Week-over-week growth threshold of the candidates, in percent. */
  readonly thresholdPercent: number
  /** Baseline days of realized savings. */
  readonly baselineDays: number
  /** Reading the backlog. */
  readonly task: Task
  /** Saving an item or accepting a candidate. */
  readonly editTask: Task
}

/** State and actions of the cost-debt backlog tab. */
export interface BacklogSlice {
  readonly backlog: BacklogState
  /** Reads the items, candidates and realized savings. */
  loadBacklog(): Promise<void>
  /** Adds (id null) or updates an item; true when saved. */
  saveBacklogItem(id: number | null, input: BacklogInput): Promise<boolean>
  /** Accepts a candidate by its key into the backlog. */
  acceptBacklogCandidate(key: string): Promise<void>
  setBacklogThreshold(percent: number): Promise<void>
  setBacklogBaselineDays(days: number): Promise<void>
  /** The list as CSV text for a download. */
  backlogCsv(): Promise<{ fileName: string; text: string }>
}

/** Creates the slice over a transport. */
export function createBacklogSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], BacklogSlice> {
  return (set, get) => {
    const patch = (change: Partial<BacklogState>): void =>
      set((s) => ({ backlog: { ...s.backlog, ...change } }))
    // Only the latest read is shown when a person changes the threshold quickly.
    let asked = 0
    const load = async (): Promise<void> => {
      const mine = ++asked
      const { thresholdPercent, baselineDays } = get().backlog
      patch({ task: RUNNING })
      try {
        const [list, candidates, realized] = await Promise.all([
          api['backlog:list']({}),
          api['backlog:candidates']({ thresholdPercent }),
          api['backlog:realized']({ days: baselineDays }),
        ])
        if (mine === asked) patch({ items: list.items, candidates, realized, task: DONE })
      } catch (cause) {
        if (mine === asked) patch({ task: failed(cause) })
      }
    }
    return {
      backlog: {
        items: [],
        candidates: null,
        realized: null,
        thresholdPercent: 50,
        baselineDays: 30,
        task: IDLE,
        editTask: IDLE,
      },
      loadBacklog: load,
      saveBacklogItem: async (id, input) => {
        patch({ editTask: RUNNING })
        try {
          if (id === null) await api['backlog:add'](input)
          else await api['backlog:update']({ id, ...input })
          patch({ editTask: DONE })
          await load()
          return true
        } catch (cause) {
          patch({ editTask: failed(cause) })
          return false
        }
      },
      acceptBacklogCandidate: async (key) => {
        patch({ editTask: RUNNING })
        try {
          await api['backlog:accept']({ key, thresholdPercent: get().backlog.thresholdPercent })
          patch({ editTask: DONE })
          await load()
        } catch (cause) {
          patch({ editTask: failed(cause) })
        }
      },
      setBacklogThreshold: async (percent) => {
        patch({ thresholdPercent: percent })
        await load()
      },
      setBacklogBaselineDays: async (days) => {
        patch({ baselineDays: days })
        await load()
      },
      backlogCsv: () => api['backlog:csv']({}),
    }
  }
}
