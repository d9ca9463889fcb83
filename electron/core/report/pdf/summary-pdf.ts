/**
 * The pack's summary PDF: totals per currency with the change against the
 * previous period, the reconciliation line up front, the trend of the total,
 * every cost center (Unallocated last, always shown), pools, and the appendix.
 */
import {
  amountWord,
  describeChange,
  formatAmount,
  formatExact,
  formatShare,
  formatSigned,
  kindTitle,
  periodName,
  reconciliationText,
  journalStatements,
  type CurrencyTotal,
  type Journal,
  type ReportModel,
} from '../../../../shared/report'
import { subtractDecimals, sumDecimals } from '../../../../shared/money'
import type { ChangesSinceClose } from '../../close/changes-since-close'
import { drawAppendix } from './appendix'
import { drawChangesSinceClose } from './changes-section'
import { drawReportingCurrency } from './reporting-section'
import { drawTrendChart } from './chart'
import { drawCover, drawFigures, type Figure } from './cover'
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  createPdf,
  drawFooters,
  ensureSpace,
  note,
  savePdf,
  sectionHeading,
  style,
  type Pdf,
} from './document'
import { drawTable, type TableColumn, type TableRow } from './table'
import type { PdfOptions } from './target-pdf'

function headline(model: ReportModel, total: CurrencyTotal): Figure[] {
  const c = total.currency
  const change = describeChange(total.exact, total.previous, c)
  const unallocated = model.targets
    .find((t) => t.unallocated)
    ?.amounts.find((a) => a.currency === c)
  return [
    {
      label: `Total ${amountWord(model.kind).toLowerCase()}`,
      value: formatAmount(total.charged, c),
      sub: `exact ${formatExact(total.exact, c)}`,
    },
    {
      label: 'Previous period',
      value: total.previous === null ? 'no data' : formatAmount(total.previous, c),
      sub: periodName(model.previousPeriod),
    },
    {
      label: 'Change',
      value: change.amount,
      sub: change.detail,
    },
    {
      label: 'Unallocated',
      value: formatAmount(unallocated?.charged ?? '0', c),
      sub: `${formatShare(unallocated?.exact ?? '0', total.exact)} of the total`,
      color: unallocated && Number(unallocated.exact) !== 0 ? COLOR.bad : COLOR.good,
    },
  ]
}

function drawReconciliation(doc: Pdf, model: ReportModel): void {
  const lines = model.reconciliation
  const ok = lines.every((l) => l.ok)
  ensureSpace(doc, 30 + lines.length * 24)
  const y = doc.y
  style(doc, 'bold', 8.5, ok ? COLOR.good : COLOR.bad).text(
    ok ? '✓ Reconciled to the period total' : '✗ Does not reconcile — do not post this pack',
    PAGE.margin + 10,
    y + 6,
    { width: CONTENT_WIDTH - 20 },
  )
  for (const line of lines)
    style(doc, 'regular', 7.6, COLOR.ink).text(
      reconciliationText(line, model.metric),
      PAGE.margin + 10,
      doc.y + 2,
      { width: CONTENT_WIDTH - 20 },
    )
  // The frame is drawn after the text so it always fits however the sentences wrap.
  const height = doc.y + 6 - y
  doc
    .rect(PAGE.margin, y, CONTENT_WIDTH, height)
    .lineWidth(0.8)
    .strokeColor(ok ? COLOR.good : COLOR.bad)
    .stroke()
  doc.y = y + height + 10
  doc.x = PAGE.margin
}

/** The journal's balance per currency (and what it could not post), stated where the controller looks first. */
function drawJournalNote(doc: Pdf, journal: Journal): void {
  const complete = journal.unposted.length === 0 && journal.balances.length > 0
  const lines = journalStatements(journal)
  ensureSpace(doc, 14 + lines.length * 12)
  for (const [i, line] of lines.entries())
    style(
      doc,
      i < journal.balances.length ? 'bold' : 'regular',
      7.8,
      complete ? COLOR.ink : COLOR.bad,
    ).text(line, PAGE.margin, doc.y + (i === 0 ? 0 : 2), { width: CONTENT_WIDTH })
  doc.y += 10
  doc.x = PAGE.margin
}

