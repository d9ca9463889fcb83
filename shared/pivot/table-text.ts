/**
 * The pivot table as a person reads it (issue 9, Pivot): the grid of header and cell texts the
 * screen shows, so a copied selection, the CSV and the XLSX hold exactly what is on the screen
 * (row labels with "(Other)", "(none)", "Subtotal" and "Total"; amounts in their row's currency;
 * the totals across the column axis). Every row is shown expanded. Pure: the screen, the core's
 * export and the tests read the same grid.
 */
import { sumDecimals } from '../money'
import { formatAmount } from '../report/format'
import { NONE_LABEL, OTHER_LABEL, type PivotSpec } from './index'
import type { PivotTable, TableRow } from './table'
import type { MeasureKind } from './table-measures'

/** A row label and whether it is data (a real value) or a marker (fold, none, subtotal, total). */
export interface RowLabel {
  readonly text: string
  readonly marker: boolean
}

/** What a grid column holds: a row label, a cell (column key × measure) or a total across. */
export interface GridColumn {
  readonly header: string
  readonly role: 'label' | 'cell' | 'total'
  /** The measure of a cell or total column; -1 for a label column. */
  readonly measure: number
  readonly kind: MeasureKind | 'label'
}

/** One cell of the grid: its text as shown, its exact decimal (figures) and its currency. */
export interface GridCell {
  readonly text: string
  readonly value: string | null
  readonly currency: string | null
}

/**
 * The whole grid: columns in screen order and each cell on demand, so a screen of 100k rows
 * formats only the cells in view (gridRows writes them all, for an export).
 */
export interface PivotGrid {
  readonly columns: readonly GridColumn[]
  readonly rowCount: number
  readonly kinds: ReadonlyArray<TableRow['kind']>
  cell(row: number, column: number): GridCell
}

/** How an empty figure reads: a dash, not a zero, since no row fed it. */
export const EMPTY_FIGURE = '—'

/** The label of key `at` of `row`: "(Other)", "(none)", "Subtotal" and "Total" are markers. */
export function rowLabel(spec: PivotSpec, row: TableRow, at: number): RowLabel {
  const timeRow = spec.timeGrain !== 'none' && spec.columns?.kind !== 'time'
  const level = at - (timeRow ? 1 : 0)
  const isDimension = level >= 0 && level < spec.rows.length
  if (isDimension && row.kind === 'total') return { text: level === 0 ? 'Total' : '', marker: true }
  if (isDimension && row.kind === 'subtotal' && level === 1)
    return { text: 'Subtotal', marker: true }
  if (isDimension && level === 0 && row.folded) return { text: OTHER_LABEL, marker: true }
  if (isDimension && level === 1 && row.innerFolded) return { text: OTHER_LABEL, marker: true }
  if (isDimension && level === 1 && row.folded) return { text: '', marker: true }
  const value = row.keys[at] ?? null
  if (value === null) return { text: NONE_LABEL, marker: true }
  // A real value that reads like a marker is quoted, so the two never look alike.
  return {
    text: value === OTHER_LABEL || value === NONE_LABEL ? `"${value}"` : value,
    marker: false,
  }
}

/** Measures whose cells add up across the column axis (so a row total means something). */
export function additiveMeasures(table: Pick<PivotTable, 'measures'>): boolean[] {
  return table.measures.map(
    (m) => m.kind !== 'ratio' && !m.label.startsWith('UnitCost') && !m.label.startsWith('Change'),
  )
}

/** The exact total across the column axis of measure `measure` in `row`; null when all are empty. */
export function rowTotal(
  table: Pick<PivotTable, 'measures'>,
  row: TableRow,
  measure: number,
): string | null {
  const n = table.measures.length
  const values = row.cells.filter((v, i): v is string => v !== null && i % n === measure)
  return values.length ? sumDecimals(values) : null
}

/** A ratio as a percentage with two decimals ("12.34 %"), from its exact decimal text. */
export function formatRatio(value: string): string {
  const percent = Number(value) * 100
  return `${percent.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`
}

