/**
 * The measures of a pivot table cell, derived exactly from the raw sums and counts the SQL
 * returns (shared/sql/pivot-table-sql.ts): differences in scaled integers, ratios by integer
 * division rounded half away from zero at 18 decimals, and null where a ratio would divide by
 * zero or a figure is missing, never Infinity or NaN.
 */
import { fromScaled, MONEY_SCALE, normalizeDecimal, toScaled } from '../money'
import { DERIVED_MEASURES, type MeasureSpec } from './index'

/** How a measure's value reads: an amount in the row's currency, a quantity, a count or a ratio. */
export type MeasureKind = 'money' | 'quantity' | 'count' | 'ratio'

/** The kind of a measure's value. */
export function measureKind(m: MeasureSpec): MeasureKind {
  switch (m.measure) {
    case 'RowCount':
    case 'DistinctCount':
      return 'count'
    case 'ConsumedQuantity':
    case 'PricingQuantity':
      return 'quantity'
    case 'EffectiveSavingsRate':
    case 'PercentOfTotal':
    case 'ChangePercentVsPrevious':
      return 'ratio'
    case 'UnitCost':
    case 'Savings':
      return 'money'
    case 'ChangeVsPrevious':
      return m.of === 'RowCount'
        ? 'count'
        : m.of === 'ConsumedQuantity' || m.of === 'PricingQuantity'
          ? 'quantity'
          : 'money'
    default:
      return 'money'
  }
}

/** The header of a measure: its name, with what it reads when that is not the default. */
export function measureLabel(m: MeasureSpec): string {
  if (m.measure === 'DistinctCount') return `DistinctCount(${m.column ?? ''})`
  if (m.measure === 'UnitCost' && (m.of || m.per))
    return `UnitCost(${m.of ?? 'EffectiveCost'}/${m.per ?? 'ConsumedQuantity'})`
  if (m.of && m.measure !== 'UnitCost') return `${m.measure}(${m.of})`
  return m.measure
}

/** a ÷ b exactly, rounded half away from zero at 18 decimals; null when b is 0 or either is null. */
export function divideDecimals(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null
  const x = toScaled(a)
  const y = toScaled(b)
  if (y === 0n) return null
  // (x / 10^s) / (y / 10^s) at scale s is x·10^s / y.
  const numerator = x * 10n ** BigInt(MONEY_SCALE)
  const negative = numerator < 0n !== y < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = y < 0n ? -y : y
  let q = n / d
  if ((n % d) * 2n >= d) q += 1n
  return fromScaled(negative ? -q : q)
}

/** a − b exactly; null when either is null. */
export function minusDecimals(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null
  return fromScaled(toScaled(a) - toScaled(b))
}

/** Where a cell's figures come from: its own sums, the grand total's, the previous period's. */
export interface CellFigures {
  /** The figures of `measureFigures(m)`, in that order (null for an empty sum). */
  own: ReadonlyArray<string | null>
  total: ReadonlyArray<string | null> | null
  previous: ReadonlyArray<string | null> | null
}

const DERIVED = new Set<MeasureSpec['measure']>(DERIVED_MEASURES)

/** True for a sum or a count: its value is its one figure as it stands (normalized). */
export function isPlainMeasure(m: MeasureSpec): boolean {
  return !DERIVED.has(m.measure)
}

/** The value of measure `m` in one cell, as an exact decimal string or null. */
export function measureValue(m: MeasureSpec, cell: CellFigures): string | null {
  const [a = null, b = null] = cell.own
  if (isPlainMeasure(m)) return a === null ? null : normalizeDecimal(a)
  switch (m.measure) {
    case 'UnitCost':
      return divideDecimals(a, b)
    case 'Savings':
      return minusDecimals(a, b)
    case 'EffectiveSavingsRate':
      return divideDecimals(minusDecimals(a, b), a)
    case 'PercentOfTotal':
      return divideDecimals(a, cell.total?.[0] ?? null)
    case 'ChangeVsPrevious':
      return minusDecimals(a, cell.previous?.[0] ?? null)
    case 'ChangePercentVsPrevious': {
      const previous = cell.previous?.[0] ?? null
      const change = minusDecimals(a, previous)
      // Against the size of the previous period, so a smaller credit reads as a fall.
      return divideDecimals(change, previous === null ? null : previous.replace(/^-/, ''))
    }
    default:
      return a === null ? null : normalizeDecimal(a)
  }
}
