/**
 * The first-page cover block every report PDF starts with (company, logo,
 * title, period, metric, rules) and the headline figure boxes under it.
 */
import { existsSync } from 'node:fs'
import { kindTitle, metricText, periodText, type ReportModel } from '../../../../shared/report'
import { COLOR, CONTENT_WIDTH, PAGE, fitFontSize, style, textAt, type Pdf } from './document'

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
    ...(model.masked ? [['Masked', model.masked] as [string, string]] : []),
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

/** Largest and smallest font sizes of a figure's value and of the line under it. */
const VALUE_SIZE = { max: 15, narrow: 12.5, min: 7.5 } as const
const SUB_SIZE = { max: 7, min: 5 } as const

/**
 * How a figure's text is set in a box: the largest size from `max` down to
 * `min` at which it fits on one line, or `min` wrapped over lines when even
 * that is too wide. A figure is never cut: an elided "USD 10,774.…" is a
 * number nobody can read (the ellipsis is for names, not amounts).
 */
function fitFigure(
  doc: Pdf,
  font: 'regular' | 'bold',
  text: string,
  width: number,
  max: number,
  min: number,
): { size: number; height: number; wrap: boolean } {
  style(doc, font, max)
  const size = fitFontSize(doc, text, width, max, min)
  if (size !== null) return { size, height: size * 1.2, wrap: false }
  style(doc, font, min)
  return { size: min, height: doc.heightOfString(text, { width }), wrap: true }
}

/** A row of up to four figure boxes across the content width; boxes grow when a figure needs more lines. */
export function drawFigures(doc: Pdf, figures: Figure[], caption?: string): void {
  if (caption) {
    style(doc, 'bold', 8, COLOR.muted)
    textAt(doc, caption, PAGE.margin, doc.y, CONTENT_WIDTH)
    doc.y += 12
  }
  const gap = 8
  const count = Math.max(figures.length, 1)
  const width = (CONTENT_WIDTH - gap * (count - 1)) / count
  const inner = width - 16
  const maxValue = width < 130 ? VALUE_SIZE.narrow : VALUE_SIZE.max
  const laid = figures.map((f) => ({
    f,
    value: fitFigure(doc, 'bold', f.value, inner, maxValue, VALUE_SIZE.min),
    sub: f.sub ? fitFigure(doc, 'regular', f.sub, inner, SUB_SIZE.max, SUB_SIZE.min) : null,
  }))
  // Where the line under the value starts: 40 points down, as always, unless a value wrapped.
  const subTop = 20 + Math.max(20, ...laid.map((l) => l.value.height))
  const height = Math.max(54, subTop + Math.max(0, ...laid.map((l) => l.sub?.height ?? 0)) + 6)
  const y = doc.y
  laid.forEach(({ f, value, sub }, i) => {
    const x = PAGE.margin + i * (width + gap)
    doc.rect(x, y, width, height).fill(COLOR.band)
    doc.rect(x, y, 2.5, height).fill(f.stripe ?? (i === 0 ? COLOR.accent : COLOR.rule))
    style(doc, 'regular', 7.8, COLOR.muted)
    textAt(doc, f.label, x + 10, y + 8, inner)
    // A smaller value sits on the same baseline as a full-size one.
    const drop = value.wrap ? 0 : (maxValue - value.size) * 0.9
    style(doc, 'bold', value.size, f.color ?? COLOR.ink)
    doc.text(f.value, x + 10, y + 20 + drop, { width: inner, lineBreak: value.wrap })
    if (f.sub && sub) {
      style(doc, 'regular', sub.size, COLOR.muted)
      doc.text(f.sub, x + 10, y + subTop, { width: inner, lineBreak: sub.wrap })
    }
  })
  doc.y = y + height + 10
  doc.x = PAGE.margin
}
