/**
 * One cost center's report PDF: cover, headline figures with the change
 * against the previous period, the trend, breakdowns by service and top
 * resources, its share of shared pools, and the auditors' appendix.
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
  type BreakdownRow,
  type ReportModel,
  type TargetAmount,
  type TargetReport,
} from '../../../../shared/report'
import { decimalsEqual, subtractDecimals } from '../../../../shared/money'
import type { ReportFonts } from '../fonts'
import { drawAppendix } from './appendix'
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
  type Pdf,
} from './document'
import { reportingSentence } from './reporting-section'
import { drawTable } from './table'

/** What the PDF writers need besides the model. */
export interface PdfOptions {
  fonts: ReportFonts
  logo: string | null
}

function headline(model: ReportModel, a: TargetAmount): Figure[] {
  const change = describeChange(a.exact, a.previous, a.currency)
  const total = model.totals.find((t) => t.currency === a.currency)
  const figures: Figure[] = [
    {
      label: amountWord(model.kind),
      value: formatAmount(a.charged, a.currency),
      sub: `exact ${formatExact(a.exact, a.currency)}`,
    },
    {
      label: 'Previous period',
      value: a.previous === null ? 'no data' : formatAmount(a.previous, a.currency),
      sub: periodName(model.previousPeriod),
    },
    {
      label: 'Change',
      value: change.amount,
      sub: change.detail,
    },
  ]
  if (a.budget !== null) {
    const variance = subtractDecimals(a.exact, a.budget)
    const over = !variance.startsWith('-') && !decimalsEqual(variance, '0')
    figures.push({
      label: `Budget · ${formatShare(a.exact, a.budget)} used`,
      value: formatAmount(a.budget, a.currency),
      sub: `${formatSigned(variance, a.currency)} ${over ? 'over' : 'under'} budget`,
      stripe: over ? COLOR.bad : COLOR.good,
    })
  } else if (total) {
    figures.push({
      label: 'Share of total',
      value: formatShare(a.exact, total.exact),
      sub: `of ${formatAmount(total.charged, a.currency)}`,
    })
  }
  return figures
}

function breakdownRows(rows: readonly BreakdownRow[], amounts: readonly TargetAmount[]) {
  return rows.map((r) => {
    const whole = amounts.find((a) => a.currency === r.currency)?.exact ?? '0'
    return {
      cells: [
        { text: r.label, sub: r.detail, color: r.other ? COLOR.muted : undefined },
        r.lines.toLocaleString('en-US'),
        formatAmount(r.amount, r.currency),
        formatShare(r.amount, whole),
      ],
    }
  })
}

function totalRows(amounts: readonly TargetAmount[]) {
  return amounts
    .filter((a) => a.lines > 0)
    .map((a) => ({
      cells: [
        `Total (${a.currency})`,
        a.lines.toLocaleString('en-US'),
        formatAmount(a.exact, a.currency),
        '100.0%',
      ],
      strong: true,
    }))
}

function drawBreakdown(
  doc: Pdf,
  title: string,
  firstHeader: string,
  rows: readonly BreakdownRow[],
  t: TargetReport,
): void {
  sectionHeading(doc, title)
  if (rows.length === 0) {
    note(doc, 'No lines.')
    return
  }
  drawTable(
    doc,
    [
      { header: firstHeader, weight: 6.2, cut: 'middle' },
      { header: 'Lines', weight: 1, align: 'right' },
      { header: 'Amount', weight: 2.2, align: 'right' },
      { header: 'Share', weight: 1.3, align: 'right' },
    ],
    [...breakdownRows(rows, t.amounts), ...totalRows(t.amounts)],
  )
}

function drawPools(doc: Pdf, model: ReportModel, t: TargetReport): void {
  sectionHeading(doc, 'Share of shared cost pools')
  if (!model.allocation) {
    note(
      doc,
      `No shared-cost pools: this pack groups cost by ${model.groupedBy} without allocation rules.`,
    )
    return
  }
  if (t.pools.length === 0) {
    note(doc, 'This cost center received no share of a shared-cost pool.')
    return
  }
  drawTable(
    doc,
    [
      { header: 'Pool', weight: 3.4 },
      { header: 'Method', weight: 1.6 },
      { header: 'This cost center', weight: 2.2, align: 'right' },
      { header: 'Pool total', weight: 2.2, align: 'right' },
      { header: 'Share', weight: 1.1, align: 'right' },
    ],
    t.pools.map((p) => ({
      cells: [
        p.poolName,
        p.method,
        formatAmount(p.amount, p.currency),
        formatAmount(p.poolTotal, p.currency),
        formatShare(p.amount, p.poolTotal),
      ],
    })),
  )
  // One description per pool (a pool split in two currencies has two rows), kept short: the
  // full basis of a large split (e.g. every commitment) is in the XLSX Audit sheet.
  const described = new Map(t.pools.map((p) => [p.poolName, p.description]))
  for (const [name, description] of described) note(doc, `${name}: ${shorten(description, 400)}`)
}

function shorten(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max - 1).trimEnd()}… (in full in the XLSX Audit sheet)`
}

/** Writes the PDF of one cost center to `path`. */
export async function writeTargetPdf(
  path: string,
  model: ReportModel,
  t: TargetReport,
  options: PdfOptions,
): Promise<void> {
  const doc = createPdf(options.fonts, {
    title: `${kindTitle(model.kind)} ${model.period} — ${t.target}`,
    subject: `${kindTitle(model.kind)} report for ${t.target}, ${periodName(model.period)}`,
    author: model.company ?? 'Focal',
  })
  drawCover(doc, model, t.target, options.logo)
  for (const a of t.amounts)
    drawFigures(doc, headline(model, a), t.amounts.length > 1 ? a.currency : undefined)
  const adjusted = t.amounts.filter((a) => !decimalsEqual(a.roundingAdjustment, '0'))
  for (const a of adjusted)
    note(
      doc,
      `Includes a rounding adjustment of ${formatSigned(a.roundingAdjustment, a.currency)} so that all cost centers add up to the period total at cents.`,
    )
  const converted = reportingSentence(
    model.reporting,
    t.target,
    t.amounts.map((a) => a.currency),
  )
  if (converted) note(doc, converted)

  sectionHeading(
    doc,
    model.trend.grain === 'month' ? 'Trend by month' : `Daily cost in ${periodName(model.period)}`,
    190,
  )
  const chartHeight = 150
  drawTrendChart(doc, t.trend, {
    x: PAGE.margin,
    y: doc.y,
    width: CONTENT_WIDTH,
    height: chartHeight,
  })
  doc.y += chartHeight + 14

  drawBreakdown(doc, 'By service', 'Service', t.services, t)
  ensureSpace(doc, 120)
  drawBreakdown(doc, `Top ${model.topN} resources`, 'Resource', t.resources, t)
  drawPools(doc, model, t)
  drawAppendix(doc, model, t)
  drawFooters(
    doc,
    `${model.masked ? 'Masked (presentation mode) · ' : ''}${model.company ? `${model.company} · ` : ''}${kindTitle(model.kind)} ${model.period} · ${t.target}`,
  )
  await savePdf(doc, path)
}
