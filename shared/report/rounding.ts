/**
 * Rounding money to a currency's minor unit without losing the total. A
 * ledger takes amounts in cents, and the cents of the cost centers must add up
 * to the invoice total at cents; rounding each line on its own does not
 * guarantee that, so the remaining cents go to the lines with the largest
 * remainders (the largest-remainder or "Hamilton" method). All arithmetic is on
 * scaled bigints (DESIGN.md, Settled details: Money).
 */
import { compareTargets } from '../allocate/split'
import { MONEY_SCALE, fromScaled, toScaled } from '../money'
import { UNALLOCATED_TARGET } from './types'

const decimalsCache = new Map<string, number>()

/** Decimals of a currency's minor unit (USD 2, JPY 0); 2 for codes Intl does not know. */
export function currencyDecimals(currency: string): number {
  const cached = decimalsCache.get(currency)
  if (cached !== undefined) return cached
  let decimals = 2
  try {
    // Building an Intl.NumberFormat is slow; a pack asks for the same few currencies thousands of times.
    decimals = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number
  } catch {
    decimals = 2
  }
  decimalsCache.set(currency, decimals)
  return decimals
}

function unitOf(decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MONEY_SCALE)
    throw new Error(`decimals must be 0..${MONEY_SCALE}, got ${decimals}`)
  return 10n ** BigInt(MONEY_SCALE - decimals)
}

/** Floor division for bigints (toward −∞), so remainders are never negative. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q
}

/** Rounds a decimal string to `decimals` places, half away from zero (as Intl's display does). */
export function roundDecimal(value: string, decimals: number): string {
  const unit = unitOf(decimals)
  const scaled = toScaled(value)
  const magnitude = scaled < 0n ? -scaled : scaled
  const rounded = ((magnitude + unit / 2n) / unit) * unit
  return fromScaled(scaled < 0n ? -rounded : rounded)
}

/**
 * Rounds every value to `decimals` places so that the rounded values add up
 * exactly to `total` (by default the rounded exact sum). Each value moves to
 * its floor or its ceiling; the ceilings go to the largest remainders, ties to
 * the earlier value, so the result is deterministic for a given order.
 */
export function apportionRounded(
  values: readonly string[],
  decimals: number,
  total?: string,
): string[] {
  const unit = unitOf(decimals)
  const scaled = values.map((v) => toScaled(v))
  const wanted = toScaled(
    total ?? roundDecimal(fromScaled(scaled.reduce((a, b) => a + b, 0n)), decimals),
  )
  if (wanted % unit !== 0n) throw new Error(`total ${total} has more than ${decimals} decimals`)
  const floors = scaled.map((v) => floorDiv(v, unit))
  const remainders = scaled.map((v, i) => v - (floors[i] ?? 0n) * unit)
  let extra = wanted / unit - floors.reduce((a, b) => a + b, 0n)
  const withRemainder = remainders.filter((r) => r > 0n).length
  if (extra < 0n || extra > BigInt(withRemainder))
    throw new Error(`cannot round ${values.length} values to a total of ${total}`)
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  const result = [...floors]
  for (const { i } of order) {
    if (extra === 0n) break
    result[i] = (result[i] ?? 0n) + 1n
    extra--
  }
  return result.map((units) => fromScaled(units * unit))
}

/** A decimal string written with exactly `decimals` places ("20.3" → "20.30"), rounding half away from zero. */
export function fixedDecimals(value: string, decimals: number): string {
  const rounded = roundDecimal(value, decimals)
  if (decimals === 0) return rounded
  const [int = '0', frac = ''] = rounded.split('.')
  return `${int}.${frac.padEnd(decimals, '0')}`
}

/** One target's exact amount in one currency, as the allocation summary and the report facts hold it. */
export interface ExactAmount {
  readonly target: string
  readonly currency: string
  readonly exact: string
}

/** The key of a target's charged amount in `chargedAmounts`' map. */
export function chargedKey(currency: string, target: string): string {
  return `${currency}\u0000${target}`
}

/**
 * What each target is charged: per currency, every exact amount apportioned
 * to the currency's minor unit so the targets add up to the rounded currency
 * total. This is the one rounding Focal shows money with — the Allocate
 * preview, the PDFs, the workbook and the CSVs all take it from here — so a
 * cost center never reads 4,389.90 on one screen and 4,389.91 on another.
 * Ties in the remainders go to the larger amount, then to the name first in
 * code-point order, with Unallocated last — an order taken from the amounts
 * themselves, never from the caller, so every screen and file agrees.
 */
export function chargedAmounts(amounts: readonly ExactAmount[]): Map<string, string> {
  const byCurrency = new Map<string, Map<string, bigint>>()
  for (const a of amounts) {
    const targets = byCurrency.get(a.currency) ?? new Map<string, bigint>()
    targets.set(a.target, (targets.get(a.target) ?? 0n) + toScaled(a.exact))
    byCurrency.set(a.currency, targets)
  }
  const charged = new Map<string, string>()
  for (const [currency, targets] of byCurrency) {
    const names = [...targets.keys()].sort((a, b) => {
      const x = targets.get(a) ?? 0n
      const y = targets.get(b) ?? 0n
      return (
        Number(a === UNALLOCATED_TARGET) - Number(b === UNALLOCATED_TARGET) ||
        (x === y ? compareTargets(a, b) : x > y ? -1 : 1)
      )
    })
    const rounded = apportionRounded(
      names.map((t) => fromScaled(targets.get(t) ?? 0n)),
      currencyDecimals(currency),
    )
    names.forEach((t, i) => charged.set(chargedKey(currency, t), rounded[i] ?? '0'))
  }
  return charged
}
