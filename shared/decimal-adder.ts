/**
 * An exact adder of decimal numbers written as text, fast enough for every
 * money value of a million-row file (a bigint per value costs several times
 * more). Plain values (at most 12 integer digits, at most 18 decimals, no
 * exponent) are added as three safe-integer parts — integer, decimals 1–9,
 * decimals 10–18 — each below 10^12 per value, flushed into a bigint every
 * 4,000 values, so no part passes 4 × 10^15 < 2^53 and every addition is
 * exact. Other values (an exponent, more digits) take an exact bigint path.
 * Values with more than 18 decimals are rounded half away from zero to 18, as
 * DECIMAL(38,18) stores them (the ROUNDED_TO_18_DECIMALS fix).
 */
import { MONEY_SCALE, fromScaled } from './money'

/** Values added as numbers between two flushes into the bigint total. */
const FLUSH_EVERY = 4000

/** A plain number with an optional exponent, as money is written in billing files. */
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

/** 10^0 … 10^11: to scale a part of fewer than 9 decimal digits, or place a digit of an exponent value. */
const POWERS = Array.from({ length: 12 }, (_, k) => 10 ** k)

const TEN_9 = 1_000_000_000n
const TEN_18 = TEN_9 * TEN_9

/** Sums decimal texts exactly; `add` returns false for a text that is not a number. */
export class DecimalAdder {
  private total = 0n
  private integer = 0
  private high = 0
  private low = 0
  private pending = 0

  /** Adds one value written as text (surrounding spaces allowed); false if it is not a number. */
  add(text: string): boolean {
    const value = text.trim()
    const dot = value.indexOf('.')
    const end = value.length
    if (end > 0 && end <= 34 && !/[eE]/.test(value)) {
      const start = value[0] === '-' || value[0] === '+' ? 1 : 0
      const intEnd = dot < 0 ? end : dot
      const decimals = dot < 0 ? 0 : end - dot - 1
      if (intEnd - start <= 12 && decimals <= MONEY_SCALE && (intEnd > start || decimals > 0)) {
        const intText = value.slice(start, intEnd)
        const fracText = dot < 0 ? '' : value.slice(dot + 1).padEnd(MONEY_SCALE, '0')
        if (isDigits(intText) && isDigits(fracText)) {
          const sign = value[0] === '-' ? -1 : 1
          this.integer += sign * (intText === '' ? 0 : Number(intText))
          if (fracText !== '') {
            this.high += sign * Number(fracText.slice(0, 9))
            this.low += sign * Number(fracText.slice(9))
          }
          if (++this.pending >= FLUSH_EVERY) this.flush()
          return true
        }
      }
    }
    const scaled = scaledOf(value)
    if (scaled === null) return false
    this.total += scaled
    return true
  }

