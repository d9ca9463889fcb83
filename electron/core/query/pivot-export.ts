/**
 * The pivot table exported as shown (issue 9, Pivot): the grid of shared/pivot/table-text.ts
 * under a header block that says what the figures are (workspace, filters, dates, date basis,
 * measures, currencies, when). Every row is expanded. The CSV holds each figure's exact
 * decimal text; the XLSX holds amounts at their currency's minor unit as numbers with a
 * currency format (as the screen rounds them), so a spreadsheet can sum them to the cent.
 */
import ExcelJS from 'exceljs'
import { currencyDecimals, roundDecimal } from '../../../shared/report'
import { dimensionLabel, NONE_LABEL, type PivotSpec } from '../../../shared/pivot'
import type { PivotTable } from '../../../shared/pivot/table'
import { gridRows, pivotGrid, type PivotGrid } from '../../../shared/pivot/table-text'
import { csvField } from '../report/csv'
import { slugify } from '../report/file-names'
import { COUNT_FORMAT, moneyFormat } from '../report/xlsx-style'
import { maskedNotice } from '../presentation/presentation-mode'
import type { Workspace } from '../workspace/workspace'
import { runPivotTable } from './pivot'

/** The export formats of a pivot. */
export type PivotExportFormat = 'csv' | 'xlsx'

/** Media type of each format, for the download. */
export const PIVOT_EXPORT_TYPES: Record<PivotExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** An exported pivot: a file name (no folder) and its bytes. */
export interface PivotExportFile {
  readonly fileName: string
  readonly bytes: Uint8Array
}

/** One line of the header block: a label and its text. */
export type HeaderLine = readonly [string, string]

const values = (list: ReadonlyArray<string | null>): string =>
  list.map((v) => v ?? NONE_LABEL).join(', ')

/** The filters and conditions of `spec` in words; "None" when it has none. */
export function filtersText(spec: PivotSpec): string {
  const parts = [
    ...spec.filters.map(
      (f) =>
        `${dimensionLabel(f.dimension)} ${f.op === 'in' ? 'is' : 'is not'} ${values(f.values)}`,
    ),
    ...(spec.conditions ?? []).map((c) => {
      switch (c.op) {
        case 'contains':
          return `${dimensionLabel(c.dimension)} contains "${c.text}"`
        case 'startsWith':
          return `${dimensionLabel(c.dimension)} starts with "${c.text}"`
        case 'range':
          return `${c.column} from ${c.min ?? 'any'} to ${c.max ?? 'any'}`
        case 'dates':
          return `${c.column} from ${c.start ?? 'any'} to before ${c.end ?? 'any'}`
        case 'tagPresent':
          return `tag ${c.key} present`
        case 'tagMissing':
          return `tag ${c.key} missing`
      }
    }),
    ...(spec.topN && spec.rows[0]
      ? [`top ${spec.topN} ${dimensionLabel(spec.rows[0])}, the rest as (Other)`]
      : []),
  ]
  return parts.length ? parts.join('; ') : 'None'
}

/** The header block of an export of `table` from workspace `workspace`. */
export function exportHeader(
  workspace: string,
  spec: PivotSpec,
  table: PivotTable,
  exportedAt: Date,
): HeaderLine[] {
  const range = spec.dateRange
  // As the screen's range reads: From, and Until (exclusive).
  const bounds = [
    ...(range?.start ? [`From ${range.start}`] : []),
    ...(range?.end ? [`until ${range.end} (exclusive)`] : []),
  ]
  const dates = bounds.length ? bounds.join(' ').replace(/^until/, 'Until') : 'All dates'
  const basis =
    table.dateBasis === 'billing'
      ? 'Billing period (BillingPeriodStart, UTC)'
      : 'Charge period (ChargePeriodStart, UTC)'
  const rows = spec.rows.map(dimensionLabel).join(', ')
  const across = spec.columns
    ? spec.columns.kind === 'time'
      ? `${spec.timeGrain} buckets`
      : dimensionLabel(spec.columns)
    : 'none'
  return [
    ['Workspace', workspace],
    ['Rows', rows || 'none'],
    ['Columns across', across],
    ['Filters', filtersText(spec)],
    ['Date range', dates],
    ['Date basis', basis],
    ['Measures', table.measures.map((m) => m.label).join(', ')],
    [
      'Currency',
      "Amounts are in their row's BillingCurrency; different currencies never share a total.",
    ],
    [
      'Layout',
      'Every row expanded: subtotals, (Other) and the total per currency as on the screen.',
    ],
    ['Exported at', exportedAt.toISOString()],
  ]
}

