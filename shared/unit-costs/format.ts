/**
 * How a cost per unit is shown: with its currency, rounded for display only (the exact
 * quotient travels as text), to at most 6 decimals because a unit can cost a fraction of a
 * cent (a request, a message) and 2 decimals would show those as 0.00.
 */
import { formatMoney } from '../money'

/** Decimals a cost per unit is shown with at most. */
export const UNIT_COST_DECIMALS = 6

/** The cost per unit for people: "USD 0.0125"; an em dash for a gap (no units). */
export function formatUnitCost(value: string | null, currency: string): string {
  if (value === null) return '—'
  return formatMoney(value, currency, { maximumFractionDigits: UNIT_COST_DECIMALS })
}