  /**
   * Adds a plain value written as ASCII bytes `[start, end)` of `bytes` (sign, at most 12
   * integer digits, at most 18 decimals, nothing else) without making a string, or one with an
   * exponent (`5.0E-7`, as AWS writes small amounts) whose value has at most 12 integer digits
   * and 18 decimals; returns false, adding nothing, for anything else, which the caller then
   * adds as text.
   */
  addAscii(bytes: Uint8Array, start: number, end: number): boolean {
    let i = start
    let sign = 1
    if (bytes[i] === 0x2d) {
      sign = -1
      i++
    } else if (bytes[i] === 0x2b) i++
    let integer = 0
    const intStart = i
    for (let digit = (bytes[i] ?? 0) - 48; i < end && digit >= 0 && digit <= 9;) {
      integer = integer * 10 + digit
      digit = (bytes[++i] ?? 0) - 48
    }
    const intDigits = i - intStart
    if (intDigits > 12) return false
    let high = 0
    let low = 0
    let decimals = 0
    const intEnd = i
    if (i < end && bytes[i] === 0x2e) {
      i++
      for (let digit = (bytes[i] ?? 0) - 48; i < end && digit >= 0 && digit <= 9;) {
        if (decimals < 9) high = high * 10 + digit
        else if (decimals < MONEY_SCALE) low = low * 10 + digit
        else return false
        decimals++
        digit = (bytes[++i] ?? 0) - 48
      }
    }
    if (intDigits === 0 && decimals === 0) return false
    // An exponent: the bigint path (scaledOf) took most of AWS CUR's second read.
    if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45))
      return this.addExponent(bytes, sign, intStart, intEnd, i - decimals, i, end)
    if (i !== end) return false
    this.integer += sign * integer
    this.high += sign * high * POWERS[9 - Math.min(decimals, 9)]!
    this.low += sign * low * POWERS[9 - Math.max(decimals - 9, 0)]!
    if (++this.pending >= FLUSH_EVERY) this.flush()
    return true
  }

  /**
   * Adds sign × the mantissa digits at `[intStart, intEnd)` and `[fracStart, fracEnd)` times ten to
   * the exponent written at `[fracEnd + 1, end)` (a sign and 1–3 digits): each non-zero digit goes
   * to the part its place falls in; false, adding nothing, if one falls past 12 integer digits or
   * 18 decimals (the text path then adds it exactly, rounding past the 18th decimal).
   */
  private addExponent(
    bytes: Uint8Array,
    sign: number,
    intStart: number,
    intEnd: number,
    fracStart: number,
    fracEnd: number,
    end: number,
  ): boolean {
    let i = fracEnd + 1
    const negative = bytes[i] === 0x2d
    if (negative || bytes[i] === 0x2b) i++
    const exponentStart = i
    let exponent = 0
    for (let digit = (bytes[i] ?? 0) - 48; i < end && digit >= 0 && digit <= 9;) {
      exponent = exponent * 10 + digit
      digit = (bytes[++i] ?? 0) - 48
    }
    if (i !== end || i === exponentStart || i - exponentStart > 3) return false
    let integer = 0
    let high = 0
    let low = 0
    // The place of the first integer digit, then one lower for each digit after it.
    let place = intEnd - intStart - 1 + (negative ? -exponent : exponent)
    for (let k = intStart; k < fracEnd; k++, place--) {
      // Over the point: the fraction's digits follow the integer's.
      if (k === intEnd) k = fracStart
      if (k >= fracEnd) break
      const digit = bytes[k]! - 48
      if (digit === 0) continue
      if (place >= 12 || place < -MONEY_SCALE) return false
      if (place >= 0) integer += digit * POWERS[place]!
      else if (place >= -9) high += digit * POWERS[9 + place]!
      else low += digit * POWERS[MONEY_SCALE + place]!
    }
    this.integer += sign * integer
    this.high += sign * high
    this.low += sign * low
    if (++this.pending >= FLUSH_EVERY) this.flush()
    return true
  }

  /** The exact sum so far as a plain decimal string ("0" when nothing was added). */
  sum(): string {
    this.flush()
    return fromScaled(this.total)
  }

  private flush(): void {
    this.total += BigInt(this.integer) * TEN_18 + BigInt(this.high) * TEN_9 + BigInt(this.low)
    this.integer = 0
    this.high = 0
    this.low = 0
    this.pending = 0
  }
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

/**
 * A number text (exponent allowed) as a bigint at 18 decimals, rounded half away
 * from zero past the 18th decimal; null when the text is not a number.
 */
export function scaledOf(text: string): bigint | null {
  const match = NUMBER.exec(text)
  if (!match) return null
  const [, sign = '', int = '', frac = '', exponentText] = match
  if (int === '' && frac === '') return null
  const exponent = exponentText === undefined ? 0 : Number(exponentText)
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 10_000) return null
  // digits × 10^(exponent − decimals written), brought to 18 decimals.
  const digits = BigInt(`${int}${frac}` || '0')
  const shift = exponent - frac.length + MONEY_SCALE
  let magnitude: bigint
  if (shift >= 0) magnitude = digits * 10n ** BigInt(shift)
  else {
    const divisor = 10n ** BigInt(-shift)
    magnitude = digits / divisor
    if ((digits % divisor) * 2n >= divisor) magnitude += 1n
  }
  return sign === '-' ? -magnitude : magnitude
}
