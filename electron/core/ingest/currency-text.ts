/**
 * Reconciliation's own reading of money written as a currency string
 * (`$10,000.00`, `€20.00`, `1,234.5`): plain string work, sharing nothing with
 * the SQL that stores such values (currency-text-sql.ts), so a wrong reading
 * there shows as a difference in the totals. The same forms only: comma
 * thousands groups, or a leading symbol, and a symbol only on a row whose
 * currency it stands for.
 */

/** Currency symbol → the ISO codes it may stand for. */
const SYMBOL_CODES = new Map<string, readonly string[]>([
  ['$', ['USD']],
  ['€', ['EUR']],
  ['£', ['GBP']],
  ['¥', ['JPY', 'CNY']],
])

/** `text` (trimmed) as plain decimal text, or null when it is not a currency string for `currency`. */
export function readCurrencyText(text: string, currency: string | null): string | null {
  let rest = text
  let sign = ''
  if (rest.startsWith('-')) {
    sign = '-'
    rest = rest.slice(1)
  }
  const symbol = SYMBOL_CODES.has(rest[0] ?? '') ? rest[0]! : ''
  if (symbol) {
    if (!SYMBOL_CODES.get(symbol)!.includes(currency?.trim() ?? '')) return null
    rest = rest.slice(1)
  }
  const [whole = '', fraction, extra] = rest.split('.')
  if (extra !== undefined || (fraction !== undefined && !isDigits(fraction))) return null
  const groups = whole.split(',')
  if (groups.length === 1) {
    // No thousands groups: only a symbol makes it a currency string ("$20.00").
    if (!symbol || !isDigits(whole)) return null
  } else {
    const [first = '', ...others] = groups
    if (!isDigits(first) || first.length > 3) return null
    if (others.some((group) => group.length !== 3 || !isDigits(group))) return null
  }
  return `${sign}${groups.join('')}${fraction === undefined ? '' : `.${fraction}`}`
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false
  for (const c of text) if (c < '0' || c > '9') return false
  return true
}
