/**
 * The pack's journal as balanced double entry, per currency: each cost
 * center's charge is debited to its expense account, and the same total is
 * credited to the account the cloud invoice was booked to. Amounts are in
 * the currency's minor unit and each cost center's lines add up to its
 * charged amount, so the credit equals the rounded period total — the figure
 * a controller ticks against the invoice. A charge with no ledger account is
 * never posted with an empty account: it is listed as unposted instead, and
 * the credit covers only what was posted, so the entry still balances.
 */
import { sumDecimals, subtractDecimals, toScaled } from '../money'
import { groupBy } from './build-model'
import { kindTitle } from './format'
import type { LedgerMapping } from './ledger-map'
import { daysOfPeriod } from './periods'
import { apportionRounded, currencyDecimals, fixedDecimals } from './rounding'
import { REPORT_METRIC_LABEL, type ReportModel } from './types'

/** A target's exact amount on one ledger account (from a tag or column; null when absent). */
export interface LedgerFact {
  readonly target: string
  readonly ledgerAccount: string | null
  readonly currency: string
  readonly amount: string
  readonly lines: number
}

/** One journal line, in the columns a general ledger import expects. */
export interface JournalLine {
  /** The period's last day, YYYY-MM-DD (the posting date). */
  readonly date: string
  readonly period: string
  /** Never empty: a charge without an account is unposted instead. */
  readonly account: string
  /** The cost center's code from the ledger mapping, else its name; empty on the invoice's credit line. */
  readonly costCenter: string
  readonly description: string
  /** At the currency's minor unit, all its decimals written; exactly one of debit and credit is set. */
  readonly debit: string | null
  readonly credit: string | null
  readonly currency: string
  /** The pack id, so a posted entry leads back to the pack. */
  readonly reference: string
  /** The exact amount behind a cost center's line (null on the credit line). */
  readonly exact: string | null
  readonly lines: number
}

/** Debits and credits of one currency; they are equal or the journal is not built. */
export interface JournalBalance {
  readonly currency: string
  readonly debits: string
  readonly credits: string
}

/** A cost center's charge that the journal could not post, and why. */
export interface UnpostedCharge {
  readonly target: string
  readonly currency: string
  /** At the currency's minor unit. */
  readonly amount: string
  readonly reason: 'no ledger account' | 'no credit account'
}

/** The journal of a pack. */
export interface Journal {
  readonly lines: readonly JournalLine[]
  readonly balances: readonly JournalBalance[]
  readonly unposted: readonly UnpostedCharge[]
  readonly creditAccount: string | null
}

/** What the journal needs beyond the model and the ledger facts. */
export interface JournalOptions {
  /** The pack id written in every line's reference column. */
  readonly reference: string
  /** The account the cloud invoice was booked to; without it nothing can be posted. */
  readonly creditAccount: string | null
  /** Ledger accounts and codes per cost center; a mapped cost center ignores the per-row ledger facts. */
  readonly mapping?: readonly LedgerMapping[]
}

interface Share {
  readonly account: string | null
  readonly amount: string
  readonly lines: number
}

