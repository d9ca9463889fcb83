/**
 * The workbook's Detail sheet: every line of the period, streamed from DuckDB
 * row by row. When the period has more lines than an Excel sheet holds, the
 * sheet says so and names the CSV/Parquet files that hold the full detail —
 * it is never cut silently.
 */
import type ExcelJS from 'exceljs'
import { normalizeDecimal } from '../../../shared/money'
import type { Workspace } from '../workspace/workspace'
import { DETAIL_HEADERS, EXCEL_MAX_ROWS, streamDetail } from './detail'
import type { WorkbookInput } from './xlsx'
import { PlainRows } from './xlsx-rows'
import { EXACT_FORMAT, addRow, addSheet, columnStyles } from './xlsx-style'

/** Writes the Detail sheet (or the note that replaces it). */
export async function detailSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: Workspace,
  input: WorkbookInput,
): Promise<void> {
  const limit = Math.min(input.detailLimit ?? EXCEL_MAX_ROWS - 1, EXCEL_MAX_ROWS - 1)
  if (input.model.detailLines > limit) {
    const sheet = addSheet(wb, 'Detail', [{ header: 'Detail', width: 120 }])
    addRow(sheet, [
      `The period has ${input.model.detailLines.toLocaleString('en-US')} lines, more than this workbook holds ` +
        `(Excel's limit is ${EXCEL_MAX_ROWS.toLocaleString('en-US')} rows per sheet). ` +
        `The full detail is in ${input.fullDetail.join(' and ')}.`,
    ])
    sheet.commit()
    return
  }
  const files = new Map(input.model.imports.map((i) => [i.id, i.fileName]))
  const widths = [26, 14, 12, 12, 20, 12, 30, 40, 28, 22, 9, 18, 8, 28, 10]
  const sheet = addSheet(
    wb,
    'Detail',
    DETAIL_HEADERS.map((header, i) => ({ header, width: widths[i] ?? 12 })),
  )
  const styles = columnStyles(DETAIL_HEADERS.length, { 5: 'yyyy-mm-dd hh:mm', 12: EXACT_FORMAT })
  // Below the header (row 1), rows go straight into the sheet's XML (xlsx-rows.ts).
  const rows = new PlainRows(wb, sheet, styles, 2)
  let done = 0
  input.onDetailRows?.(done)
  // The lines stream from the writer connection (they are its temp table); a statement from another
  // job on that connection mid-stream ends the stream early without an error, so the whole sheet is
  // written in one writer turn.
  await ws.exclusive(async () => {
    for await (const chunk of streamDetail(ws, input.linesTable)) {
      for (const l of chunk) {
        const start = l.chargePeriodStart
          ? new Date(`${l.chargePeriodStart.replace(' ', 'T')}Z`)
          : null
        rows.add([
          l.target,
          l.pool,
          l.method,
          l.rule,
          start,
          l.chargeCategory,
          l.serviceName,
          l.resourceId,
          l.resourceName,
          l.subAccountName,
          l.currency,
          normalizeDecimal(l.amount),
          l.importId,
          l.importId === null ? null : (files.get(l.importId) ?? null),
          l.sourceRow,
        ])
      }
      rows.flush()
      done += chunk.length
      input.onDetailRows?.(done)
    }
  })
  sheet.commit()
  input.onDetailRows?.(done)
}
