/**
 * How reports write numbers for people. Every amount goes through formatMoney
 * with its own currency; percentages and chart scales may use floats because
 * they are never added back into money (DESIGN.md, Settled details: Money).
 */
import { decimalsEqual, formatMoney, subtractDecimals, toScaled } from '../money'
import { currencyDecimals } from './rounding'
import { periodName } from './periods'
import {
  REPORT_METRIC_LABEL,
  type AllocationFacts,
  type ReconciliationLine,
  type ReportKind,
  type ReportMetric,
} from './types'

/** An amount at its currency's precision ("USD 1,234.57"). */
export function formatAmount(value: string, currency: string): string {
  const decimals = currencyDecimals(currency)
  return formatMoney(value, currency, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
}

/** An amount with every decimal it has ("USD 15.4693625497"), for auditors. */
export function formatExact(value: string, currency: string): string {
  return formatMoney(value, currency, {
    minimumFractionDigits: currencyDecimals(currency),
    maximumFractionDigits: 18,
  })
}

/**
 * A signed amount ("USD +1.20", "USD -0.30") for changes and variances: the sign
 * stands by the digits, as in every other amount (formatMoney), never before the
 * currency code. `exact` keeps every decimal (formatExact), for audit views.
 */
export function formatSigned(value: string, currency: string, exact = false): string {
  const format = exact ? formatExact : formatAmount
  const negative = toScaled(value) < 0n
  const magnitude = negative ? value.replace(/^-/, '') : value
  const text = format(magnitude, currency)
  if (decimalsEqual(magnitude, '0') || text === format('0', currency)) return text
  return text.replace(/\d/, (digit) => `${negative ? '-' : '+'}${digit}`)
}

/** part / whole as a percentage with one decimal ("12.3%"), or "–" when whole is zero. */
export function formatShare(part: string, whole: string): string {
  const w = Number(whole)
  if (w === 0 || !Number.isFinite(w)) return '–'
  return `${((Number(part) / w) * 100).toFixed(1)}%`
}

/** The change from `previous` to `current`: exact difference, signed amount, percentage, one phrase. */
export function describeChange(
  current: string,
  previous: string | null,
  currency: string,
): {
  difference: string | null
  amount: string
  percent: string | null
  /** A short second line: the percentage, or why there is none. */
  detail: string
  text: string
} {
  if (previous === null)
    return {
      difference: null,
      amount: '–',
      percent: null,
      detail: 'no previous data',
      text: 'no data for the previous period',
    }
  const difference = subtractDecimals(current, previous)
  const base = Math.abs(Number(previous))
  const percent =
    base === 0
      ? null
      : `${toScaled(difference) < 0n ? '-' : '+'}${((Math.abs(Number(difference)) / base) * 100).toFixed(1)}%`
  const amount = formatSigned(difference, currency)
  const sign = toScaled(difference)
  const detail =
    percent ?? (sign > 0n ? 'up from zero' : sign < 0n ? 'down from zero' : 'no change')
  return { difference, amount, percent, detail, text: percent ? `${amount} (${percent})` : amount }
}

/** "Chargeback" or "Showback". */
export function kindTitle(kind: ReportKind): string {
  return kind === 'chargeback' ? 'Chargeback' : 'Showback'
}

/** The word for a target's amount: charged (chargeback) or its cost (showback). */
export function amountWord(kind: ReportKind): string {
  return kind === 'chargeback' ? 'Charged' : 'Cost'
}

/** "Billed cost (invoice)" / "Amortized effective cost", with the FOCUS column. */
export function metricText(metric: ReportMetric): string {
  return `${REPORT_METRIC_LABEL[metric]} — FOCUS ${metric}`
}

/** "September 2024 (2024-09)". */
export function periodText(period: string): string {
  return `${periodName(period)} (${period})`
}

/** Which rules made the targets, as the appendix states it. */
export function ruleSetText(allocation: AllocationFacts | null, groupedBy: string): string {
  if (!allocation) return `No rules: grouped by ${groupedBy}`
  const name = allocation.ruleSetName ? `Rule set "${allocation.ruleSetName}"` : 'Rule set'
  return `${name}, version ${allocation.ruleVersion}`
}

/** The reconciliation line in words, exact amounts, with its verdict. */
export function reconciliationText(line: ReconciliationLine, metric: ReportMetric): string {
  const c = line.currency
  const source = metric === 'BilledCost' ? 'invoice total (BilledCost)' : 'total EffectiveCost'
  const verdict = line.ok
    ? 'reconciled'
    : `DOES NOT RECONCILE: difference ${formatExact(line.difference, c)}`
  return (
    `${c}: cost centers ${formatExact(line.targets, c)} + Unallocated ${formatExact(line.unallocated, c)}` +
    ` = ${formatExact(line.sum, c)}; period ${source} ${formatExact(line.periodTotal, c)} — ${verdict}`
  )
}

/** A compact axis label for a float copy of money ("1.2k", "0.05"). */
export function axisLabel(value: number): string {
  const abs = Math.abs(value)
  if (abs >= 1e9) return `${(value / 1e9).toFixed(abs >= 1e10 ? 0 : 1)}B`
  if (abs >= 1e6) return `${(value / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}M`
  if (abs >= 1e3) return `${(value / 1e3).toFixed(abs >= 1e4 ? 0 : 1)}k`
  if (abs >= 1 || abs === 0) return value.toFixed(abs >= 10 || abs === 0 ? 0 : 1)
  return String(Number(value.toPrecision(2)))
}
