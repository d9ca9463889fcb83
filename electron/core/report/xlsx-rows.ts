/**
 * Rows of a long streamed sheet (the pack's Detail, up to Excel's 1,048,575
 * lines) written as XML straight into the sheet's stream, byte for byte as
 * exceljs renders them: inline strings (t="str"), numbers and dates as
 * numbers, each column's style id, spans over all cells. exceljs builds a Row,
 * fifteen Cells and their models per row and renders them through a generic
 * XML writer; at a million rows that was most of the workbook's time.
 * tests/unit/report/xlsx-rows.test.ts renders the same rows both ways and
 * compares the XML, so an exceljs upgrade that renders differently fails there.
 */
import ExcelJS from 'exceljs'
import type { ColumnStyles, Sheet } from './xlsx-style'

/** A cell value of a plain row. */
export type PlainValue = string | number | Date | null

// The streaming writer's internals this file relies on (exceljs 4.4 stream/xlsx/*-writer.js).
interface SheetInternals {
  stream: { write(text: string): unknown }
}
interface WorkbookInternals {
  styles: { addStyleModel(style: object, cellType?: number): number }
}

const MS_PER_DAY = 24 * 3600 * 1000
// Excel's serial of 1970-01-01 (exceljs utils.dateToExcel, 1900 date system).
const EPOCH_SERIAL = 25569

// As exceljs utils.xmlEncode: the five entities, DEL and the C0 controls XML 1.0 cannot hold dropped.
const NEEDS_ESCAPE = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/
const ESCAPES = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g
const ENTITY: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
}

/** Text as exceljs escapes it in a cell. */
export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (c) => ENTITY[c] ?? '') : text
}

/** Column letters A, B, … Z, AA … of 1-based columns. */
function columnLetters(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    let n = i + 1
    let letters = ''
    while (n > 0) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
      n = Math.floor((n - 1) / 26)
    }
    return letters
  })
}

/** Writes plain rows after a sheet's committed header; `add` buffers, `flush` hands them to the sheet's stream. */
export class PlainRows {
  private readonly letters: string[]
  private readonly styleAttr: string[]
  private readonly parts: string[] = []
  private next: number

  constructor(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly sheet: Sheet,
    styles: ColumnStyles,
    firstRow: number,
  ) {
    this.letters = columnLetters(styles.length)
    const registry = (workbook as unknown as WorkbookInternals).styles
    // exceljs looks each shared style object up by identity; its id does not depend on the value's type.
    this.styleAttr = styles.map((style) => {
      const id = registry.addStyleModel(style, ExcelJS.ValueType.String)
      return id ? ` s="${id}"` : ''
    })
    this.next = firstRow
  }

  /** Adds one row: one value per column. */
  add(values: readonly PlainValue[]): void {
    const r = this.next++
    let xml = `<row r="${r}" spans="1:${values.length}" x14ac:dyDescent="0.25">`
    for (let i = 0; i < values.length; i++) {
      const v = values[i]
      const ref = `${this.letters[i]}${r}`
      const s = this.styleAttr[i] ?? ''
      if (v === null || v === undefined) {
        if (s) xml += `<c r="${ref}"${s}/>`
      } else if (typeof v === 'string') xml += `<c r="${ref}"${s} t="str"><v>${xmlText(v)}</v></c>`
      else if (typeof v === 'number') xml += `<c r="${ref}"${s}><v>${String(v)}</v></c>`
      else xml += `<c r="${ref}"${s}><v>${String(EPOCH_SERIAL + v.getTime() / MS_PER_DAY)}</v></c>`
    }
    this.parts.push(`${xml}</row>`)
  }

  /** Writes the buffered rows to the sheet. */
  flush(): void {
    if (this.parts.length === 0) return
    ;(this.sheet as unknown as SheetInternals).stream.write(this.parts.join(''))
    this.parts.length = 0
  }
}
