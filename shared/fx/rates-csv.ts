/**
 * The exchange rates file `focal fx import` reads: a CSV with the columns
 * date (YYYY-MM-DD) or month (YYYY-MM), from, to, rate and source. Parsed
 * strictly, all or nothing: a rate that went missing or was misread would turn
 * every converted figure of a month into a wrong one without a sign.
 */
import { fail } from '../contract/errors'
import { parseCsv } from '../csv'
import { normalizeDecimal } from '../money'

/** Decimals a rate may have: central banks publish 4–6; 12 leaves room and keeps products exact. */
export const RATE_MAX_DECIMALS = 12

/** One dated rate: 1 unit of `from` is `rate` units of `to`. */
export interface FxRate {
  readonly from: string
  readonly to: string
  /** 'day': `on` is YYYY-MM-DD (a daily rate); 'month': YYYY-MM (a month's rate, e.g. month-end or average). */
  readonly grain: 'day' | 'month'
  readonly on: string
  /** Exact decimal text, > 0. */
  readonly rate: string
  /** Who published it (e.g. "ECB reference rate"); shown beside every converted figure. */
  readonly source: string
}

const COLUMNS = ['date', 'month', 'from', 'to', 'rate', 'source'] as const
const CURRENCY = /^[A-Z]{3}$/
const RATE = new RegExp(`^\\d+(\\.\\d{1,${RATE_MAX_DECIMALS}})?$`)

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text
}

/** Parses the rates CSV text; `fileName` is the display name errors name. Fails on the first bad line. */
export function parseRatesCsv(text: string, fileName: string): FxRate[] {
  const records = parseCsv(text.replace(/\r\n?/g, '\n'))
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase())
  const headerFail = (message: string): never =>
    fail('MISSING_COLUMNS', `${fileName} line 1: ${message}`, {
      hint: 'The rates file needs the header date,from,to,rate,source (or month instead of date).',
      location: { file: fileName, line: 1 },
    })
  const unknown = header.find((h) => !(COLUMNS as readonly string[]).includes(h))
  if (unknown !== undefined) headerFail(`unknown column "${unknown}".`)
  const dup = header.find((h, i) => header.indexOf(h) !== i)
  if (dup !== undefined) headerFail(`the column "${dup}" appears twice.`)
  if (header.includes('date') === header.includes('month'))
    headerFail('give either a date column (YYYY-MM-DD) or a month column (YYYY-MM), not both.')
  for (const name of ['from', 'to', 'rate', 'source'])
    if (!header.includes(name)) headerFail(`no "${name}" column.`)
  const grain = header.includes('date') ? 'day' : 'month'
  const at = (name: string): number => header.indexOf(name)

  const rates: FxRate[] = []
  const seen = new Map<string, number>()
  records.slice(1).forEach((fields, i) => {
    const line = i + 2
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') return
    const bad = (column: string, value: string, what: string, hint: string): never =>
      fail('BAD_VALUE', `${fileName} line ${line}, column ${column}: ${what}`, {
        hint,
        location: { file: fileName, line, column, value },
      })
    if (fields.length !== header.length)
      fail(
        'BAD_ROW_SHAPE',
        `${fileName} line ${line} has ${fields.length} fields; the header has ${header.length}.`,
        { location: { file: fileName, line } },
      )
    const field = (name: string): string => (fields[at(name)] ?? '').trim()
    const dateColumn = grain === 'day' ? 'date' : 'month'
    const on = field(dateColumn)
    if (grain === 'day' && !isIsoDate(on))
      bad('date', on, `"${on}" is not a date.`, 'Write the date as YYYY-MM-DD, e.g. 2024-09-30.')
    if (grain === 'month' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(on))
      bad('month', on, `"${on}" is not a month.`, 'Write the month as YYYY-MM, e.g. 2024-09.')
    const from = field('from')
    const to = field('to')
    for (const [column, code] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!CURRENCY.test(code))
        bad(
          column,
          code,
          `"${code}" is not a currency code.`,
          'Write an ISO 4217 code in capitals, e.g. USD or EUR.',
        )
    if (from === to)
      bad(
        'to',
        to,
        `a rate from ${from} to itself.`,
        'Leave it out: the same currency needs no rate.',
      )
    const rawRate = field('rate')
    if (!RATE.test(rawRate) || /^[0.]+$/.test(rawRate))
      bad(
        'rate',
        rawRate,
        `"${rawRate}" is not a rate above zero.`,
        `Write the rate as a plain decimal above zero with at most ${RATE_MAX_DECIMALS} decimals, e.g. 0.9215 (1 ${from} = 0.9215 ${to}).`,
      )
    const source = field('source')
    if (!source)
      bad('source', source, 'the source is empty.', 'Name who published the rate, e.g. ECB.')
    const key = `${from}>${to}@${on}`
    const first = seen.get(key)
    if (first !== undefined)
      bad(
        dateColumn,
        on,
        `a second rate from ${from} to ${to} for ${on} (the first is on line ${first}).`,
        'Keep one rate per currency pair and date.',
      )
    seen.set(key, line)
    rates.push({ from, to, grain, on, rate: normalizeDecimal(rawRate), source })
  })
  if (rates.length === 0)
    fail('NO_ROWS', `${fileName} has a header but no rates.`, {
      location: { file: fileName, line: 1 },
    })
  return rates
}