/** A figure as the screen shows it: money in its currency, counts and quantities grouped. */
export function figureText(kind: MeasureKind, value: string | null, currency: string): string {
  if (value === null) return EMPTY_FIGURE
  if (kind === 'money') return formatAmount(value, currency)
  if (kind === 'ratio') return formatRatio(value)
  // Intl reads a decimal string exactly (no detour through a double).
  const digits = kind === 'count' ? 0 : 6
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(
    value as unknown as number,
  )
}

/** The header of a row-label column: BillingCurrency reads "Currency". */
export function labelHeader(name: string): string {
  return name === 'BillingCurrency' ? 'Currency' : name
}

/** The grid of `table` as the screen lays it out, every row expanded. */
export function pivotGrid(spec: PivotSpec, table: PivotTable): PivotGrid {
  const n = table.measures.length
  const across = table.columnKeys.length > 0
  const additive = additiveMeasures(table)
  const totals = across ? table.measures.flatMap((_, i) => (additive[i] ? [i] : [])) : []
  const columns: GridColumn[] = [
    ...table.rowHeaders.map((name) => ({
      header: labelHeader(name),
      role: 'label' as const,
      measure: -1,
      kind: 'label' as const,
    })),
    ...table.cellHeaders.map((header, i) => ({
      header,
      role: 'cell' as const,
      measure: i % n,
      kind: table.measures[i % n]!.kind,
    })),
    ...totals.map((m) => ({
      header: `Total ${table.measures[m]!.label}`,
      role: 'total' as const,
      measure: m,
      kind: table.measures[m]!.kind,
    })),
  ]
  const labels = table.rowHeaders.length
  const cells = table.cellHeaders.length
  const cell = (at: number, column: number): GridCell => {
    const row = table.rows[at]!
    if (column < labels)
      return { text: rowLabel(spec, row, column).text, value: null, currency: null }
    const currency = table.currencyIndex >= 0 ? (row.keys[table.currencyIndex] ?? null) : null
    const { kind, measure } = columns[column]!
    const value =
      column < labels + cells ? (row.cells[column - labels] ?? null) : rowTotal(table, row, measure)
    // Past the labels every column holds a measure's figures.
    const figureKind = kind as MeasureKind
    return {
      text: figureText(figureKind, value, currency ?? ''),
      value,
      currency: figureKind === 'money' ? currency : null,
    }
  }
  return { columns, rowCount: table.rows.length, kinds: table.rows.map((r) => r.kind), cell }
}

/** Every cell of the grid, row by row. */
export function gridRows(grid: PivotGrid): GridCell[][] {
  return Array.from({ length: grid.rowCount }, (_, row) =>
    grid.columns.map((_, column) => grid.cell(row, column)),
  )
}

/** A rectangle of the grid; row -1 is the header row. Bounds are inclusive, in any order. */
export interface GridRange {
  readonly rows: readonly [number, number]
  readonly columns: readonly [number, number]
}

/** Tab-separated text of `range` as shown (a tab or line break inside a text becomes a space). */
export function gridTsv(grid: PivotGrid, range: GridRange): string {
  const [r0, r1] = [Math.min(...range.rows), Math.max(...range.rows)]
  const [c0, c1] = [Math.min(...range.columns), Math.max(...range.columns)]
  const clean = (s: string): string => s.replace(/[\t\r\n]+/g, ' ')
  const lines: string[] = []
  for (let r = Math.max(-1, r0); r <= Math.min(grid.rowCount - 1, r1); r++) {
    const texts: string[] = []
    for (let c = Math.max(0, c0); c <= Math.min(grid.columns.length - 1, c1); c++)
      texts.push(clean(r < 0 ? grid.columns[c]!.header : grid.cell(r, c).text))
    lines.push(texts.join('\t'))
  }
  // Spreadsheets paste a trailing line break as an empty row; the last line has none.
  return lines.join('\n')
}

/** The whole grid, headers included. */
export function wholeGrid(grid: PivotGrid): GridRange {
  return { rows: [-1, grid.rowCount - 1], columns: [0, grid.columns.length - 1] }
}
