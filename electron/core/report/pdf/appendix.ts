/**
 * The appendix for auditors, on its own page at the end of every report PDF:
 * how the figures were produced, the source imports with their SHA-256, the
 * rule set (or the plain grouping), the reconciliation line per currency and
 * when the pack was generated — enough to re-derive any figure.
 */
import {
  REPORT_METRIC_LABEL,
  formatExact,
  formatSigned,
  formatAmount,
  reconciliationText,
  type ReportModel,
  type TargetReport,
} from '../../../../shared/report'
import { decimalsEqual } from '../../../../shared/money'
import { COLOR, CONTENT_WIDTH, PAGE, note, sectionHeading, style, type Pdf } from './document'
import { drawTable } from './table'

function paragraph(
  doc: Pdf,
  text: string,
  color: string = COLOR.ink,
  font: 'regular' | 'bold' = 'regular',
): void {
  style(doc, font, 8.8, color).text(text, PAGE.margin, doc.y, {
    width: CONTENT_WIDTH,
    lineGap: 1.5,
  })
  doc.moveDown(0.35)
}

/** Draws the appendix; with `target`, also that cost center's own exact figures and how to trace them. */
export function drawAppendix(doc: Pdf, model: ReportModel, target: TargetReport | null): void {
  doc.addPage()
  style(doc, 'bold', 16, COLOR.ink).text('Appendix for auditors', PAGE.margin, PAGE.margin, {
    width: CONTENT_WIDTH,
  })
  doc.moveDown(0.3)

  sectionHeading(doc, 'How the figures were produced')
  paragraph(
    doc,
    `Every cost row of billing period ${model.period} (by BillingPeriodStart) in workspace "${model.workspace}" ` +
      `contributed its ${REPORT_METRIC_LABEL[model.metric].toLowerCase()} (FOCUS ${model.metric}) as one line, ` +
      `assigned to a cost center by: ${model.ruleSet}. Rows with no cost center go to Unallocated; none are dropped.`,
  )
  paragraph(
    doc,
    'Amounts are exact decimal sums (DuckDB DECIMAL(38,18)), never summed through floating point, and amounts ' +
      'in different currencies are never added together. Figures are shown at the currency’s minor unit; each cost ' +
      'center’s charge is rounded so that all charges add up exactly to the period total at that unit ' +
      '(largest-remainder rounding). Breakdown rows are rounded individually.',
  )

  if (target) {
    sectionHeading(doc, `This cost center: ${target.target}`)
    for (const a of target.amounts) {
      paragraph(
        doc,
        `${a.currency}: exact amount ${formatExact(a.exact, a.currency)} from ${a.lines} line${a.lines === 1 ? '' : 's'}; ` +
          `charged ${formatAmount(a.charged, a.currency)}` +
          (decimalsEqual(a.roundingAdjustment, '0')
            ? ' (no rounding adjustment).'
            : ` (rounding adjustment ${formatSigned(a.roundingAdjustment, a.currency)}).`),
      )
    }
    note(
      doc,
      `To trace a figure: the Detail sheet of the XLSX and the allocated FOCUS export list every line with ` +
        `x_AllocationTarget = "${target.target}", its x_ImportId and x_SourceRow (the row in the source file below).`,
    )
  }

  sectionHeading(doc, 'Reconciliation')
  for (const line of model.reconciliation)
    paragraph(
      doc,
      `${line.ok ? '✓' : '✗'} ${reconciliationText(line, model.metric)}`,
      line.ok ? COLOR.good : COLOR.bad,
      'bold',
    )
  if (model.reconciliation.length === 0) paragraph(doc, 'No cost rows in this period.')

  sectionHeading(doc, 'Cost centers from')
  paragraph(doc, model.ruleSet)
  // A cost center's PDF lists the residues placed on it; the summary lists them all.
  const residues = (model.allocation?.residues ?? []).filter(
    (r) => target === null || r.targets.includes(target.target),
  )
  for (const r of residues) {
    const pool = model.allocation?.pools.find((p) => p.id === r.pool)?.name ?? r.pool
    const of = pool ? ` of ${pool}` : ''
    paragraph(doc, `Residue${of}: ${formatExact(r.amount, r.currency)}, ${r.note}.`)
  }
  const others = (model.allocation?.residues.length ?? 0) - residues.length
  if (others > 0)
    paragraph(
      doc,
      `${others} more rounding residues, placed on other cost centers, are listed in the summary PDF.`,
    )

  sectionHeading(doc, 'Source imports', 60)
  drawTable(
    doc,
    [
      { header: 'Import', weight: 0.8, align: 'right' },
      // Wide enough for the whole SHA-256 an auditor compares with the file's.
      { header: 'File and SHA-256', weight: 7.6, cut: 'middle' },
      { header: 'Source rows', weight: 1.6, align: 'right' },
      { header: 'Pack lines', weight: 1.5, align: 'right' },
    ],
    model.imports.map((i) => ({
      cells: [
        String(i.id),
        { text: i.fileName, sub: `SHA-256 ${i.sha256}` },
        i.rows.toLocaleString('en-US'),
        i.lines.toLocaleString('en-US'),
      ],
    })),
  )

  sectionHeading(doc, 'Generated', 40)
  paragraph(
    doc,
    `${model.generatedAt
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC')
      .replace(/Z$/, ' UTC')} by Focal.`,
  )
}
