/** The state of the budgets tab. */
import type { StateCreator } from 'zustand'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** State and actions of the budgets tab. */
export type BudgetsSlice = Record<never, never>

/** Creates the slice over a transport. */
export function createBudgetsSlice(
  _api: FocalTransport,
): StateCreator<AppState, [], [], BudgetsSlice> {
  return () => ({})
}
