/**
 * The weekly ledger as a PDF for the Monday review: per currency the total, the movers with
 * their explanation and sign-off, the rest, and the days of the week, on A4 with the bundled
 * fonts (core/report/pdf/document.ts). Built in memory: the screen downloads it as bytes.
 */
import type { LedgerCurrency, LedgerWeek } from '../../../shared/contract/ledger'
import { signOffRule } from '../../../shared/ledger/sign-off'
import { findReportFonts } from '../report/fonts'
import {
  COLOR,
  fitFontSize,
  CONTENT_WIDTH,
  createPdf,
  ensureSpace,
  fitText,
  PAGE,
  style,
  type Pdf,
} from '../report/pdf/document'

/** Column x offsets and widths: value, last week, this week, delta, delta %, sign-off. */
const COLUMNS = [
  { title: 'Value', width: 130, align: 'left' },
  { title: 'Last week', width: 80, align: 'right' },
  { title: 'This week', width: 80, align: 'right' },
  { title: 'Delta', width: 80, align: 'right' },
  { title: 'Delta %', width: 50, align: 'right' },
  { title: 'Sign-off', width: CONTENT_WIDTH - 420, align: 'left' },
] as const

function row(doc: Pdf, cells: ReadonlyArray<string>, bold = false): void {
  ensureSpace(doc, 14)
  const y = doc.y
  let x = PAGE.margin
  style(doc, bold ? 'bold' : 'regular', 8)
  COLUMNS.forEach((column, i) => {
    const width = column.width - 4
    const cell = cells[i] ?? ''
    // An amount is exact decimal text: shrunk to fit, never cut (a cut figure cannot be checked).
    const amount = column.align === 'right' ? fitFontSize(doc, cell, width, 8, 4) : null
    const text = amount === null ? fitText(doc, cell, width, i === 0 ? 'middle' : 'end') : cell
    doc.text(text, x, y, { width, align: column.align, lineBreak: false })
    doc.fontSize(8)
    x += column.width
  })
  doc.x = PAGE.margin
  doc.y = y + 12
}

const percent = (p: string | null): string => (p === null ? 'new' : `${p}%`)

function currencySection(doc: Pdf, ledger: LedgerWeek, c: LedgerCurrency): void {
  ensureSpace(doc, 60)
  style(doc, 'bold', 11).text(`${c.currency ?? '(no currency)'} · ${ledger.metric}`, PAGE.margin)
  doc.moveDown(0.3)
  row(
    doc,
    COLUMNS.map((col) => col.title),
    true,
  )
  for (const m of c.movers) {
    const e = m.explanation
    const sign = e?.signedBy ? `signed ${e.signedBy}` : m.needsSignOff ? '! needs sign-off' : ''
    row(doc, [m.value ?? '(none)', m.lastWeek, m.thisWeek, m.delta, percent(m.deltaPercent), sign])
    if (e) {
      style(doc, 'regular', 7, COLOR.muted)
      ensureSpace(doc, 12)
      doc.text(`${e.owner}: ${e.text}`, PAGE.margin + 12, doc.y, { width: CONTENT_WIDTH - 12 })
      doc.x = PAGE.margin
    }
  }
  if (c.rest.values > 0)
    row(doc, [
      `Other ${c.rest.values} values`,
      c.rest.lastWeek,
      c.rest.thisWeek,
      c.rest.delta,
      percent(c.rest.deltaPercent),
      '',
    ])
  row(doc, ['Total', c.lastWeek, c.thisWeek, c.delta, percent(c.deltaPercent), ''], true)
  style(doc, 'regular', 7, COLOR.muted)
  doc.text(`Days: ${c.days.map((d) => `${d.day} ${d.cost}`).join(' · ')}`, PAGE.margin, doc.y + 2, {
    width: CONTENT_WIDTH,
  })
  doc.moveDown(1)
}

/** The ledger's PDF bytes; `masked`: presentation mode's notice, stated under the title. */
export async function ledgerPdf(ledger: LedgerWeek, masked: string | null = null): Promise<Buffer> {
  const doc = createPdf(findReportFonts(), {
    title: `Weekly cost ledger ${ledger.week}`,
    subject: `${ledger.metric} by ${ledger.by}`,
    author: 'Focal',
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })
  style(doc, 'bold', 16).text(`Weekly cost ledger ${ledger.week}`)
  if (masked) style(doc, 'bold', 9).text(masked)
  style(doc, 'regular', 9, COLOR.muted).text(
    `${ledger.start} to ${ledger.end} (UTC, end exclusive) against ${ledger.lastWeek.week}; ` +
      `${ledger.metric} by ${ledger.by}${ledger.byReason === 'owner-default' ? ' (the owner dimension)' : ''}; ` +
      `top ${ledger.top} movers by |delta| per currency. A mover needs a sign-off when ` +
      `${signOffRule(ledger.threshold)} (this workspace's threshold).`,
  )
  doc.moveDown(1)
  for (const c of ledger.currencies) currencySection(doc, ledger, c)
  if (ledger.currencies.length === 0) style(doc, 'regular', 10).text('No costs in these two weeks.')
  doc.end()
  await done
  return Buffer.concat(chunks)
}
