/**
 * The budgets CSV a finance team keeps: `period,dimension,value,currency,amount[,thresholds]`,
 * header names in any order and case. `dimension` may be left out when the importer says
 * which dimension every row is (`--by`); `thresholds` are percents separated by `;`
 * (default 50;80;100). Parsed strictly and whole: one bad row refuses the file, naming its
 * line and column, so a budget never goes silently missing.
 */
import { fail } from '../../../shared/contract'
import { normalizeDecimal, toScaled } from '../../../shared/money'
import { readStrictCsv } from '../../../shared/report/strict-csv'
import { csvField } from '../report/csv'

/** Alert thresholds a budget gets when none are given: the FinOps 50/80/100%. */
export const DEFAULT_THRESHOLDS: readonly number[] = [50, 80, 100]

/** A budget as a file states it. */
export interface BudgetLine {
  readonly period: string
  readonly dimension: string
  readonly value: string
  readonly currency: string
  readonly amount: string
  readonly thresholds: readonly number[]
  /** The file line it came from, for an error about it found later. */
  readonly line?: number
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/
const HEADER_HINT =
  'The budgets file needs the header period,dimension,value,currency,amount[,thresholds] ' +
  '(dimension may be left out with --by).'

/** Parses threshold text such as "50;80;100"; null when it is not a list of whole percents 1–1000. */
export function parseThresholds(text: string): number[] | null {
  const parts = text.split(/[;| ]+/).filter((p) => p !== '')
  if (parts.length === 0 || parts.length > 10) return null
  const values = parts.map((p) => (/^\d{1,4}$/.test(p) ? Number(p) : NaN))
  if (values.some((v) => !Number.isInteger(v) || v < 1 || v > 1000)) return null
  return [...new Set(values)].sort((a, b) => a - b)
}

/** Parses a budgets CSV; `by` is the dimension of rows without one. Throws BAD_VALUE naming line and column. */
export function parseBudgetLines(text: string, fileName: string, by?: string): BudgetLine[] {
  const csv = readStrictCsv(text, fileName, HEADER_HINT)
  const [p, v, c, a] = ['period', 'value', 'currency', 'amount'].map((n) => csv.column(n))
  const d = csv.optional('dimension')
  const t = csv.optional('thresholds')
  if (d < 0 && !by)
    fail('MISSING_COLUMNS', `${fileName} has no "dimension" column.`, {
      hint: 'Add a dimension column (e.g. tag:team or SubAccountId), or say the dimension of every row with --by.',
      location: { file: fileName, line: 1, column: 'dimension' },
    })
  const lines: BudgetLine[] = []
  const seen = new Map<string, number>()
  for (const [index, { fields, line }] of csv.records.entries()) {
    const bad = (column: string, message: string, hint: string): never =>
      fail('BAD_VALUE', `${fileName} line ${line}, column ${column}: ${message}`, {
        hint: `${hint} Nothing was imported.`,
        location: {
          file: fileName,
          line,
          row: index + 1,
          column,
          value: fields[csv.optional(column)],
        },
      })
    const field = (i: number): string => (i >= 0 ? (fields[i] ?? '') : '')
    const period = field(p ?? -1)
    if (!PERIOD.test(period))
      bad('period', `"${period}" is not a month.`, 'Write the period as YYYY-MM, e.g. 2025-06.')
    const dimension = field(d) || by || ''
    if (!dimension) bad('dimension', 'the dimension is empty.', 'Write a column name or tag:<key>.')
    if (dimension === 'tag:')
      bad('dimension', '"tag:" names no tag key.', 'Write the tag key after "tag:", e.g. tag:team.')
    const value = field(v ?? -1)
    if (!value)
      bad('value', 'the value is empty.', 'Write the team, domain or account the budget is for.')
    const currency = field(c ?? -1).toUpperCase()
    if (!/^[A-Z0-9]{3,10}$/.test(currency))
      bad(
        'currency',
        `"${field(c ?? -1)}" is not a currency code.`,
        'Write an ISO code such as USD or EUR.',
      )
    let amount = ''
    try {
      amount = normalizeDecimal(field(a ?? -1).replaceAll(',', ''))
    } catch {
      bad(
        'amount',
        `"${field(a ?? -1)}" is not an amount.`,
        'Write amounts as plain numbers, e.g. 1250.00.',
      )
    }
    if (toScaled(amount) <= 0n)
      bad('amount', `${amount} is not above zero.`, 'A budget is an amount above zero.')
    const thresholdText = field(t)
    const thresholds = thresholdText ? parseThresholds(thresholdText) : [...DEFAULT_THRESHOLDS]
    if (!thresholds)
      bad(
        'thresholds',
        `"${thresholdText}" is not a list of percents.`,
        'Write whole percents from 1 to 1000 separated by ";", e.g. 50;80;100, or leave it empty.',
      )
    const key = [period, dimension, value, currency].join('\u0000')
    const earlier = seen.get(key)
    if (earlier !== undefined)
      bad(
        'value',
        `repeats the budget of ${dimension} ${value} in ${currency} for ${period} (line ${earlier}).`,
        'Keep one row per period, dimension, value and currency.',
      )
    seen.set(key, line)
    lines.push({ period, dimension, value, currency, amount, thresholds: thresholds ?? [], line })
  }
  return lines
}

/** Writes budgets as the CSV parseBudgetLines reads back (CRLF, RFC 4180). */
export function formatBudgetLines(lines: readonly BudgetLine[]): string {
  const header = 'period,dimension,value,currency,amount,thresholds'
  const rows = lines.map((b) =>
    [
      b.period,
      csvField(b.dimension),
      csvField(b.value),
      b.currency,
      b.amount,
      b.thresholds.join(';'),
    ].join(','),
  )
  return [header, ...rows].join('\r\n') + '\r\n'
}
