/**
 * The audit trail as the screen and the exports read it: the log filtered (UTC days, an
 * action or its prefix, words in any field) newest first, the verification in the contract's
 * shape, and the filtered log as CSV (`focal audit log --csv` writes the same) or as a PDF
 * opening with the verification, for an auditor's working papers.
 */
import type {
  AuditEntryView,
  AuditFilterRequest,
  AuditPage,
  AuditVerificationView,
} from '../../../shared/contract/audit'
import { csvField } from '../report/csv'
import { findReportFonts } from '../report/fonts'
import { COLOR, createPdf, drawFooters, note, sectionHeading, style } from '../report/pdf/document'
import { drawTable } from '../report/pdf/table'
import type { Workspace } from '../workspace/workspace'
import { listAuditEntries, type AuditEntry } from './audit-log'
import type { AuditVerification } from './verify-audit'

/** The entries that pass `filter`, newest first. */
export async function filteredEntries(
  ws: Workspace,
  filter: AuditFilterRequest,
): Promise<AuditEntry[]> {
  const entries = await listAuditEntries(ws, {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  })
  const words = filter.text?.toLowerCase().split(/\s+/).filter(Boolean) ?? []
  const matches = (e: AuditEntry): boolean => {
    const text = [e.actor, e.action, e.subject ?? '', detailsText(e) ?? ''].join(' ').toLowerCase()
    return words.every((w) => text.includes(w))
  }
  return entries.filter(matches).reverse()
}

/** One page of the filtered log, with the count and every action the log holds. */
export async function auditPage(
  ws: Workspace,
  filter: AuditFilterRequest,
  offset: number,
  limit: number,
): Promise<AuditPage> {
  const entries = await filteredEntries(ws, filter)
  const actions = await ws.all('SELECT DISTINCT action FROM audit_log ORDER BY action')
  return {
    entries: entries.slice(offset, offset + limit).map(entryView),
    total: entries.length,
    offset,
    actions: actions.map((a) => String(a.action)),
  }
}

/** An entry with its details as JSON text. */
export function entryView(e: AuditEntry): AuditEntryView {
  return { ...e, details: detailsText(e) }
}

function detailsText(e: AuditEntry): string | null {
  return e.details === null ? null : JSON.stringify(e.details)
}

/** The verification as the contract carries it: imports' and closes' differences in one list. */
export function verificationView(v: AuditVerification): AuditVerificationView {
  return {
    ok: v.ok,
    entries: v.entries,
    head: v.head,
    break: v.break && { ...v.break },
    chainStart: v.chainStart && { ...v.chainStart },
    importsChecked: v.imports.checked,
    closesChecked: v.closes.checked,
    mismatches: [
      ...v.imports.mismatches.map((m) => ({
        seq: m.seq,
        what: `import ${m.importId} (${m.fileName})`,
        field: m.field,
        expected: m.expected,
        found: m.found,
      })),
      ...v.closes.mismatches.map((m) => ({
        seq: m.seq,
        what: `${m.action} of ${m.period}`,
        field: m.field,
        expected: m.expected,
        found: m.found,
      })),
    ],
  }
}

/** The entries as CSV: number, UTC time, user, action, subject, details JSON (CRLF lines). */
export function entriesCsv(entries: readonly AuditEntry[]): string {
  const line = (cells: ReadonlyArray<string | number | null>): string =>
    cells.map((c) => csvField(c, typeof c !== 'number')).join(',')
  return [
    line(['seq', 'logged_at', 'actor', 'action', 'subject', 'details']),
    ...entries.map((e) => line([e.seq, e.loggedAt, e.actor, e.action, e.subject, detailsText(e)])),
  ].join('\r\n')
}

/** The verdict sentence of a verification. */
export function verdict(v: AuditVerificationView): string {
  if (v.break)
    return `BROKEN at entry ${v.break.seq ?? '(no number)'}, field ${v.break.field}: ${v.break.message}`
  const differences = v.mismatches.length
  return (
    `${v.entries} entries, chain intact` +
    (v.head ? ` (last entry ${v.head.seq}, hash ${v.head.hash})` : '') +
    `; ${v.importsChecked} import${v.importsChecked === 1 ? '' : 's'} and ${v.closesChecked} close${v.closesChecked === 1 ? '' : 's'} or reopen${v.closesChecked === 1 ? '' : 's'} checked against what is stored: ` +
    (differences === 0 ? 'all match.' : `${differences} difference${differences === 1 ? '' : 's'}.`)
  )
}

/** The filtered log as a PDF: the verification first, then every entry, oldest first. */
export async function entriesPdf(
  workspaceName: string,
  entries: readonly AuditEntry[],
  verification: AuditVerificationView,
  filter: AuditFilterRequest,
  now: Date,
): Promise<Uint8Array> {
  const doc = createPdf(findReportFonts(), {
    title: `Audit trail of ${workspaceName}`,
    subject: 'Focal audit log',
    author: 'Focal',
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })
  style(doc, 'bold', 18).text(`Audit trail of ${workspaceName}`)
  note(
    doc,
    `Exported ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC. ${describeFilter(filter)} ` +
      'Each entry carries the hash of the one before it; focal audit verify recomputes them.',
  )
  sectionHeading(doc, 'Verification')
  style(doc, 'regular', 9.5, verification.ok ? COLOR.good : COLOR.bad).text(verdict(verification))
  for (const m of verification.mismatches)
    style(doc, 'regular', 8.5, COLOR.bad).text(
      `${m.what}${m.seq === null ? '' : ` (entry ${m.seq})`}: ${m.field} logged ${m.expected}, stored ${m.found}`,
    )
  if (verification.chainStart)
    note(
      doc,
      `Entries 1–${verification.chainStart.through} were logged before the chain existed and chained at the upgrade of ${verification.chainStart.at}: they are proven unchanged only since then.`,
    )
  doc.moveDown(0.5)
  sectionHeading(doc, `Entries (${entries.length})`)
  drawTable(
    doc,
    [
      { header: '#', weight: 0.5, align: 'right' },
      { header: 'Logged at (UTC)', weight: 2.6 },
      { header: 'User', weight: 0.9 },
      { header: 'Action', weight: 2.4 },
      { header: 'Subject and details', weight: 5.1, cut: 'middle' },
    ],
    [...entries].reverse().map((e) => ({
      cells: [
        e.seq === null ? '' : String(e.seq),
        e.loggedAt.slice(0, 19).replace('T', ' '),
        e.actor,
        e.action,
        { text: e.subject ?? '', sub: detailsText(e) },
      ],
    })),
  )
  drawFooters(doc, `Focal · audit trail of ${workspaceName}`)
  doc.end()
  await ended
  return new Uint8Array(Buffer.concat(chunks))
}

function describeFilter(filter: AuditFilterRequest): string {
  const parts = [
    filter.from ? `from ${filter.from}` : null,
    filter.to ? `to ${filter.to}` : null,
    filter.kind ? `action ${filter.kind}` : null,
    filter.text ? `containing "${filter.text}"` : null,
  ].filter(Boolean)
  return parts.length === 0 ? 'Every entry.' : `Entries ${parts.join(', ')}.`
}
