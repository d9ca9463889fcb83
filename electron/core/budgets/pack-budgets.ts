/**
 * The workspace budgets as the report pack's Budget column reads them (shared/report/budgets):
 * the budgets of the pack's month whose dimension is the one the pack groups by. A pack by
 * allocation rules groups by cost center, which no dimension names, so it takes every budget
 * of the month by value, the first dimension's (in name order) when two share a value.
 */
import type { Budget } from '../../../shared/report'
import { maskValue } from '../presentation/mask-values'
import type { Workspace } from '../workspace/workspace'
import { listBudgets } from './budget-store'

/** The month's budgets for a pack grouped by `dimension` (a column or tag:<key>; null: by rules). */
export async function packBudgets(
  ws: Workspace,
  period: string,
  dimension: string | null,
): Promise<Budget[]> {
  const seen = new Set<string>()
  const budgets: Budget[] = []
  for (const b of await listBudgets(ws, period)) {
    if (dimension !== null && b.dimension !== dimension) continue
    const key = `${b.value}\u0000${b.currency}`
    if (seen.has(key)) continue
    seen.add(key)
    // A masked pack's lines carry aliases (withMaskedWriter): its budgets must too, to match them.
    const target = maskValue(ws, b.dimension, b.value)
    budgets.push({ target, currency: b.currency, amount: b.amount, period })
  }
  return budgets
}
