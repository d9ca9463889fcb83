/**
 * SQL that reads money written the way a person formats it — `$10,000.00`,
 * `€20.00`, `1,234.5` — into its exact decimal. The FOCUS spec's own SaaS
 * examples write money so (FOCUS 1.2 data/saas_examples/simple_agreements),
 * though FOCUS §Numeric Format allows plain numbers only; issue 8 names the
 * fix "currency string parsed". Only the unambiguous forms are read: comma
 * thousands groups (`-?S?d{1,3}(,ddd)+(.d+)?`) or a leading symbol
 * (`-?Sd+(.d+)?`), and a symbol only where it matches the row's currency.
 * Anything else (`1.234,5`, `12,5`, `$` on a EUR row) stays a bad value.
 * The second reader (currency-text.ts) reads the same texts by its own code.
 */
import type { MappedColumn } from '../../../shared/formats/focus-header'
import { quoteLiteral } from '../../../shared/sql/identifiers'

/** Fix code on every row with a money value read from a currency string. */
export const CURRENCY_STRING_PARSED = 'CURRENCY_STRING_PARSED'

/** The currency symbols read, and the ISO codes each may stand for (kept small on purpose). */
export const CURRENCY_SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  $: ['USD'],
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
}

/**
 * FOCUS money columns and the currency column their amounts are in (FOCUS 1.4 §BillingCurrency,
 * §PricingCurrency); only these read currency strings (a quantity has no currency).
 */
export const MONEY_CURRENCY: Readonly<Record<string, string>> = {
  BilledCost: 'BillingCurrency',
  EffectiveCost: 'BillingCurrency',
  ListCost: 'BillingCurrency',
  ContractedCost: 'BillingCurrency',
  ListUnitPrice: 'BillingCurrency',
  ContractedUnitPrice: 'BillingCurrency',
  PricingCurrencyContractedUnitPrice: 'PricingCurrency',
  PricingCurrencyEffectiveCost: 'PricingCurrency',
  PricingCurrencyListUnitPrice: 'PricingCurrency',
}

const SYMBOLS = Object.keys(CURRENCY_SYMBOLS).join('')
/** The two accepted shapes (RE2, matched against the whole trimmed text). */
const SHAPE = `-?[${SYMBOLS}]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?|-?[${SYMBOLS}][0-9]+(\\.[0-9]+)?`

/** A condition true where `text` is a currency string whose symbol (if any) matches `currency`. */
export function currencyTextCondition(text: string, currency: string): string {
  const symbol = `regexp_extract(${text}, ${quoteLiteral(`[${SYMBOLS}]`)})`
  const matches = Object.entries(CURRENCY_SYMBOLS)
    .map(
      ([s, codes]) =>
        `WHEN ${quoteLiteral(s)} THEN ${currency} IN (${codes.map(quoteLiteral).join(', ')})`,
    )
    .join(' ')
  return `(regexp_full_match(${text}, ${quoteLiteral(SHAPE)}) AND coalesce(CASE ${symbol} WHEN '' THEN true ${matches} ELSE false END, false))`
}

/** The exact DECIMAL(38,18) of a currency string: its symbol and commas removed, then cast. */
export function currencyTextValue(text: string, cast: 'CAST' | 'TRY_CAST'): string {
  return `${cast}(regexp_replace(${text}, ${quoteLiteral(`[${SYMBOLS},]`)}, '', 'g') AS DECIMAL(38,18))`
}

/** The stage expression of a column's currency, for a money column that reads currency strings. */
export function currencyOf(column: MappedColumn): string | null {
  return column.currencyFrom === undefined ? null : `trim(CAST(c${column.currencyFrom} AS VARCHAR))`
}

/**
 * The mapping a FOCUS file's text stage is read with: each money column that has a currency
 * column in the file learns where it is, so its currency strings are read (and flagged), and
 * a money or date value written as the text `null` — as the FOCUS spec's own examples write
 * it (data/commitment_discount_*) — is null, as an empty field is.
 */
export function withCurrencyText<T extends { readonly columns: readonly MappedColumn[] }>(
  mapping: T,
): T {
  const indexOf = new Map(mapping.columns.map((c) => [c.target, c.index]))
  return {
    ...mapping,
    columns: mapping.columns.map((column) => {
      if (column.type !== 'decimal' && column.type !== 'datetime') return column
      const currency = MONEY_CURRENCY[column.target]
      const at = currency === undefined ? undefined : indexOf.get(currency)
      return {
        ...column,
        nullText: true,
        ...(at !== undefined && column.type === 'decimal' ? { currencyFrom: at } : {}),
      }
    }),
  }
}
