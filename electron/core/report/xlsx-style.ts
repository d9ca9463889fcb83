/**
 * How the pack's workbook looks: amounts at the currency's minor unit stay
 * numbers with a currency number format (so Excel can sum and pivot them),
 * exact amounts are text (EXACT_FORMAT), headers are bold and frozen.
 */
import type ExcelJS from 'exceljs'
import { currencyDecimals } from '../../../shared/report'

/** A streamed worksheet. */
export type Sheet = ExcelJS.Worksheet

/** A column of a sheet: header, width, and a number format for every cell below it. */
export interface SheetColumn {
  header: string
  width: number
  numFmt?: string
}

/**
 * Excel number format of a currency: its minor unit, the ISO code as text
 * ("USD 1,234.56"), minus sign before the code.
 */
export function moneyFormat(currency: string): string {
  const decimals = currencyDecimals(currency)
  const code = currency.replace(/[^A-Za-z0-9]/g, '')
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : ''
  const body = `#,##0${fraction}`
  return `"${code} "${body};"${code} "-${body}`
}

/** Percent with one decimal. */
export const PERCENT_FORMAT = '0.0%'

/** Whole numbers with grouping. */
export const COUNT_FORMAT = '#,##0'

/** Adds a worksheet whose first row is a bold, frozen header. */
export function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: SheetColumn[],
): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] })
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F4F7' } }
  header.commit()
  return sheet
}

/** A cell value as Excel takes it: exact decimal text becomes a number (display only; the CSV keeps it exact). */
export function num(value: string | null): number | null {
  return value === null ? null : Number(value)
}

/**
 * Number format of the exact-amount columns, which hold the exact decimal as
 * text: Excel keeps numbers as doubles, which would turn 10774.953379214472…
 * into a nearby binary fraction, and an auditor comparing the workbook with
 * the CSV must read the same digits (DESIGN.md, Settled details: Money).
 * Amounts at the currency's minor unit stay numbers that Excel can sum.
 */
export const EXACT_FORMAT = '@'

/** Adds a row and sets number formats on the given cells (1-based column → format). */
export function addRow(
  sheet: Sheet,
  values: Array<string | number | Date | null>,
  formats: Record<number, string> = {},
  bold = false,
): void {
  const row = sheet.addRow(values)
  for (const [column, format] of Object.entries(formats)) {
    const cell = row.getCell(Number(column))
    cell.numFmt = format
    // Exact amounts are text; they still line up with the figures beside them.
    if (format === EXACT_FORMAT) cell.alignment = { horizontal: 'right' }
  }
  if (bold) row.font = { bold: true }
  row.commit()
}

/** One cell style per column of a long sheet (Detail), each object shared by every cell below it. */
export type ColumnStyles = ReadonlyArray<Partial<ExcelJS.Style>>

/**
 * The styles of a long sheet's columns, 1-based column → number format as in
 * `addRow`. exceljs looks a cell's style up by object identity before it
 * serializes it, so a million rows that share one object per column skip
 * fifteen million style serializations (the Detail sheet's largest cost).
 */
export function columnStyles(count: number, formats: Record<number, string>): ColumnStyles {
  return Array.from({ length: count }, (_, i): Partial<ExcelJS.Style> => {
    const format = formats[i + 1]
    if (!format) return Object.freeze({})
    return Object.freeze(
      format === EXACT_FORMAT
        ? { numFmt: format, alignment: Object.freeze({ horizontal: 'right' as const }) }
        : { numFmt: format },
    )
  })
}

/** Adds a row whose cells take their column's shared style: the same cells as `addRow` with those formats. */
export function addStyledRow(
  sheet: Sheet,
  values: Array<string | number | Date | null>,
  styles: ColumnStyles,
): void {
  const row = sheet.addRow(values)
  for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i] as ExcelJS.Style
  row.commit()
}
