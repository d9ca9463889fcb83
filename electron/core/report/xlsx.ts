/**
 * The pack's workbook: Summary, Per cost center, Detail, Journal (a chargeback's)
 * and Audit sheets, written with exceljs's streaming writer so that a large Detail is
 * flushed row by row. Detail beyond Excel's row limit is not cut silently:
 * the sheet says where the full detail is (CSV/Parquet).
 */
import ExcelJS from 'exceljs'
import {
  amountWord,
  currencyDecimals,
  formatExact,
  kindTitle,
  metricText,
  periodText,
  reconciliationText,
  roundDecimal,
  journalStatements,
  type Journal,
  type ReportModel,
} from '../../../shared/report'
import { subtractDecimals } from '../../../shared/money'
import type { Workspace } from '../workspace/workspace'
import { detailSheet } from './xlsx-detail'
import { reportingSheet } from './xlsx-reporting'
import {
  COUNT_FORMAT,
  EXACT_FORMAT,
  PERCENT_FORMAT,
  addRow,
  addSheet,
  moneyFormat,
  num,
  type SheetColumn,
} from './xlsx-style'
import type { ChangesSinceClose } from '../close/changes-since-close'
import { changesSheet } from './xlsx-changes'

/** What the workbook needs besides the model. */
export interface WorkbookInput {
  model: ReportModel
  /** A chargeback's journal; null for a showback, which is not booked (no Journal sheet). */
  journal: Journal | null
  linesTable: string
  /** Data rows the Detail sheet may hold; beyond it the sheet points to `fullDetail`. */
  detailLimit?: number
  /** File names of the full detail (allocated FOCUS CSV/Parquet), for the note. */
  fullDetail: readonly string[]
  /** Rows of the Detail sheet written so far: 0 as it starts, after each chunk, and once more when it is committed. */
  onDetailRows?: (done: number) => void
  /** A reopened month's changes since its close: a sheet of its own (xlsx-changes.ts). */
  changes?: ChangesSinceClose | null
}

const ratio = (part: string, whole: string): number | null =>
  Number(whole) === 0 ? null : Number(part) / Number(whole)

function summarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: ReportModel): void {
  const budgets = model.totals.some((t) => t.budget !== null)
  const columns: SheetColumn[] = [
    { header: 'Cost center', width: 32 },
    { header: 'Currency', width: 10 },
    { header: 'Lines', width: 10, numFmt: COUNT_FORMAT },
    { header: amountWord(model.kind), width: 16 },
    { header: 'Exact amount', width: 22 },
    { header: 'Share', width: 9, numFmt: PERCENT_FORMAT },
    { header: 'Previous period', width: 16 },
    { header: 'Change', width: 16 },
    ...(budgets
      ? [
          { header: 'Budget', width: 16 },
          { header: 'Variance', width: 16 },
        ]
      : []),
  ]
  const sheet = addSheet(wb, 'Summary', columns)
  for (const total of model.totals) {
    const c = total.currency
    const money = moneyFormat(c)
    // Only the columns the sheet has: a format on a column without a header is a column nobody can name.
    const formats: Record<number, string> = { 4: money, 5: EXACT_FORMAT, 7: money, 8: money }
    if (budgets) Object.assign(formats, { 9: money, 10: money })
    const cents = (v: string | null): number | null =>
      num(v === null ? null : roundDecimal(v, currencyDecimals(c)))
    for (const t of model.targets) {
      const a = t.amounts.find((x) => x.currency === c)
      if (!a) continue
      addRow(
        sheet,
        [
          t.target,
          c,
          a.lines,
          num(a.charged),
          a.exact,
          ratio(a.exact, total.exact),
          cents(a.previous),
          a.previous === null ? null : cents(subtractDecimals(a.exact, a.previous)),
          ...(budgets
            ? [
                cents(a.budget),
                a.budget === null ? null : cents(subtractDecimals(a.exact, a.budget)),
              ]
            : []),
        ],
        formats,
      )
    }
    addRow(
      sheet,
      [
        `Total (${c})`,
        c,
        total.lines,
        num(total.charged),
        total.exact,
        1,
        cents(total.previous),
        total.previous === null ? null : cents(subtractDecimals(total.exact, total.previous)),
        ...(budgets
          ? [
              cents(total.budget),
              total.budget === null ? null : cents(subtractDecimals(total.exact, total.budget)),
            ]
          : []),
      ],
      formats,
      true,
    )
  }
  sheet.commit()
}

function perCostCenterSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: ReportModel): void {
  const sheet = addSheet(wb, 'Per cost center', [
    { header: 'Cost center', width: 28 },
    { header: 'Breakdown', width: 11 },
    { header: 'Item', width: 44 },
    { header: 'Resource id', width: 44 },
    { header: 'Currency', width: 10 },
    { header: 'Lines', width: 9, numFmt: COUNT_FORMAT },
    { header: 'Exact amount', width: 22 },
    { header: 'Share of cost center', width: 12, numFmt: PERCENT_FORMAT },
  ])
  for (const t of model.targets) {
    const whole = (c: string): string => t.amounts.find((a) => a.currency === c)?.exact ?? '0'
    const rows = [
      ...t.services.map((r) => ({ kind: 'Service', r })),
      ...t.resources.map((r) => ({ kind: 'Resource', r })),
    ]
    for (const { kind, r } of rows)
      addRow(
        sheet,
        [
          t.target,
          kind,
          r.label,
          r.detail,
          r.currency,
          r.lines,
          r.amount,
          ratio(r.amount, whole(r.currency)),
        ],
        { 7: EXACT_FORMAT },
      )
    for (const p of t.pools)
      addRow(
        sheet,
        [
          t.target,
          'Pool',
          `${p.poolName} (${p.method})`,
          null,
          p.currency,
          null,
          p.amount,
          ratio(p.amount, whole(p.currency)),
        ],
        { 7: EXACT_FORMAT },
      )
  }
  sheet.commit()
}

function journalSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, journal: Journal): void {
  // The general-ledger columns first, in the journal CSV's order; the audit trail after them.
  const sheet = addSheet(wb, 'Journal', [
    { header: 'Date', width: 11 },
    { header: 'Period', width: 9 },
    { header: 'Account', width: 12 },
    { header: 'Cost center', width: 24 },
    { header: 'Description', width: 52 },
    { header: 'Debit', width: 15 },
    { header: 'Credit', width: 15 },
    { header: 'Currency', width: 9 },
    { header: 'Reference', width: 34 },
    { header: 'Exact amount', width: 22 },
    { header: 'Lines', width: 9, numFmt: COUNT_FORMAT },
  ])
  for (const j of journal.lines)
    addRow(
      sheet,
      [
        j.date,
        j.period,
        j.account,
        j.costCenter,
        j.description,
        num(j.debit),
        num(j.credit),
        j.currency,
        j.reference,
        j.exact,
        j.lines,
      ],
      { 6: moneyFormat(j.currency), 7: moneyFormat(j.currency), 10: EXACT_FORMAT },
    )
  sheet.commit()
}

function auditSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  model: ReportModel,
  journal: Journal | null,
): void {
  const sheet = addSheet(wb, 'Audit', [
    { header: 'Item', width: 24 },
    { header: 'Value', width: 110 },
  ])
  const rows: Array<[string, string]> = [
    ['Report', `${kindTitle(model.kind)} ${model.period}`],
    ['Billing period', periodText(model.period)],
    ['Cost metric', metricText(model.metric)],
    ['Cost centers from', model.ruleSet],
    ['Workspace', model.workspace],
    ...(model.masked ? [['Masked', model.masked] as [string, string]] : []),
    ['Generated (UTC)', model.generatedAt],
    ...model.reconciliation.map((l): [string, string] => [
      `Reconciliation ${l.currency}`,
      reconciliationText(l, model.metric),
    ]),
    ...model.totals.map((t): [string, string] => [
      `Period total ${t.currency}`,
      formatExact(t.exact, t.currency),
    ]),
    ...model.imports.map((i): [string, string] => [
      `Import ${i.id}`,
      `${i.fileName} · SHA-256 ${i.sha256} · ${i.rows} source rows in the period · ${i.lines} lines in this pack`,
    ]),
    // The full basis of every shared-pool split and every rounding residue (PDFs shorten them).
    ...(model.allocation?.pools ?? []).map((p): [string, string] => [
      `Pool ${p.name}`,
      p.description,
    ]),
    ...(model.allocation?.residues ?? []).map((r): [string, string] => [
      `Residue ${r.pool ?? ''} ${r.currency}`.replace(/\s+/g, ' '),
      `${formatExact(r.amount, r.currency)}: ${r.note}`,
    ]),
  ]
  if (journal) for (const line of journalStatements(journal)) rows.push(['Journal', line])
  for (const row of rows) addRow(sheet, row)
  sheet.commit()
}

/** Writes the workbook to `path`. */
export async function writeWorkbook(
  path: string,
  ws: Workspace,
  input: WorkbookInput,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  })
  wb.creator = 'Focal'
  wb.created = new Date(input.model.generatedAt)
  summarySheet(wb, input.model)
  if (input.changes) changesSheet(wb, input.changes)
  reportingSheet(wb, input.model)
  perCostCenterSheet(wb, input.model)
  await detailSheet(wb, ws, input)
  if (input.journal) journalSheet(wb, input.journal)
  auditSheet(wb, input.model, input.journal)
  await wb.commit()
}
