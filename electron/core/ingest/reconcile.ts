/**
 * Reconciliation, the first promise to finance: per currency, the BilledCost
 * and EffectiveCost totals stored for an import equal the source file's sums
 * exactly (DECIMAL at scale 18, compared as exact decimals).
 */
import type { ImportTotal } from '../../../shared/contract'
import { decimalsEqual, normalizeDecimal } from '../../../shared/money'

/** Per-currency sums as read from SQL (decimal strings, null when the column is absent or empty). */
export interface CurrencySums {
  currency: string | null
  rows: number
  billed: string | null
  effective: string | null
}

/** Pairs source and stored sums by currency; every currency on either side appears once. */
export function reconcileTotals(
  source: readonly CurrencySums[],
  stored: readonly CurrencySums[],
): ImportTotal[] {
  const keys = new Set([...source, ...stored].map((s) => s.currency ?? ''))
  return [...keys].sort().map((key) => {
    const from = source.find((s) => (s.currency ?? '') === key)
    const to = stored.find((s) => (s.currency ?? '') === key)
    const billedSource = normalizeDecimal(from?.billed ?? '0')
    const billedStored = normalizeDecimal(to?.billed ?? '0')
    const effectiveSource = normalizeDecimal(from?.effective ?? '0')
    const effectiveStored = normalizeDecimal(to?.effective ?? '0')
    const rows = to?.rows ?? 0
    return {
      currency: key,
      rows,
      billedSource,
      billedStored,
      effectiveSource,
      effectiveStored,
      reconciled:
        (from?.rows ?? 0) === rows &&
        decimalsEqual(billedSource, billedStored) &&
        decimalsEqual(effectiveSource, effectiveStored),
    }
  })
}
