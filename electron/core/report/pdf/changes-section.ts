/**
 * "Changes since close" on a reopened month's summary PDF, where the
 * controller looks first: when the month was closed and reopened and why,
 * then every cost center whose figure moved (closed, now, change) and the
 * change per currency, exactly as the changes CSV and the manifest state them.
 */
import { decimalsEqual } from '../../../../shared/money'
import { formatExact } from '../../../../shared/report'
import type { ChangesSinceClose } from '../../close/changes-since-close'
import { note, sectionHeading, type Pdf } from './document'
import { drawTable, type TableColumn, type TableRow } from './table'

const when = (at: string): string => `${at.slice(0, 16).replace('T', ' ')} UTC`

/** Draws the section at the flow cursor. */
export function drawChangesSinceClose(doc: Pdf, changes: ChangesSinceClose): void {
  sectionHeading(doc, 'Changes since close', 120)
  note(
    doc,
    `${changes.period} was closed on ${when(changes.closedAt)} by ${changes.closedBy} (“${changes.closeNote}”) ` +
      `and reopened on ${when(changes.reopenedAt)} (“${changes.reopenNote}”). ` +
      'The figures below compare this pack with the ones the close recorded.',
  )
  if (!changes.comparable) {
    note(doc, `Not compared cost center by cost center: ${changes.reason ?? ''}`)
    return
  }
  const moved = changes.lines.filter((l) => !decimalsEqual(l.delta, '0'))
  if (moved.length === 0)
    note(doc, 'No cost center changed: every figure is the one the close recorded.')
  doc.moveDown(0.4)
  const columns: TableColumn[] = [
    { header: 'Cost center', weight: 4 },
    { header: 'At close', weight: 2.2, align: 'right' },
    { header: 'Now', weight: 2.2, align: 'right' },
    { header: 'Change', weight: 2.2, align: 'right' },
  ]
  const row = (
    label: string,
    l: ChangesSinceClose['totals'][number],
    strong = false,
  ): TableRow => ({
    cells: [
      label,
      formatExact(l.closed, l.currency),
      formatExact(l.now, l.currency),
      formatExact(l.delta, l.currency),
    ],
    strong,
  })
  drawTable(doc, columns, [
    ...moved.map((l) => row(l.target, l)),
    ...changes.totals.map((t) => row(`Total ${t.currency}`, t, true)),
  ])
}
