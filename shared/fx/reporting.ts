/**
 * A pack's figures in a reporting currency, beside the original amounts (which stay the
 * ones that reconcile to the invoice). Each cost center's exact amounts are converted at
 * the period's rate per original currency (convert.ts) and added in the reporting
 * currency; the total is the exact sum of the cost centers, which equals each currency's
 * total times its rate. Rounded only when shown.
 */
import { convertAmount, requireRate, sumConverted, type AppliedRate } from './convert'
import type { FxRate } from './rates-csv'

/** The pack's figures converted to one reporting currency. */
export interface ReportingCurrency {
  readonly currency: string
  /** The rate applied to each original currency other than the reporting one, by currency. */
  readonly rates: readonly AppliedRate[]
  /** Each cost center's converted amount, summed over its original currencies. */
  readonly targets: ReadonlyArray<{ readonly target: string; readonly amount: string }>
  /** All cost centers plus Unallocated, converted. */
  readonly total: string
}

/** What the conversion reads from a report model (kept narrow so shared/report need not know FX). */
export interface ConvertibleModel {
  readonly period: string
  readonly currencies: readonly string[]
  readonly targets: ReadonlyArray<{
    readonly target: string
    readonly amounts: ReadonlyArray<{ readonly currency: string; readonly exact: string }>
  }>
}

/** `amount` of `currency` in the reporting currency; the amount itself when it is the reporting currency. */
export function convertedOf(
  reporting: ReportingCurrency,
  currency: string,
  amount: string,
): string {
  if (currency === reporting.currency) return amount
  const rate = reporting.rates.find((r) => r.from === currency)
  if (!rate) throw new Error(`no rate from ${currency} in the reporting figures`)
  return convertAmount(amount, rate.rate)
}

/** The label a converted figure carries: "1 USD = 0.9215 EUR, 2024-09, ECB", or null for the same currency. */
export function rateLabel(reporting: ReportingCurrency, currency: string): string | null {
  const rate = reporting.rates.find((r) => r.from === currency)
  return rate ? `1 ${rate.from} = ${rate.rate} ${rate.to}, ${rate.rateDate}, ${rate.source}` : null
}

/** Converts the model's figures to `currency`; fails FX_RATE_MISSING (currency and month named) before anything is written. */
export function buildReportingCurrency(
  model: ConvertibleModel,
  currency: string,
  rates: readonly FxRate[],
): ReportingCurrency {
  const used = model.currencies
    .filter((c) => c !== currency)
    .map((c) => requireRate(rates, c, currency, model.period))
  const reporting: ReportingCurrency = { currency, rates: used, targets: [], total: '0' }
  const targets = model.targets.map((t) => ({
    target: t.target,
    amount: sumConverted(t.amounts.map((a) => convertedOf(reporting, a.currency, a.exact))),
  }))
  return { ...reporting, targets, total: sumConverted(targets.map((t) => t.amount)) }
}
