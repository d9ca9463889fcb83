/**
 * Ledger-ready journal lines: one per cost center, ledger account and
 * currency, in the currency's minor unit. Each cost center's lines add up to
 * its charged amount, and so all lines add up to the period total at cents —
 * the figure a controller ticks against the invoice.
 */
import { sumDecimals } from '../money'
import { groupBy } from './build-model'
import { kindTitle } from './format'
import { apportionRounded, currencyDecimals } from './rounding'
import { REPORT_METRIC_LABEL, type ReportModel } from './types'

/** A target's exact amount on one ledger account (from a tag or column; null when absent). */
export interface LedgerFact {
  readonly target: string
  readonly ledgerAccount: string | null
  readonly currency: string
  readonly amount: string
  readonly lines: number
}

/** One journal line. */
export interface JournalLine {
  readonly period: string
  readonly costCenter: string
  /** Empty when the cost rows carry no ledger account. */
  readonly ledgerAccount: string
  readonly description: string
  readonly currency: string
  /** At the currency's minor unit. */
  readonly amount: string
  readonly exact: string
  readonly lines: number
}

/** Journal lines of a model, in the model's target order, ledger accounts sorted within. */
export function buildJournal(model: ReportModel, ledger: readonly LedgerFact[]): JournalLine[] {
  const byTarget = groupBy(ledger, (f) => `${f.target}\u0000${f.currency}`)
  const description = `${kindTitle(model.kind)} ${model.period} — ${REPORT_METRIC_LABEL[model.metric]}`
  const lines: JournalLine[] = []
  for (const target of model.targets) {
    for (const amount of target.amounts) {
      const facts = [...(byTarget.get(`${target.target}\u0000${amount.currency}`) ?? [])].sort(
        (a, b) => (a.ledgerAccount ?? '').localeCompare(b.ledgerAccount ?? ''),
      )
      // A cost center with no lines (budget only, or an empty Unallocated) posts nothing.
      if (facts.length === 0 && amount.lines === 0) continue
      if (sumDecimals(facts.map((f) => f.amount)) !== sumDecimals([amount.exact]))
        throw new Error(`ledger facts of ${target.target} do not add up to its amount`)
      const cents = apportionRounded(
        facts.map((f) => f.amount),
        currencyDecimals(amount.currency),
        amount.charged,
      )
      facts.forEach((f, i) =>
        lines.push({
          period: model.period,
          costCenter: target.target,
          ledgerAccount: f.ledgerAccount ?? '',
          description,
          currency: amount.currency,
          amount: cents[i] ?? '0',
          exact: f.amount,
          lines: f.lines,
        }),
      )
    }
  }
  return lines
}
