/** The compliant share as a percentage, computed exactly on decimal text (money never goes through a float). */
import { toScaled } from '../money'

/** part ÷ whole × 100 rounded half away from zero to 2 decimals, as decimal text; null when whole is 0. */
export function percentOf(part: string, whole: string): string | null {
  const p = toScaled(part)
  const w = toScaled(whole)
  if (w === 0n) return null
  // Hundredths of a percent: part × 10000 ÷ whole, rounded on the remainder.
  const negative = p < 0n !== w < 0n && p !== 0n
  const n = (p < 0n ? -p : p) * 10000n
  const d = w < 0n ? -w : w
  let q = n / d
  if ((n % d) * 2n >= d) q += 1n
  const digits = q.toString().padStart(3, '0')
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`
  return negative && q !== 0n ? `-${text}` : text
}
