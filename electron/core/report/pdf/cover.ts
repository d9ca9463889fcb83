/**
 * The first-page cover block every report PDF starts with (company, logo,
 * title, period, metric, rules) and the headline figure boxes under it.
 */
import { existsSync } from 'node:fs'
import { kindTitle, metricText, periodText, type ReportModel } from '../../../../shared/report'
import { COLOR, CONTENT_WIDTH, PAGE, style, textAt, type Pdf } from './document'

/** One headline figure: a label, the figure, and a muted line under it. */
export interface Figure {
  label: string
  value: string
  sub?: string
  color?: string
  /** Color of the box's left stripe (a verdict such as over budget); the first box is accented by default. */
  stripe?: string
}

/** Draws the cover block; `title` is the cost center (or "Summary"). */
export function drawCover(doc: Pdf, model: ReportModel, title: string, logo: string | null): void {
  const top = PAGE.margin
  let textX = PAGE.margin
  if (logo && existsSync(logo)) {
    doc.image(logo, PAGE.margin, top, { fit: [120, 42], valign: 'center' })
    textX = PAGE.margin + 132
  }
  style(doc, 'bold', 11, COLOR.ink)
  textAt(
    doc,
    model.company ?? 'Cloud cost report',
    textX,
    top + 6,
    CONTENT_WIDTH - (textX - PAGE.margin),
  )
  style(doc, 'regular', 8.5, COLOR.muted)
  textAt(
    doc,
    `${kindTitle(model.kind)} pack · ${model.kind === 'chargeback' ? 'for journal entries' : 'informational, not charged'}`,
    textX,
    top + 22,
    CONTENT_WIDTH - (textX - PAGE.margin),
  )
  const ruleY = top + 50
  doc.rect(PAGE.margin, ruleY, CONTENT_WIDTH, 2.2).fill(COLOR.accent)

  style(doc, 'regular', 10, COLOR.muted).text(
    `${kindTitle(model.kind)} report`,
    PAGE.margin,
    ruleY + 14,
    {
      width: CONTENT_WIDTH,
    },
  )
  style(doc, 'bold', 22, COLOR.ink).text(title, PAGE.margin, doc.y + 1, { width: CONTENT_WIDTH })
  doc.moveDown(0.5)
  const facts: Array<[string, string]> = [
    ['Billing period', periodText(model.period)],
    ['Cost metric', metricText(model.metric)],
    ['Cost centers from', model.ruleSet],
    ['Workspace', model.workspace],
  ]
  const labelWidth = 100
  for (const [label, value] of facts) {
    const y = doc.y
    style(doc, 'regular', 8.5, COLOR.muted)
    textAt(doc, label, PAGE.margin, y, labelWidth)
    // Values wrap (a rule set's name can be long); labels stay on their first line.
    style(doc, 'regular', 9, COLOR.ink).text(value, PAGE.margin + labelWidth, y - 0.5, {
      width: CONTENT_WIDTH - labelWidth,
      lineGap: 1,
    })
    doc.y = Math.max(doc.y, y + 13)
  }
  doc.y += 8
}

/** A row of up to four figure boxes across the content width. */
export function drawFigures(doc: Pdf, figures: Figure[], caption?: string): void {
  if (caption) {
    style(doc, 'bold', 8, COLOR.muted)
    textAt(doc, caption, PAGE.margin, doc.y, CONTENT_WIDTH)
    doc.y += 12
  }
  const gap = 8
  const count = Math.max(figures.length, 1)
  const width = (CONTENT_WIDTH - gap * (count - 1)) / count
  const height = 54
  const y = doc.y
  figures.forEach((f, i) => {
    const x = PAGE.margin + i * (width + gap)
    doc.rect(x, y, width, height).fill(COLOR.band)
    doc.rect(x, y, 2.5, height).fill(f.stripe ?? (i === 0 ? COLOR.accent : COLOR.rule))
    style(doc, 'regular', 7.8, COLOR.muted)
    textAt(doc, f.label, x + 10, y + 8, width - 16)
    style(doc, 'bold', width < 130 ? 12.5 : 15, f.color ?? COLOR.ink)
    textAt(doc, f.value, x + 10, y + 20, width - 16)
    if (f.sub) {
      style(doc, 'regular', 7, COLOR.muted)
      textAt(doc, f.sub, x + 10, y + 40, width - 16)
    }
  })
  doc.y = y + height + 10
  doc.x = PAGE.margin
}
