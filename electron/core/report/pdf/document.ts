/**
 * pdfkit plumbing shared by every report PDF: A4 pages with the bundled fonts
 * embedded (so text is real, searchable text), a palette, space checks, text
 * that is cut to fit instead of overflowing, and "page i of n" footers.
 */
import { createWriteStream, readFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import type { ReportFonts } from '../fonts'

/** A pdfkit document. */
export type Pdf = PDFKit.PDFDocument

/** A4 in points with the margins every page uses. */
export const PAGE = { width: 595.28, height: 841.89, margin: 48, footer: 28 } as const

/** Usable width between the margins. */
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin

/** The palette: ink for figures, muted for labels, one accent, red/green only for verdicts. */
export const COLOR = {
  ink: '#1d2733',
  muted: '#5f6b7a',
  faint: '#8a96a3',
  rule: '#d5dbe1',
  band: '#f1f4f7',
  accent: '#25609c',
  accentSoft: '#9dbbdb',
  good: '#23753a',
  bad: '#b3261e',
} as const

/** Font names registered on every document. */
export const FONT = { regular: 'Focal-Regular', bold: 'Focal-Bold' } as const

const fontCache = new Map<string, fontkit.Font>()

/**
 * A font parsed once per process. pdfkit accepts a fontkit font object and
 * parsing DejaVu's tables is most of the cost of a small PDF (a pack of 70
 * cost centers went from ~75 ms to ~15 ms per PDF); each document still makes
 * its own subset, so sharing the parsed font changes no output byte.
 */
function parsedFont(path: string): fontkit.Font {
  let font = fontCache.get(path)
  if (!font) {
    const parsed = fontkit.create(readFileSync(path))
    if (!('layout' in parsed)) throw new Error(`${path} is a font collection, not a font`)
    font = parsed
    fontCache.set(path, font)
  }
  return font
}

/** Creates a document with the fonts registered and metadata set; pages are buffered for footers. */
export function createPdf(
  fonts: ReportFonts,
  info: { title: string; subject: string; author: string },
): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: info.title, Subject: info.subject, Author: info.author, Creator: 'Focal' },
    displayTitle: true,
    lang: 'en',
  })
  // @types/pdfkit lists only paths and bytes; pdfkit 0.20 also takes a parsed fontkit font.
  doc.registerFont(FONT.regular, parsedFont(fonts.regular) as unknown as Buffer)
  doc.registerFont(FONT.bold, parsedFont(fonts.bold) as unknown as Buffer)
  doc.font(FONT.regular).fillColor(COLOR.ink)
  return doc
}

/** Ends the document and resolves once every byte is on disk. */
export function savePdf(doc: Pdf, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path)
    out.on('finish', () => resolve())
    out.on('error', reject)
    doc.on('error', reject)
    doc.pipe(out)
    doc.end()
  })
}

/** The lowest y content may reach on a page. */
export function pageBottom(): number {
  return PAGE.height - PAGE.margin - PAGE.footer
}

/** Starts a new page when fewer than `height` points are left; returns true if it did. */
export function ensureSpace(doc: Pdf, height: number): boolean {
  if (doc.y + height <= pageBottom()) return false
  doc.addPage()
  return true
}

/** Sets font, size and color in one call. */
export function style(
  doc: Pdf,
  font: keyof typeof FONT,
  size: number,
  color: string = COLOR.ink,
): Pdf {
  return doc.font(FONT[font]).fontSize(size).fillColor(color)
}

/**
 * Cuts `text` with an ellipsis so it fits `width` at the current font; "middle"
 * keeps both ends, which is what tells resource ids apart.
 */
export function fitText(
  doc: Pdf,
  text: string,
  width: number,
  mode: 'end' | 'middle' = 'end',
): string {
  if (doc.widthOfString(text) <= width) return text
  const chars = [...text]
  let lo = 0
  let hi = chars.length
  const cut = (n: number): string =>
    mode === 'end'
      ? `${chars.slice(0, n).join('')}…`
      : `${chars.slice(0, Math.ceil(n / 2)).join('')}…${chars.slice(chars.length - Math.floor(n / 2)).join('')}`
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (doc.widthOfString(cut(mid)) <= width) lo = mid
    else hi = mid - 1
  }
  return cut(lo)
}

/**
 * The largest font size from `max` down to `min` (half-point steps) at which
 * `text` fits `width` on one line in the current font, or null when none
 * does. Amounts are fitted this way instead of cut: a figure with an
 * ellipsis is a figure nobody can read.
 */
export function fitFontSize(
  doc: Pdf,
  text: string,
  width: number,
  max: number,
  min: number,
): number | null {
  for (let size = max; size >= min; size -= 0.5) {
    doc.fontSize(size)
    if (doc.widthOfString(text) <= width) return size
  }
  return null
}

/** Writes one line of text at (x, y) cut to `width`, without moving the flow cursor. */
export function textAt(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  options: { align?: 'left' | 'right' | 'center'; cut?: 'end' | 'middle' } = {},
): void {
  const saved = doc.y
  doc.text(fitText(doc, text, width, options.cut), x, y, {
    width,
    align: options.align ?? 'left',
    lineBreak: false,
  })
  doc.y = saved
}

/** A section heading with a thin rule under it; starts a new page if the section would begin at the bottom. */
export function sectionHeading(doc: Pdf, title: string, needs = 80): void {
  ensureSpace(doc, needs)
  doc.moveDown(0.6)
  style(doc, 'bold', 12.5, COLOR.accent).text(title, PAGE.margin, doc.y, { width: CONTENT_WIDTH })
  const y = doc.y + 2
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + CONTENT_WIDTH, y)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke()
  doc.y = y + 8
  style(doc, 'regular', 9.5)
}

/** A paragraph of muted explanatory text across the content width. */
export function note(doc: Pdf, text: string, size = 8.5): void {
  style(doc, 'regular', size, COLOR.muted).text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH })
  style(doc, 'regular', 9.5)
}

/** Writes the footer of every buffered page: what the document is, and "Page i of n". */
export function drawFooters(doc: Pdf, left: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const y = PAGE.height - PAGE.margin - 10
    doc
      .moveTo(PAGE.margin, y - 6)
      .lineTo(PAGE.width - PAGE.margin, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke()
    // The bottom margin would push footer text to a new page; lift it while writing.
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    style(doc, 'regular', 7.5, COLOR.faint)
    textAt(doc, left, PAGE.margin, y, CONTENT_WIDTH - 80)
    textAt(
      doc,
      `Page ${i - range.start + 1} of ${range.count}`,
      PAGE.width - PAGE.margin - 80,
      y,
      80,
      {
        align: 'right',
      },
    )
    doc.page.margins.bottom = margin
  }
}
