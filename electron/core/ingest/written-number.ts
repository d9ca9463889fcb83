/**
 * Reconciliation's own reading of a number written as a person's export
 * writes it (mapping-types.ts WrittenNumber: decimal comma, thousands
 * separators, a currency sign, a factor). Plain string and bigint work,
 * sharing nothing with the SQL the mapping compiles to, so a mapping that
 * reads a value wrongly shows as a difference in the totals.
 */
import type { WrittenNumber } from '../../../shared/formats/mapping-types'
import { scaledOf } from '../../../shared/decimal-adder'
import { MONEY_SCALE, fromScaled } from '../../../shared/money'

/** `text` (already trimmed) as plain decimal text at most 18 decimals, or null when it is no number. */
export function readWrittenNumber(text: string, spec: WrittenNumber): string | null {
  let value = text
  if (spec.trim) {
    const strip = new Set(spec.trim)
    let start = 0
    let end = value.length
    while (start < end && strip.has(value[start]!)) start++
    while (end > start && strip.has(value[end - 1]!)) end--
    value = value.slice(start, end)
  }
  if (spec.thousands) value = value.split(spec.thousands).join('')
  if (spec.decimal === ',') value = value.split(',').join('.')
  const scaled = scaledOf(value)
  if (scaled === null) return null
  if (!spec.factor) return fromScaled(scaled)
  // value × factor at 18 + f decimals, rounded half away from zero to 18 (as DECIMAL(38,18) stores it).
  const [whole = '', fraction = ''] = spec.factor.replace(/^[+-]/, '').split('.')
  const factor = BigInt(`${whole}${fraction}`) * (spec.factor.startsWith('-') ? -1n : 1n)
  const product = scaled * factor
  const divisor = 10n ** BigInt(fraction.length)
  const magnitude = product < 0n ? -product : product
  let rounded = magnitude / divisor
  if ((magnitude % divisor) * 2n >= divisor) rounded += 1n
  return fromScaled(product < 0n ? -rounded : rounded, MONEY_SCALE)
}
