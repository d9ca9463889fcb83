/**
 * A ledger line's change from last week to this week, in exact decimals: DuckDB divides
 * DECIMALs as DOUBLE, so the percentage is worked out here on scaled bigints instead.
 */
import { fromScaled, normalizeDecimal, toScaled } from '../money'

/** This week, last week, the delta and the delta % (null when last week is 0). */
export interface Change {
  readonly thisWeek: string
  readonly lastWeek: string
  readonly delta: string
  readonly deltaPercent: string | null
}

/** (delta / last week) × 100 rounded half away from zero to 2 decimals; null when last week is 0. */
export function deltaPercent(delta: string, lastWeek: string): string | null {
  const base = toScaled(lastWeek)
  if (base === 0n) return null
  // Scaled to hundredths of a percent: delta × 10,000 / |base|, the sign from delta and base.
  const numerator = toScaled(delta) * 10_000n
  const negative = numerator < 0n !== base < 0n
  const a = numerator < 0n ? -numerator : numerator
  const b = base < 0n ? -base : base
  let hundredths = a / b
  if ((a % b) * 2n >= b) hundredths += 1n
  return fromScaled(negative ? -hundredths : hundredths, 2)
}

/** The change between two exact decimal amounts. */
export function change(thisWeek: string, lastWeek: string): Change {
  const delta = fromScaled(toScaled(thisWeek) - toScaled(lastWeek))
  return {
    thisWeek: normalizeDecimal(thisWeek),
    lastWeek: normalizeDecimal(lastWeek),
    delta,
    deltaPercent: deltaPercent(delta, lastWeek),
  }
}

/** True when `value`'s size is at least `limit` (both exact decimal text). */
export function atLeast(value: string, limit: string): boolean {
  const v = toScaled(value)
  return (v < 0n ? -v : v) >= toScaled(limit)
}