/** The journal of a model: per currency, the cost centers' lines in model order, then the credit line. */
export function buildJournal(
  model: ReportModel,
  ledger: readonly LedgerFact[],
  options: JournalOptions,
): Journal {
  const byTarget = groupBy(ledger, (f) => `${f.target}\u0000${f.currency}`)
  const mapped = new Map((options.mapping ?? []).map((m) => [m.target, m]))
  const creditAccount = options.creditAccount?.trim() || null
  const title = `${kindTitle(model.kind)} ${model.period} — ${REPORT_METRIC_LABEL[model.metric]}`
  const days = daysOfPeriod(model.period)
  const common = {
    date: days[days.length - 1] ?? '',
    period: model.period,
    reference: options.reference,
  }
  const lines: JournalLine[] = []
  const balances: JournalBalance[] = []
  const unposted: UnpostedCharge[] = []
  for (const currency of model.currencies) {
    const cents = (value: string): string => fixedDecimals(value, currencyDecimals(currency))
    const posted: JournalLine[] = []
    for (const target of model.targets) {
      const amount = target.amounts.find((a) => a.currency === currency)
      if (!amount) continue
      const mapping = mapped.get(target.target)
      const shares: Share[] = mapping
        ? [{ account: mapping.ledgerAccount, amount: amount.exact, lines: amount.lines }]
        : [...(byTarget.get(`${target.target}\u0000${currency}`) ?? [])]
            .sort((a, b) => (a.ledgerAccount ?? '').localeCompare(b.ledgerAccount ?? ''))
            .map((f) => ({ account: f.ledgerAccount, amount: f.amount, lines: f.lines }))
      // A cost center with no lines (budget only, or an empty Unallocated) posts nothing.
      if (amount.lines === 0 && (mapping || shares.length === 0)) continue
      if (sumDecimals(shares.map((s) => s.amount)) !== sumDecimals([amount.exact]))
        throw new Error(`ledger facts of ${target.target} do not add up to its amount`)
      const split = apportionRounded(
        shares.map((s) => s.amount),
        currencyDecimals(currency),
        amount.charged,
      )
      shares.forEach((share, i) => {
        const value = cents(split[i] ?? '0')
        const sign = toScaled(value)
        if (sign === 0n) return
        const reason = !share.account
          ? 'no ledger account'
          : !creditAccount
            ? 'no credit account'
            : null
        if (reason) {
          unposted.push({ target: target.target, currency, amount: value, reason })
          return
        }
        // A net refund is a credit to the expense account, never a negative debit.
        posted.push({
          ...common,
          account: share.account ?? '',
          costCenter: mapping?.costCenterCode ?? target.target,
          description: `${title} — ${target.target}`,
          debit: sign > 0n ? value : null,
          credit: sign > 0n ? null : cents(negate(value)),
          currency,
          exact: share.amount,
          lines: share.lines,
        })
      })
    }
    if (posted.length === 0) continue
    const net = subtractDecimals(sumOf(posted, 'debit'), sumOf(posted, 'credit'))
    const sign = toScaled(net)
    if (sign !== 0n && creditAccount)
      posted.push({
        ...common,
        account: creditAccount,
        costCenter: '',
        description: `${title} — cloud invoice`,
        debit: sign < 0n ? cents(negate(net)) : null,
        credit: sign > 0n ? cents(net) : null,
        currency,
        exact: null,
        lines: 0,
      })
    const balance = {
      currency,
      debits: cents(sumOf(posted, 'debit')),
      credits: cents(sumOf(posted, 'credit')),
    }
    // Checked, not assumed: an entry that does not balance must never reach a ledger.
    if (balance.debits !== balance.credits)
      throw new Error(
        `the ${currency} journal does not balance: debits ${balance.debits}, credits ${balance.credits}`,
      )
    balances.push(balance)
    lines.push(...posted)
  }
  return { lines, balances, unposted, creditAccount }
}

function sumOf(lines: readonly JournalLine[], side: 'debit' | 'credit'): string {
  return sumDecimals(lines.map((l) => l[side] ?? '0'))
}

function negate(value: string): string {
  return subtractDecimals('0', value)
}

/** The pack id written in the journal's reference column: kind, period and the moment it was generated (UTC). */
export function packReference(model: ReportModel): string {
  const stamp = model.generatedAt.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '')
  return `${model.kind}-${model.period}-${stamp}`
}

/** How many unposted charges a statement names before it sums them instead. */
const UNPOSTED_NAMED = 8

/** The sentences a pack states about its journal (cover, manifest, workbook): balances, then what was not posted. */
export function journalStatements(journal: Journal): string[] {
  const amount = (value: string, currency: string): string =>
    `${fixedDecimals(value, currencyDecimals(currency))} ${currency}`
  const lines = journal.balances.map(
    (b) => `Journal balances: debits = credits = ${amount(b.debits, b.currency)}`,
  )
  const byReason = groupBy(journal.unposted, (u) => u.reason)
  const missing = byReason.get('no ledger account') ?? []
  // A handful is named; a long list is summed per currency here and listed in full in the manifest.
  const named =
    missing.length <= UNPOSTED_NAMED
      ? missing.map((u) => `${u.target} ${amount(u.amount, u.currency)}`).join('; ')
      : `${missing.length} charges of ${new Set(missing.map((u) => u.target)).size} cost centers, ${[
          ...groupBy(missing, (u) => u.currency),
        ]
          .map(([c, list]) => amount(sumDecimals(list.map((u) => u.amount)), c))
          .join(' and ')} (each listed in the manifest)`
  if (missing.length > 0)
    lines.push(
      `Not posted, no ledger account: ${named}. Map them in the ledger mapping (target,ledger_account,cost_center_code).`,
    )
  if ((byReason.get('no credit account') ?? []).length > 0)
    lines.push(
      'Not posted: no credit account is set for the cloud invoice. Set it on the Reports screen or with focal report --credit-account.',
    )
  if (lines.length === 0) lines.push('Journal: nothing to post in this period.')
  return lines
}
