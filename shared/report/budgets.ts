/**
 * Budgets for the pack: a small CSV `target,currency,amount` a finance team
 * keeps beside the pack, with an optional `period` (YYYY-MM) column so one
 * file can hold the year; a row without a period applies to every period. Parsed strictly: a budget that silently went missing
 * would make a cost center look on budget when it is not.
 */
import { fail } from '../contract/errors'
import { normalizeDecimal } from '../money'
import { readStrictCsv } from './strict-csv'

/** One cost center's budget for the period in one currency. */
export interface Budget {
  readonly target: string
  readonly currency: string
  readonly amount: string
  /** YYYY-MM, or absent when the budget applies to every period. */
  readonly period?: string
}

/** The budgets that apply to a period: its own rows, and those without a period. */
export function budgetsOfPeriod(budgets: readonly Budget[], period: string): Budget[] {
  return budgets.filter((b) => b.period === undefined || b.period === period)
}

/** Parses budgets CSV text; the header must name target, currency and amount (any order). */
export function parseBudgetsCsv(text: string, fileName = 'budgets.csv'): Budget[] {
  const csv = readStrictCsv(
    text,
    fileName,
    'The budgets file needs the header target,currency,amount.',
  )
  const [t, c, a] = [csv.column('target'), csv.column('currency'), csv.column('amount')]
  const p = csv.optional('period')
  const budgets: Budget[] = []
  const seen = new Set<string>()
  for (const { fields, line } of csv.records) {
    const location = { file: fileName, line }
    const target = fields[t] ?? ''
    const currency = (fields[c] ?? '').toUpperCase()
    const raw = (fields[a] ?? '').replaceAll(',', '')
    if (!target) fail('BAD_VALUE', `${fileName} line ${line} has no target.`, { location })
    if (!/^[A-Z0-9]{3,10}$/.test(currency))
      fail('BAD_VALUE', `${fileName} line ${line}: "${fields[c] ?? ''}" is not a currency code.`, {
        location,
      })
    let amount: string
    try {
      amount = normalizeDecimal(raw)
    } catch {
      fail('BAD_VALUE', `${fileName} line ${line}: "${fields[a] ?? ''}" is not an amount.`, {
        location,
        hint: 'Write amounts as plain numbers, e.g. 1250.00.',
      })
    }
    const period = p >= 0 ? fields[p] || undefined : undefined
    if (period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
      fail('BAD_VALUE', `${fileName} line ${line}: "${period}" is not a period.`, {
        location,
        hint: 'Write the period as YYYY-MM, or leave it empty for every period.',
      })
    const key = `${target}\u0000${currency}\u0000${period ?? ''}`
    if (seen.has(key))
      fail(
        'BAD_VALUE',
        `${fileName} line ${line} repeats the budget of ${target} in ${currency}${period ? ` for ${period}` : ''}.`,
        {
          location,
        },
      )
    seen.add(key)
    budgets.push(period ? { target, currency, amount, period } : { target, currency, amount })
  }
  return budgets
}
