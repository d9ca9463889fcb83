/** The handlers of BUDGET_CHANNELS (shared/contract/budgets.ts). */
import type { FocalApi } from '../../shared/contract'
import type { BUDGET_CHANNELS } from '../../shared/contract/budgets'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type BudgetChannel = keyof typeof BUDGET_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createBudgetServices(_workspace: () => Workspace): Pick<FocalApi, BudgetChannel> {
  return {}
}
