/**
 * core/report/xlsx-rows writes the Detail sheet's rows as XML itself. Its
 * output must be exactly what exceljs renders for the same values and column
 * styles (xlsx-style addStyledRow): the same sheet XML, byte for byte, for
 * text needing escapes or holding control characters, empty text, nulls in
 * plain and styled columns, whole and fractional numbers, and dates.
 */
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { PlainRows, type PlainValue } from '../../../electron/core/report/xlsx-rows'
import {
  EXACT_FORMAT,
  addSheet,
  addStyledRow,
  columnStyles,
} from '../../../electron/core/report/xlsx-style'
import { tempDir } from '../../helpers/paths'
import { readZipEntries } from '../../helpers/zip-reader'

const COLUMNS = ['Name', 'Start', 'Amount', 'Count', 'Note'].map((header) => ({
  header,
  width: 12,
}))
const FORMATS = { 2: 'yyyy-mm-dd hh:mm', 3: EXACT_FORMAT }

const ROWS: PlainValue[][] = [
  ['Team <A> & "B"', new Date('2025-06-01T00:00:00Z'), '0.037392030166527699', 1, "it's"],
  ['', new Date('2025-06-30T23:59:59Z'), '-12.5', 6480, null],
  [null, null, '0', 0.1 + 0.2, 'tab\there\r\nline'],
  [
    'ctrl\u0001\u0008\u000b\u000c\u000e\u001f\u007fend',
    new Date(Date.UTC(2024, 1, 29, 13, 7, 1)),
    '1e-18',
    -3,
    'Zürich · 東京 🚀',
  ],
  ['x', new Date('1999-12-31T12:00:00Z'), null, null, '>'],
]

async function sheetXml(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<string> {
  const path = join(tempDir('focal-xlsx-rows-'), 'book.xlsx')
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  })
  write(wb)
  await wb.commit()
  const entries = await readZipEntries(path)
  const names = ['xl/worksheets/sheet1.xml', 'xl/styles.xml']
  return names
    .map((name) => entries.find((e) => e.name === name)?.bytes.toString('utf8') ?? `no ${name}`)
    .join('\n')
}

describe('PlainRows', () => {
  it('renders rows exactly as exceljs does', async () => {
    const viaExcelJs = await sheetXml((wb) => {
      const sheet = addSheet(wb, 'Detail', COLUMNS)
      const styles = columnStyles(COLUMNS.length, FORMATS)
      for (const row of ROWS) addStyledRow(sheet, row, styles)
      sheet.commit()
    })
    const plain = await sheetXml((wb) => {
      const sheet = addSheet(wb, 'Detail', COLUMNS)
      const rows = new PlainRows(wb, sheet, columnStyles(COLUMNS.length, FORMATS), 2)
      for (const row of ROWS.slice(0, 2)) rows.add(row)
      rows.flush()
      for (const row of ROWS.slice(2)) rows.add(row)
      rows.flush()
      sheet.commit()
    })
    expect(plain).toContain('&lt;A&gt; &amp; &quot;B&quot;')
    expect(plain).toBe(viaExcelJs)
  })
})
