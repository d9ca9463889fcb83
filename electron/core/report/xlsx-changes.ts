/**
 * The workbook's "Changes since close" sheet for a reopened month: the close
 * and the reopen (when, who, why), then every cost center and currency with
 * its figure at close, now, and the change, exact decimal text as in the
 * Summary's exact column, and the total per currency — the figures of the
 * changes CSV, the summary PDF and the manifest.
 */
import type ExcelJS from 'exceljs'
import type { ChangesSinceClose } from '../close/changes-since-close'
import { addRow, addSheet, EXACT_FORMAT } from './xlsx-style'

/** The sheet's name, for readers of the workbook. */
export const CHANGES_SHEET = 'Changes since close'

/** Adds the sheet. */
export function changesSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  changes: ChangesSinceClose,
): void {
  const sheet = addSheet(wb, CHANGES_SHEET, [
    { header: 'Cost center', width: 32 },
    { header: 'Currency', width: 10 },
    { header: 'At close', width: 22 },
    { header: 'Now', width: 22 },
    { header: 'Change', width: 22 },
  ])
  const exact = { 3: EXACT_FORMAT, 4: EXACT_FORMAT, 5: EXACT_FORMAT }
  for (const l of changes.lines)
    addRow(sheet, [l.target, l.currency, l.closed, l.now, l.delta], exact)
  for (const t of changes.totals)
    addRow(sheet, [`Total (${t.currency})`, t.currency, t.closed, t.now, t.delta], exact, true)
  addRow(sheet, [])
  addRow(sheet, ['Closed', `${changes.closedAt} by ${changes.closedBy}`, changes.closeNote])
  addRow(sheet, ['Reopened', changes.reopenedAt, changes.reopenNote])
  if (!changes.comparable) addRow(sheet, ['Not compared', changes.reason])
  sheet.commit()
}
