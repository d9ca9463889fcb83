/**
 * The pack's CSV files: the summary and the ledger-ready journal. Amounts are
 * exact decimal text (charged/journal amounts at the currency's minor unit),
 * so a ledger import or a script reads exactly what the PDFs show.
 */
import { writeFile } from 'node:fs/promises'
import { convertedOf } from '../../../shared/fx'
import { subtractDecimals } from '../../../shared/money'
import {
  currencyDecimals,
  fixedDecimals,
  type Journal,
  type ReportModel,
} from '../../../shared/report'

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula gets a leading quote (OWASP CSV injection). */
export function csvField(value: string | number | null, text = true): string {
  if (value === null) return ''
  let s = String(value)
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

function csv(
  header: string[],
  rows: Array<Array<string | number | null>>,
  numeric: Set<number>,
): string {
  const line = (cells: Array<string | number | null>): string =>
    cells.map((c, i) => csvField(c, !numeric.has(i))).join(',')
  // CRLF per RFC 4180; Excel and ledger importers read it everywhere.
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n'
}

/**
 * The summary CSV text: one row per cost center and currency, then the total
 * per currency. Budget and Variance are columns only when the period has
 * budgets: an empty column would read as "no budget" for every cost center.
 */
export function summaryCsv(model: ReportModel): string {
  const budgets = model.totals.some((t) => t.budget !== null)
  const versus = (exact: string, budget: string | null): Array<string | null> =>
    budgets ? [budget, budget === null ? null : subtractDecimals(exact, budget)] : []
  const fixed = (v: string | null, c: string): string | null =>
    v === null ? null : fixedDecimals(v, currencyDecimals(c))
  const converted = reportingColumns(model)
  const rows: Array<Array<string | number | null>> = []
  for (const total of model.totals) {
    const c = total.currency
    for (const t of model.targets) {
      const a = t.amounts.find((x) => x.currency === c)
      if (!a) continue
      rows.push([
        model.period,
        t.target,
        c,
        a.lines,
        fixed(a.charged, c),
        a.exact,
        a.previous,
        a.previous === null ? null : subtractDecimals(a.exact, a.previous),
        ...versus(a.exact, a.budget),
        model.metric,
        ...converted.cells(c, a.exact),
      ])
    }
    rows.push([
      model.period,
      `Total (${c})`,
      c,
      total.lines,
      fixed(total.charged, c),
      total.exact,
      total.previous,
      total.previous === null ? null : subtractDecimals(total.exact, total.previous),
      ...versus(total.exact, total.budget),
      model.metric,
      ...converted.cells(c, total.exact),
    ])
  }
  rows.push(...converted.total(model.period, budgets ? 11 : 9))
  const header = [
    'Period',
    'Cost center',
    'Currency',
    'Lines',
    'Charged',
    'Exact amount',
    'Previous period',
    'Change',
    ...(budgets ? ['Budget', 'Variance'] : []),
    'Metric',
  ]
  const numeric = budgets ? [3, 4, 5, 6, 7, 8, 9] : [3, 4, 5, 6, 7]
  const at = header.length
  return csv(
    [...header, ...converted.header],
    rows,
    new Set([...numeric, ...converted.numeric.map((i) => at + i)]),
  )
}

/**
 * The reporting-currency columns of the summary CSV (none without one): each row's exact
 * amount converted, at cents and exact, with the rate, its date and source; then a last
 * row with the whole pack converted.
 */
function reportingColumns(model: ReportModel): {
  header: string[]
  numeric: number[]
  cells: (currency: string, exact: string) => Array<string | null>
  total: (period: string, before: number) => Array<Array<string | null>>
} {
  const r = model.reporting
  if (!r) return { header: [], numeric: [], cells: () => [], total: () => [] }
  const cents = (v: string): string => fixedDecimals(v, currencyDecimals(r.currency))
  return {
    header: [
      'Reporting currency',
      'Converted',
      'Converted exact',
      'Rate',
      'Rate date',
      'Rate source',
    ],
    numeric: [1, 2, 3],
    cells: (currency, exact) => {
      const rate = r.rates.find((x) => x.from === currency)
      const amount = convertedOf(r, currency, exact)
      return [
        r.currency,
        cents(amount),
        amount,
        rate?.rate ?? null,
        rate?.rateDate ?? null,
        rate?.source ?? null,
      ]
    },
    total: (period, before) => [
      [
        period,
        `Total in ${r.currency}`,
        ...Array<null>(before - 2).fill(null),
        r.currency,
        cents(r.total),
        r.total,
        null,
        null,
        null,
      ],
    ],
  }
}

/**
 * The journal CSV text: the columns a general-ledger import expects, one
 * currency column (each currency's lines balance on their own), amounts at
 * the currency's minor unit with a dot and no grouping.
 */
export function journalCsv(journal: Journal): string {
  const header = [
    'Date',
    'Period',
    'Account',
    'Cost center',
    'Description',
    'Debit',
    'Credit',
    'Currency',
    'Reference',
  ]
  const money = (v: string | null, c: string): string | null =>
    v === null ? null : fixedDecimals(v, currencyDecimals(c))
  const rows = journal.lines.map((j) => [
    j.date,
    j.period,
    j.account,
    j.costCenter,
    j.description,
    money(j.debit, j.currency),
    money(j.credit, j.currency),
    j.currency,
    j.reference,
  ])
  return csv(header, rows, new Set([5, 6]))
}

/** Writes the summary CSV and, for a chargeback (journal not null), the journal CSV. */
export async function writeCsvFiles(
  paths: { summary: string; journal: string | null },
  model: ReportModel,
  journal: Journal | null,
): Promise<void> {
  // Presentation mode is the first line, before the header, so no reader misses it.
  const masked = model.masked ? `${csvField(model.masked)}\r\n` : ''
  await writeFile(paths.summary, masked + summaryCsv(model), 'utf8')
  if (paths.journal && journal) await writeFile(paths.journal, masked + journalCsv(journal), 'utf8')
}
