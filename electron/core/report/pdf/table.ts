/**
 * A plain financial table for pdfkit: right-aligned figures, a repeated
 * header when it runs onto a new page, an optional muted second line per row
 * (e.g. a resource id under its name), and bold total rows.
 */
import { COLOR, CONTENT_WIDTH, PAGE, pageBottom, style, textAt, type Pdf } from './document'

/** One column: header, share of the content width, alignment, how long text is cut. */
export interface TableColumn {
  header: string
  /** Relative width; the columns share the content width in these proportions. */
  weight: number
  align?: 'left' | 'right'
  cut?: 'end' | 'middle'
}

/** A cell: text, or text with a muted second line. */
export type TableCell = string | { text: string; sub?: string | null; color?: string }

/** A row; `strong` rows (totals) are bold with a rule above. */
export interface TableRow {
  cells: TableCell[]
  strong?: boolean
}

const HEADER_HEIGHT = 18
const ROW_HEIGHT = 15
const SUB_HEIGHT = 10
const PAD = 4

/** Draws the table at the flow cursor across the content width and moves the cursor below it. */
export function drawTable(doc: Pdf, columns: TableColumn[], rows: TableRow[]): void {
  const total = columns.reduce((s, c) => s + c.weight, 0)
  const widths = columns.map((c) => (c.weight / total) * CONTENT_WIDTH)
  const xs = widths.map((_, i) => PAGE.margin + widths.slice(0, i).reduce((s, w) => s + w, 0))

  const header = (): void => {
    const y = doc.y
    doc.rect(PAGE.margin, y, CONTENT_WIDTH, HEADER_HEIGHT).fill(COLOR.band)
    style(doc, 'bold', 8, COLOR.muted)
    columns.forEach((c, i) =>
      textAt(doc, c.header, (xs[i] ?? 0) + PAD, y + 5, (widths[i] ?? 0) - 2 * PAD, {
        align: c.align,
      }),
    )
    doc.y = y + HEADER_HEIGHT + 2
  }

  header()
  for (const row of rows) {
    const hasSub = row.cells.some((c) => typeof c !== 'string' && c.sub)
    const height = ROW_HEIGHT + (hasSub ? SUB_HEIGHT : 0)
    if (doc.y + height > pageBottom()) {
      doc.addPage()
      header()
    }
    const y = doc.y
    if (row.strong)
      doc
        .moveTo(PAGE.margin, y)
        .lineTo(PAGE.margin + CONTENT_WIDTH, y)
        .lineWidth(0.7)
        .strokeColor(COLOR.ink)
        .stroke()
    row.cells.forEach((cell, i) => {
      const column = columns[i]
      if (!column) return
      const value = typeof cell === 'string' ? { text: cell } : cell
      const x = (xs[i] ?? 0) + PAD
      const width = (widths[i] ?? 0) - 2 * PAD
      style(doc, row.strong ? 'bold' : 'regular', 8.5, value.color ?? COLOR.ink)
      // Right-aligned columns hold figures: a large amount is set smaller, never cut short
      // (text width scales with the size, so the size that fits is exact).
      if (column.align === 'right') {
        const wide = doc.widthOfString(value.text)
        if (wide > width) doc.fontSize(Math.floor((8.5 * width * 10) / wide) / 10)
      }
      textAt(doc, value.text, x, y + 4, width, { align: column.align, cut: column.cut })
      if (value.sub) {
        style(doc, 'regular', 6.8, COLOR.faint)
        textAt(doc, value.sub, x, y + 4 + ROW_HEIGHT - 3, width, {
          align: column.align,
          cut: 'middle',
        })
      }
    })
    doc.y = y + height
    if (!row.strong)
      doc
        .moveTo(PAGE.margin, doc.y - 0.5)
        .lineTo(PAGE.margin + CONTENT_WIDTH, doc.y - 0.5)
        .lineWidth(0.3)
        .strokeColor(COLOR.rule)
        .stroke()
  }
  doc.x = PAGE.margin
  style(doc, 'regular', 9.5)
  doc.moveDown(0.4)
}
