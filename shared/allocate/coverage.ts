/**
 * Allocation coverage: the share of a currency's cost that landed on a
 * target rather than in "Unallocated", against the rule set's target (95% by
 * default). Computed exactly on decimal strings; the percentage shown is
 * rounded half away from zero to 2 decimals, but "meets target" compares the
 * exact values, so 94.996% does not pass a 95% target.
 */
import { fromScaled, toScaled } from '../money'
import { divideRounded } from './split'

/** Coverage of one currency. */
export interface CurrencyCoverage {
  readonly currency: string
  readonly total: string
  readonly allocated: string
  readonly unallocated: string
  /** allocated ÷ total in percent, 2 decimals; null when the total is zero or negative (no meaningful share). */
  readonly percent: string | null
  readonly meetsTarget: boolean
}

/** Coverage of an allocation, per currency and overall. */
export interface Coverage {
  /** The target percentage from the rule set. */
  readonly target: number
  readonly currencies: readonly CurrencyCoverage[]
  /** True when every currency meets the target. */
  readonly meetsTarget: boolean
}

/** Coverage from each currency's period total and its Unallocated amount. */
export function computeCoverage(
  totals: ReadonlyArray<{ currency: string; total: string; unallocated: string }>,
  target: number,
): Coverage {
  const targetScaled = toScaled(target.toFixed(10))
  const currencies = totals.map(({ currency, total, unallocated }) => {
    const t = toScaled(total)
    const u = toScaled(unallocated)
    const allocated = t - u
    if (t <= 0n) {
      return {
        currency,
        total,
        allocated: fromScaled(allocated),
        unallocated,
        percent: null,
        meetsTarget: u === 0n,
      }
    }
    // percent × 10^18 = allocated × 100 × 10^18 / total; compare before rounding.
    const exact = allocated * 100n * 10n ** 18n
    const meetsTarget = exact >= targetScaled * t
    const percent = fromScaled(divideRounded(allocated * 100n * 100n, t), 2)
    return {
      currency,
      total,
      allocated: fromScaled(allocated),
      unallocated,
      percent: fixed2(percent),
      meetsTarget,
    }
  })
  return { target, currencies, meetsTarget: currencies.every((c) => c.meetsTarget) }
}

// "95" → "95.00", "-3.5" → "-3.50": a percentage always shows two decimals.
function fixed2(text: string): string {
  const [int, frac = ''] = text.split('.')
  return `${int}.${frac.padEnd(2, '0')}`
}
