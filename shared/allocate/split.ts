/**
 * Exact splitting of an amount among targets by weights (DESIGN.md, Allocate
 * and report): the parts always sum to the whole, to the last digit.
 *
 * The rule (largest remainder, stated once and shown in every result):
 * 1. each part is whole × weight ÷ Σweights, truncated toward zero to the
 *    rule set's scale (2 = cents);
 * 2. the residue (whole − Σ truncated parts) is handed out one unit of the
 *    scale at a time to the targets whose truncated remainders are largest,
 *    ties going to the later target; a last fraction of a unit (when the whole
 *    has more decimals than the scale) goes to the next target in that order;
 * 3. target order is code-point order of the names, not the locale's, so a
 *    workspace gives the same numbers on every machine.
 * Unlike "round every part, put the difference on one target", this never
 * gives a target a part of the opposite sign (0.05 over ten targets would
 * round every part up to 0.01 and leave −0.04 for one of them), and every
 * part is within one unit of its exact share. It reproduces the FOCUS
 * split-cost-allocation examples: 100 three ways → 33.333333, 33.333333,
 * 33.333334; 100 as 1/2, 1/3, 1/6 → 50, 33.333333, 16.666667.
 */
import { MONEY_SCALE, fromScaled, toScaled } from '../money'

/** A target and its (non-negative) weight as an exact decimal string. */
export interface SplitWeight {
  readonly target: string
  readonly weight: string
}

/** One target's part of a split, an exact decimal string. */
export interface SplitPart {
  readonly target: string
  readonly amount: string
}

/** The parts (in target order), the residue and which targets received it. */
export interface SplitResult {
  readonly parts: readonly SplitPart[]
  /** whole − Σ truncated parts. */
  readonly residue: string
  /** Where the residue went, in the order it was handed out. */
  readonly placements: readonly SplitPart[]
}

/** Code-point order of two strings (not locale order, which differs between machines). */
export function compareTargets(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0)
    if (d !== 0) return d
  }
  return x.length - y.length
}

/** n ÷ d rounded half away from zero (d > 0). */
export function divideRounded(n: bigint, d: bigint): bigint {
  const magnitude = (2n * (n < 0n ? -n : n) + d) / (2n * d)
  return n < 0n ? -magnitude : magnitude
}

/**
 * Splits `whole` among the targets with a positive weight, truncating parts to
 * `scale` decimals and handing out the residue by largest remainder. Returns
 * null when no target has a positive weight (the caller leaves the amount
 * unallocated). Duplicate targets are summed.
 */
export function splitExact(
  whole: string,
  weights: readonly SplitWeight[],
  scale: number,
): SplitResult | null {
  if (!Number.isInteger(scale) || scale < 0 || scale > MONEY_SCALE) {
    throw new RangeError(`scale must be an integer from 0 to ${MONEY_SCALE}`)
  }
  const merged = new Map<string, bigint>()
  for (const { target, weight } of weights) {
    merged.set(target, (merged.get(target) ?? 0n) + toScaled(weight))
  }
  const positive = [...merged].filter(([, w]) => w > 0n).sort(([a], [b]) => compareTargets(a, b))
  if (positive.length === 0) return null
  const total = toScaled(whole)
  const sign = total < 0n ? -1n : 1n
  const magnitude = total * sign
  const sumWeights = positive.reduce((s, [, w]) => s + w, 0n)
  const unit = 10n ** BigInt(MONEY_SCALE - scale)
  // Work on magnitudes so truncation is toward zero for credits too.
  const denominator = sumWeights * unit
  const amounts = positive.map(([, w]) => ((magnitude * w) / denominator) * unit)
  const remainders = positive.map(([, w]) => (magnitude * w) % denominator)
  const leftover = magnitude - amounts.reduce((s, a) => s + a, 0n)
  const order = positive
    .map((_, i) => i)
    .sort((i, j) => {
      const a = remainders[i] ?? 0n
      const b = remainders[j] ?? 0n
      return a === b ? j - i : a > b ? -1 : 1
    })
  const units = Number(leftover / unit)
  const fraction = leftover % unit
  const given = new Map<number, bigint>()
  order.slice(0, units).forEach((i) => given.set(i, unit))
  if (fraction > 0n) {
    const next = order[units] ?? order[order.length - 1] ?? 0
    given.set(next, (given.get(next) ?? 0n) + fraction)
  }
  for (const [i, extra] of given) amounts[i] = (amounts[i] ?? 0n) + extra
  const name = (i: number): string => positive[i]?.[0] ?? ''
  return {
    parts: positive.map(([target], i) => ({
      target,
      amount: fromScaled((amounts[i] ?? 0n) * sign),
    })),
    residue: fromScaled(leftover * sign),
    placements: [...given].map(([i, extra]) => ({
      target: name(i),
      amount: fromScaled(extra * sign),
    })),
  }
}

/** Decimals of the ratios that lay a split over its rows (see lines-sql.ts). */
export const RATIO_SCALE = 9

/**
 * n ÷ d at RATIO_SCALE decimals (half away from zero), as an exact decimal
 * string; used to lay a split's parts over the rows it came from.
 */
export function ratio(n: string, d: string): string {
  const den = toScaled(d)
  if (den === 0n) throw new RangeError('ratio of a zero denominator')
  const num = toScaled(n) * 10n ** BigInt(RATIO_SCALE)
  const signed = den < 0n ? divideRounded(-num, -den) : divideRounded(num, den)
  return fromScaled(signed, RATIO_SCALE)
}
