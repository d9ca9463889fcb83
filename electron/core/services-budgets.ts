/**
 * The budget channels of the core services (electron/core/budgets): a month's status with its
 * alerts, set and delete one budget, and a budgets CSV uploaded as its name and text or
 * exported as text. No path crosses the boundary.
 */
import type { FocalApi } from '../../shared/contract'
import type { BUDGET_CHANNELS } from '../../shared/contract/budgets'
import { budgetReport, dataDays } from './budgets/budget-status'
import { deleteBudget, exportBudgets, importBudgets, setBudget } from './budgets/budget-store'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type BudgetChannel = keyof typeof BUDGET_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createBudgetServices(workspace: () => Workspace): Pick<FocalApi, BudgetChannel> {
  return {
    'budgets:status': async ({ period, asOf, metric }) => {
      const ws = workspace()
      return budgetReport(ws, {
        period: period ?? (await defaultPeriod(ws)),
        asOf: asOf ?? null,
        ...(metric ? { metric } : {}),
      })
    },
    'budgets:set': ({ previous, ...budget }) => setBudget(workspace(), budget, previous),
    'budgets:delete': async (key) => ({ deleted: await deleteBudget(workspace(), key) }),
    'budgets:import': ({ fileName, text, by }) => importBudgets(workspace(), text, fileName, by),
    'budgets:export': async ({ period }) => ({
      fileName: `budgets-${period ?? 'all'}.csv`,
      text: await exportBudgets(workspace(), period ?? null),
    }),
  }
}

/** The month of the last day with data; this month (UTC) in an empty workspace. */
async function defaultPeriod(ws: Workspace): Promise<string> {
  const { last } = await dataDays(ws)
  return (last ?? new Date().toISOString()).slice(0, 7)
}
