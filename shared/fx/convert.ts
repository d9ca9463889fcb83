/**
 * Which rate converts an amount, and the exact conversion (README: Reporting currency).
 *
 * The rule a controller expects: a month (a pack's period, a month bucket) is converted
 * at the rate given for that month (a month-end or monthly average rate, as the finance
 * team publishes it); without one, at the last daily rate dated within the month (the
 * month-end rate). A day is converted at its own daily rate, else the last daily rate
 * before it in the same month (weekends and holidays have none), else its month's rate.
 * Rates are used in the direction given (from → to) and never inverted: 1 / rate is not
 * an exact decimal. A missing rate is an error naming the currency and the date or month,
 * never a silent 1.0; the same currency needs no rate.
 */
import { fail } from '../contract/errors'
import { fromScaled, toScaled, MONEY_SCALE } from '../money'
import { RATE_MAX_DECIMALS, type FxRate } from './rates-csv'

/** The rate applied to one original currency, with what every converted figure is labelled with. */
export interface AppliedRate {
  readonly from: string
  readonly to: string
  readonly rate: string
  /** The rate's date (YYYY-MM-DD) or month (YYYY-MM). */
  readonly rateDate: string
  readonly source: string
}

function applied(r: FxRate): AppliedRate {
  return { from: r.from, to: r.to, rate: r.rate, rateDate: r.on, source: r.source }
}

/** The rate for `from` → `to` on `when` (YYYY-MM or YYYY-MM-DD) by the rule above, or null. */
export function findRate(
  rates: readonly FxRate[],
  from: string,
  to: string,
  when: string,
): AppliedRate | null {
  const month = when.slice(0, 7)
  const pair = rates.filter((r) => r.from === from && r.to === to)
  const monthly = pair.find((r) => r.grain === 'month' && r.on === month)
  const daily = pair
    .filter((r) => r.grain === 'day' && r.on.startsWith(month) && r.on <= `${when}\uffff`)
    .sort((a, b) => (a.on < b.on ? 1 : -1))[0]
  if (when.length === 7) return monthly ? applied(monthly) : daily ? applied(daily) : null
  return daily ? applied(daily) : monthly ? applied(monthly) : null
}

/** Like findRate, but a missing rate fails FX_RATE_MISSING naming the currencies and the date or month. */
export function requireRate(
  rates: readonly FxRate[],
  from: string,
  to: string,
  when: string,
): AppliedRate {
  const rate = findRate(rates, from, to, when)
  if (rate) return rate
  const what = when.length === 7 ? `the month ${when}` : `${when}`
  return fail('FX_RATE_MISSING', `No exchange rate from ${from} to ${to} for ${what}.`, {
    hint: `Import a rate from ${from} to ${to} for ${when.length === 7 ? `the month ${when} (a month column) or a day in it` : `${when} or its month`} with focal fx import; nothing was written.`,
    details: { from, to, when },
  })
}

/** Scale of a converted amount: money's 18 decimals times a rate's at most 12, so nothing is rounded. */
export const CONVERTED_SCALE = MONEY_SCALE + RATE_MAX_DECIMALS

/** amount × rate, exactly (decimal text in, decimal text out); rounding happens only at display. */
export function convertAmount(amount: string, rate: string): string {
  return fromScaled(toScaled(amount) * toScaled(rate, RATE_MAX_DECIMALS), CONVERTED_SCALE)
}

/** Exact sum of converted amounts (they may carry more than money's 18 decimals). */
export function sumConverted(values: Iterable<string>): string {
  let total = 0n
  for (const v of values) total += toScaled(v, CONVERTED_SCALE)
  return fromScaled(total, CONVERTED_SCALE)
}