/** The CSV: the header block, an empty line, then the grid (labels as shown, figures exact). */
export function pivotCsv(header: readonly HeaderLine[], grid: PivotGrid): string {
  const line = (cells: Array<{ value: string | null; text: boolean }>): string =>
    cells.map((c) => csvField(c.value, c.text)).join(',')
  const lines = [
    ...header.map(([label, text]) =>
      line([
        { value: label, text: true },
        { value: text, text: true },
      ]),
    ),
    '',
    line(grid.columns.map((c) => ({ value: c.header, text: true }))),
    ...gridRows(grid).map((cells) =>
      line(
        cells.map((cell, i) =>
          grid.columns[i]!.role === 'label'
            ? { value: cell.text, text: true }
            : { value: cell.value, text: false },
        ),
      ),
    ),
  ]
  return `${lines.join('\r\n')}\r\n`
}

/** Excel number format of a figure column's kind (money takes its row's currency). */
function figureFormat(kind: string, currency: string | null): string | undefined {
  if (kind === 'money') return currency ? moneyFormat(currency) : '#,##0.00'
  if (kind === 'ratio') return '0.00%'
  if (kind === 'count') return COUNT_FORMAT
  return undefined
}

/** The XLSX: one sheet, the header block, then the grid with its headers and labels frozen. */
export async function pivotXlsx(
  header: readonly HeaderLine[],
  grid: PivotGrid,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const labels = grid.columns.filter((c) => c.role === 'label').length
  const headerRow = header.length + 2
  const sheet = workbook.addWorksheet('Pivot', {
    views: [{ state: 'frozen', xSplit: labels, ySplit: headerRow }],
  })
  for (const [label, text] of header) {
    const row = sheet.addRow([label, text])
    row.getCell(1).font = { bold: true }
  }
  sheet.addRow([])
  const titles = sheet.addRow(grid.columns.map((c) => c.header))
  titles.font = { bold: true }
  titles.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F4F7' } }
  gridRows(grid).forEach((cells, r) => {
    const row = sheet.addRow(
      cells.map((cell, i) => {
        const column = grid.columns[i]!
        if (column.role === 'label') return cell.text
        if (cell.value === null) return null
        // Amounts as the screen rounds them: the currency's minor unit, a number Excel sums.
        if (column.kind === 'money')
          return Number(roundDecimal(cell.value, currencyDecimals(cell.currency ?? '')))
        return Number(cell.value)
      }),
    )
    cells.forEach((cell, i) => {
      const format = figureFormat(grid.columns[i]!.kind, cell.currency)
      if (format) row.getCell(i + 1).numFmt = format
    })
    const kind = grid.kinds[r]
    if (kind === 'subtotal' || kind === 'total') row.font = { bold: true }
  })
  sheet.columns.forEach((column, i) => {
    column.width = grid.columns[i]?.role === 'label' ? 28 : 18
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The file name of an export: the workspace's slug, the date, the format's extension. */
export function exportFileName(workspace: string, format: PivotExportFormat, at: Date): string {
  return `pivot-${slugify(workspace, 60)}-${at.toISOString().slice(0, 10)}.${format}`
}

/**
 * Runs the pivot of `spec` through the table compiler and writes it as `format`; `workspace` is
 * the name people know it by (the screen calls a scratch sample "Sample data").
 */
export async function exportPivot(
  ws: Workspace,
  spec: PivotSpec,
  format: PivotExportFormat,
  exportedAt = new Date(),
  workspace = ws.name,
): Promise<PivotExportFile> {
  const table = await runPivotTable(ws, spec)
  const header = exportHeader(workspace, spec, table, exportedAt)
  // Presentation mode is stated first, so no reader takes an alias for an account.
  const notice = maskedNotice(ws)
  if (notice) header.unshift(['Masked', notice])
  const grid = pivotGrid(spec, table)
  const bytes =
    format === 'csv'
      ? new TextEncoder().encode(pivotCsv(header, grid))
      : await pivotXlsx(header, grid)
  return { fileName: exportFileName(workspace, format, exportedAt), bytes }
}
