/** The backlog as CSV (`focal backlog list --csv`, the Backlog tab's Export CSV): one row per item, by priority. */
import type { BacklogItem } from '../../../shared/contract/backlog'
import { csvField } from '../report/csv'

const HEADER = [
  'Priority',
  'Id',
  'Title',
  'Owner',
  'Status',
  'ExpectedMonthlySavings',
  'Currency',
  'Effort',
  'Risk',
  'DueDate',
  'ChangeDate',
  'Scope',
  'Source',
  'Notes',
  'CreatedAt',
  'CreatedBy',
  'UpdatedAt',
  'UpdatedBy',
]

// Amounts and numbers are written as they are; every text field is guarded against formulas.
const NUMERIC = new Set([0, 1, 5, 7])

/** The CSV text of `items` (already in priority order), CRLF per RFC 4180. */
export function backlogCsv(items: readonly BacklogItem[]): string {
  const line = (cells: Array<string | number | null>): string =>
    cells.map((c, i) => csvField(c, !NUMERIC.has(i))).join(',')
  const rows = items.map((i) => [
    i.priority,
    i.id,
    i.title,
    i.owner,
    i.status,
    i.expectedMonthlySavings,
    i.currency,
    i.effort,
    i.risk,
    i.dueDate,
    i.changeDate,
    JSON.stringify(i.scope),
    i.source,
    i.notes,
    i.createdAt,
    i.createdBy,
    i.updatedAt,
    i.updatedBy,
  ])
  return [line(HEADER), ...rows.map(line)].join('\r\n') + '\r\n'
}
