/**
 * The Budgets tab: the month shown, its budgets with status and alerts, and the edits, CSV
 * import and export that change them. Kept under one `budgets` key (CONVENTIONS.md: state
 * stays small per slice); every change reloads the month's status.
 */
import type { StateCreator } from 'zustand'
import type {
  BudgetImportResult,
  BudgetKey,
  BudgetReport,
  BudgetSetRequest,
} from '../../../shared/contract/budgets'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, runTask, type Task } from './task'
import type { AppState } from './store'

/** The budgets state. */
export interface BudgetsState {
  /** The month shown (YYYY-MM); null until the first status chose the month of the last data. */
  readonly period: string | null
  readonly report: BudgetReport | null
  /** Loading the status. */
  readonly task: Task
  /** A save, delete, import or export. */
  readonly edit: Task
  readonly lastImport: BudgetImportResult | null
}

/** State and actions of the budgets tab. */
export interface BudgetsSlice {
  readonly budgets: BudgetsState
  /** Loads the status of `period` (default: the month shown, else the month of the last data). */
  loadBudgets(period?: string): Promise<void>
  /** Saves a budget (an edit passes its previous key); true when saved. */
  saveBudget(budget: BudgetSetRequest): Promise<boolean>
  deleteBudget(key: BudgetKey): Promise<void>
  /** Uploads a budgets CSV; rows without a dimension take `by`. */
  importBudgets(file: File, by?: string): Promise<void>
  /** The month's budgets as a CSV file name and text, or null when it failed. */
  exportBudgets(): Promise<{ fileName: string; text: string } | null>
}

/** Creates the slice over a transport. */
export function createBudgetsSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], BudgetsSlice> {
  return (set, get) => {
    const patch = (change: Partial<BudgetsState>): void =>
      set((s) => ({ budgets: { ...s.budgets, ...change } }))
    const reload = async (): Promise<void> => {
      const period = get().budgets.period
      const report = await api['budgets:status'](period ? { period } : {})
      patch({ report, period: report.period })
    }
    // An edit, then the list read again, as one task.
    const editing = (work: () => Promise<void>): Promise<boolean> =>
      runTask(
        (edit) => patch({ edit }),
        async () => {
          await work()
          await reload()
        },
      )
    return {
      budgets: { period: null, report: null, task: IDLE, edit: IDLE, lastImport: null },
      loadBudgets: async (period) => {
        patch({ task: RUNNING, ...(period ? { period } : {}) })
        try {
          await reload()
          patch({ task: DONE })
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
      saveBudget: (budget) =>
        editing(async () => {
          await api['budgets:set'](budget)
        }),
      deleteBudget: async (key) => {
        await editing(async () => {
          await api['budgets:delete'](key)
        })
      },
      importBudgets: async (file, by) => {
        await editing(async () => {
          const lastImport = await api['budgets:import']({
            fileName: file.name,
            text: await file.text(),
            ...(by ? { by } : {}),
          })
          patch({ lastImport })
        })
      },
      exportBudgets: async () => {
        const period = get().budgets.period
        try {
          return await api['budgets:export'](period ? { period } : {})
        } catch (cause) {
          patch({ edit: failed(cause) })
          return null
        }
      },
    }
  }
}
