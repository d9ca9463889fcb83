/**
 * Exact arithmetic of the cost-debt backlog on decimal strings (shared/money.ts): a priority
 * is savings ÷ effort, an average is a sum ÷ days, realized savings are the difference of two
 * averages × 30. Every quotient is rounded once, half away from zero, at the scale it is
 * shown at; nothing goes through a float.
 */
import { fromScaled, MONEY_SCALE, toScaled } from '../money'

/** Days in the month a monthly figure is stated for: a figure per day × 30. */
export const DAYS_PER_MONTH = 30

/** n ÷ d of scaled integers, rounded half away from zero. */
function divide(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n
  const a = n < 0n ? -n : n
  const b = d < 0n ? -d : d
  const q = (2n * a + b) / (2n * b)
  return negative ? -q : q
}

/** `value` rounded half away from zero to `decimals` decimals (as text, trailing zeros dropped). */
function rounded(scaled: bigint, decimals: number): string {
  const step = 10n ** BigInt(MONEY_SCALE - decimals)
  return fromScaled(divide(scaled, step) * step)
}

/** Expected monthly savings ÷ effort, 2 decimals: the backlog's priority. */
export function priorityOf(expectedMonthlySavings: string, effort: number): string {
  return rounded(divide(toScaled(expectedMonthlySavings), BigInt(effort)), 2)
}

/** `cost` over `days` days restated per 30 days, 2 decimals (a candidate's suggested savings). */
export function perMonth(cost: string, days: number): string {
  return rounded(divide(toScaled(cost) * BigInt(DAYS_PER_MONTH), BigInt(days)), 2)
}

/** `cost` ÷ `days`, 18 decimals: an average daily cost. */
export function dailyAverage(cost: string, days: number): string {
  return fromScaled(divide(toScaled(cost), BigInt(days)))
}

/**
 * Realized monthly savings: (before ÷ beforeDays − after ÷ afterDays) × 30, computed as one
 * fraction, 30 × (before × afterDays − after × beforeDays) ÷ (beforeDays × afterDays), and
 * rounded once to 18 decimals, so 100/day then 60/day reads exactly 1200.
 */
export function realizedMonthly(
  before: string,
  beforeDays: number,
  after: string,
  afterDays: number,
): string {
  const n =
    BigInt(DAYS_PER_MONTH) *
    (toScaled(before) * BigInt(afterDays) - toScaled(after) * BigInt(beforeDays))
  return fromScaled(divide(n, BigInt(beforeDays) * BigInt(afterDays)))
}

/** Compares two decimal strings exactly (negative, zero or positive, as a sort wants). */
export function compareDecimals(a: string, b: string): number {
  const d = toScaled(a) - toScaled(b)
  return d < 0n ? -1 : d > 0n ? 1 : 0
}

/** (after − before) ÷ before in percent, 1 decimal; null when before is not above zero. */
export function percentGrowth(before: string, after: string): string | null {
  const b = toScaled(before)
  if (b <= 0n) return null
  const scaled = divide((toScaled(after) - b) * 100n * 10n ** BigInt(MONEY_SCALE), b)
  return rounded(scaled, 1)
}