function costCenterTable(model: ReportModel): { columns: TableColumn[]; rows: TableRow[] } {
  const budgets = model.totals.some((t) => t.budget !== null)
  const columns: TableColumn[] = [
    { header: 'Cost center', weight: 4 },
    { header: 'Lines', weight: 1, align: 'right' },
    { header: amountWord(model.kind), weight: 2, align: 'right' },
    { header: 'Share', weight: 1.3, align: 'right' },
    ...(budgets
      ? [
          { header: 'Budget', weight: 2, align: 'right' as const },
          { header: 'Variance', weight: 2, align: 'right' as const },
        ]
      : [
          { header: 'Previous', weight: 2, align: 'right' as const },
          { header: 'Change', weight: 2, align: 'right' as const },
        ]),
  ]
  const rows: TableRow[] = []
  for (const total of model.totals) {
    const c = total.currency
    const label = (name: string): string => (model.currencies.length > 1 ? `${name} (${c})` : name)
    for (const t of model.targets) {
      const a = t.amounts.find((x) => x.currency === c)
      if (!a) continue
      const extra = budgets
        ? [
            a.budget === null ? '–' : formatAmount(a.budget, c),
            a.budget === null ? '–' : formatSigned(subtractDecimals(a.exact, a.budget), c),
          ]
        : [
            a.previous === null ? '–' : formatAmount(a.previous, c),
            describeChange(a.exact, a.previous, c).amount,
          ]
      rows.push({
        cells: [
          {
            text: label(t.target),
            // Unallocated stands out only when it holds cost someone has to own.
            color: t.unallocated ? (Number(a.exact) === 0 ? COLOR.muted : COLOR.bad) : undefined,
          },
          a.lines.toLocaleString('en-US'),
          formatAmount(a.charged, c),
          formatShare(a.exact, total.exact),
          ...extra,
        ],
      })
    }
    const extraTotal = budgets
      ? [
          total.budget === null ? '–' : formatAmount(total.budget, c),
          total.budget === null
            ? '–'
            : formatSigned(subtractDecimals(total.exact, total.budget), c),
        ]
      : [
          total.previous === null ? '–' : formatAmount(total.previous, c),
          describeChange(total.exact, total.previous, c).amount,
        ]
    rows.push({
      cells: [
        `Total (${c})`,
        total.lines.toLocaleString('en-US'),
        formatAmount(total.charged, c),
        '100.0%',
        ...extraTotal,
      ],
      strong: true,
    })
  }
  return { columns, rows }
}

function drawPoolSummary(doc: Pdf, model: ReportModel): void {
  if (!model.allocation || model.allocation.pools.length === 0) return
  sectionHeading(doc, 'Shared cost pools')
  const rows: TableRow[] = model.allocation.pools.flatMap((pool) =>
    model.currencies.map((c) => {
      const shares = model.targets.flatMap((t) =>
        t.pools.filter((p) => p.pool === pool.id && p.currency === c),
      )
      return {
        cells: [
          pool.name,
          pool.method,
          String(shares.length),
          formatAmount(sumDecimals(shares.map((s) => s.amount)), c),
        ],
      }
    }),
  )
  drawTable(
    doc,
    [
      { header: 'Pool', weight: 4 },
      { header: 'Method', weight: 2 },
      { header: 'Cost centers', weight: 1.5, align: 'right' },
      { header: 'Allocated', weight: 2.5, align: 'right' },
    ],
    rows,
  )
  for (const pool of model.allocation.pools) note(doc, `${pool.name}: ${pool.description}`)
}

/** Writes the pack's summary PDF to `path`. */
export async function writeSummaryPdf(
  path: string,
  model: ReportModel,
  options: PdfOptions,
  journal?: Journal,
  /** A reopened month's changes since its close (close/changes-since-close.ts). */
  changes?: ChangesSinceClose | null,
): Promise<void> {
  const doc = createPdf(options.fonts, {
    title: `${kindTitle(model.kind)} ${model.period} — summary`,
    subject: `${kindTitle(model.kind)} summary, ${periodName(model.period)}`,
    author: model.company ?? 'Focal',
  })
  drawCover(doc, model, 'Summary of all cost centers', options.logo)
  for (const total of model.totals)
    drawFigures(doc, headline(model, total), model.totals.length > 1 ? total.currency : undefined)
  drawReconciliation(doc, model)
  // Only a chargeback is posted; a showback's journal is for reference and not stated up front.
  if (journal && model.kind === 'chargeback') drawJournalNote(doc, journal)
  if (changes) drawChangesSinceClose(doc, changes)
  sectionHeading(
    doc,
    model.trend.grain === 'month' ? 'Trend by month' : `Daily cost in ${periodName(model.period)}`,
    170,
  )
  const chartHeight = 130
  drawTrendChart(doc, model.trend, {
    x: PAGE.margin,
    y: doc.y,
    width: CONTENT_WIDTH,
    height: chartHeight,
  })
  doc.y += chartHeight + 14
  sectionHeading(doc, `Cost centers (${model.targets.length - 1} + Unallocated)`)
  const table = costCenterTable(model)
  drawTable(doc, table.columns, table.rows)
  drawReportingCurrency(doc, model.reporting)
  drawPoolSummary(doc, model)
  drawAppendix(doc, model, null)
  drawFooters(
    doc,
    `${model.masked ? 'Masked (presentation mode) · ' : ''}${model.company ? `${model.company} · ` : ''}${kindTitle(model.kind)} ${model.period} · Summary`,
  )
  await savePdf(doc, path)
}
