/**
 * Exact decimal arithmetic on the decimal strings money travels as across
 * process boundaries (DESIGN.md, Settled details: Money). Never goes through
 * a float.
 */

/** Scale of money in the workspace: DECIMAL(38,18). */
export const MONEY_SCALE = 18

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?$/

/** Parses a decimal string into a scaled bigint at `scale` decimals; throws on anything else. */
export function toScaled(value: string, scale = MONEY_SCALE): bigint {
  const match = DECIMAL_RE.exec(value.trim())
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new Error(`not a decimal number: ${JSON.stringify(value)}`)
  }
  const [, sign, int, frac = ''] = match
  if (frac.length > scale) throw new Error(`more than ${scale} decimals: ${value}`)
  const digits = BigInt((int || '0') + frac.padEnd(scale, '0'))
  return sign === '-' ? -digits : digits
}

/** Formats a scaled bigint as a plain decimal string with trailing zeros removed. */
export function fromScaled(value: bigint, scale = MONEY_SCALE): string {
  // Hot in pivots (one call per figure of a matrix): trailing zeros are cut by a loop, not a
  // regular expression, and the digits padded only when the value is below one.
  let digits = value.toString()
  const negative = digits.charCodeAt(0) === 45 // '-'
  if (negative) digits = digits.slice(1)
  if (digits.length <= scale) digits = '0'.repeat(scale + 1 - digits.length) + digits
  const point = digits.length - scale
  let end = digits.length
  while (end > point && digits.charCodeAt(end - 1) === 48) end-- // '0'
  const body =
    end > point ? `${digits.slice(0, point)}.${digits.slice(point, end)}` : digits.slice(0, point)
  return negative && body !== '0' ? `-${body}` : body
}

// A decimal in canonical form: no leading or trailing zeros, no plus sign, no bare point, at
// most MONEY_SCALE decimals.
const CANONICAL_DECIMAL_RE = /^-?(?:0|[1-9]\d*)(?:\.\d{0,17}[1-9])?$/

// The shape DuckDB prints a DECIMAL in: digits, at most MONEY_SCALE decimals, a minus sign at most.
const PLAIN_DECIMAL_RE = /^(-?)(\d+)(?:\.(\d{0,18}))?$/

/** Canonical form of a decimal string: no trailing zeros, no plus sign, "-0" as "0". */
export function normalizeDecimal(value: string): string {
  // Most texts a pivot table lays out are already canonical (the engine writes DECIMALs so).
  if (CANONICAL_DECIMAL_RE.test(value) && value !== '-0') return value
  // A rows page normalizes thousands of DuckDB's DECIMAL texts: trimming
  // zeros off the text gives what the bigint round trip gives, without the bigint.
  const plain = PLAIN_DECIMAL_RE.exec(value)
  if (!plain) return fromScaled(toScaled(value))
  const [, sign, digits = '', decimals = ''] = plain
  const int = digits.replace(/^0+(?=\d)/, '')
  const frac = decimals.replace(/0+$/, '')
  const body = frac ? `${int}.${frac}` : int
  return sign && body !== '0' ? `-${body}` : body
}

/** Exact sum of decimal strings. */
export function sumDecimals(values: Iterable<string>): string {
  let total = 0n
  for (const v of values) total += toScaled(v)
  return fromScaled(total)
}

/** Exact difference a − b of two decimal strings. */
export function subtractDecimals(a: string, b: string): string {
  return fromScaled(toScaled(a) - toScaled(b))
}

/** True when two decimal strings denote the same number. */
export function decimalsEqual(a: string, b: string): boolean {
  return toScaled(a) === toScaled(b)
}

/**
 * Formats an amount for people: grouped digits, at least `minimumFractionDigits`
 * and at most `maximumFractionDigits` decimals, with its ISO currency code.
 * Rounding for display is half-expand on the exact decimal string (Intl accepts
 * decimal strings and does not round through a double). A minus sign stands by
 * the digits ("USD -0.15"), never before the code ("-USD 0.15" reads as a
 * negative currency), the same for ISO and non-ISO codes. Every screen, report
 * and CLI line formats money here.
 */
export function formatMoney(
  value: string,
  currency: string,
  options: { minimumFractionDigits?: number; maximumFractionDigits?: number; locale?: string } = {},
): string {
  const { minimumFractionDigits = 2, maximumFractionDigits = 2, locale = 'en-US' } = options
  const format = (code: string): string => {
    const parts = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      currencyDisplay: 'code',
      minimumFractionDigits,
      maximumFractionDigits,
      // An amount that rounds to zero shows as 0.00, not -0.00.
      signDisplay: 'negative',
    }).formatToParts(value as unknown as number)
    const negative = parts.some((part) => part.type === 'minusSign')
    const digits = parts.findIndex((part) => part.type === 'integer')
    return parts
      .map((part, index) =>
        part.type === 'minusSign'
          ? ''
          : negative && index === digits
            ? `-${part.value}`
            : part.value,
      )
      .join('')
  }
  try {
    return format(currency)
  } catch {
    // Not an ISO 4217 code (FOCUS allows virtual currencies in PricingCurrency): show it as text.
    const plain = new Intl.NumberFormat(locale, { minimumFractionDigits, maximumFractionDigits })
    return `${currency} ${plain.format(value as unknown as number)}`
  }
}
