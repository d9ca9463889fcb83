/**
 * Prints a pivot table (shared/pivot/table.ts) as `focal pivot` and `focal view run` do: a
 * readable table with currency-formatted amounts, CSV, or JSON with exact decimal strings.
 * One function for both, so a saved view prints what the pivot printed.
 */
import { formatMoney, fromScaled, toScaled } from '../../shared/money'
import { NONE_LABEL, OTHER_LABEL } from '../../shared/pivot'
import type { PivotTable, TableRow } from '../../shared/pivot/table'
import { csvField } from '../core/report/csv'
import { textTable } from './format'

/** How a pivot prints. */
export type PivotOutput = 'text' | 'csv' | 'json'

const KIND_NAMES: Record<TableRow['kind'], string> = {
  detail: 'row',
  other: 'other',
  subtotal: 'subtotal',
  total: 'total',
}

/** The whole output of a pivot, ending with a newline. */
export function printPivotTable(table: PivotTable, output: PivotOutput): string {
  if (output === 'json') {
    return `${JSON.stringify(
      {
        dateBasis: table.dateBasis,
        rowHeaders: table.rowHeaders,
        columnKeys: table.columnKeys,
        measures: table.measures,
        cellHeaders: table.cellHeaders,
        rows: table.rows.map((r) => ({
          kind: KIND_NAMES[r.kind],
          // Which group-by the row folds: 0 (the first), 1 (the second) or null.
          folds: r.folded ? 0 : r.innerFolded ? 1 : null,
          keys: r.keys,
          cells: r.cells,
        })),
      },
      null,
      2,
    )}\n`
  }
  if (output === 'csv') {
    // Values are text (guarded against spreadsheet formulas); cells are exact numbers.
    const keys = 1 + table.rowHeaders.length
    const line = (cells: ReadonlyArray<string | null>): string =>
      cells.map((c, i) => csvField(c, i < keys)).join(',')
    const lines = [
      line(['Kind', ...table.rowHeaders, ...table.cellHeaders]),
      ...table.rows.map((r) => line([KIND_NAMES[r.kind], ...r.keys, ...r.cells])),
    ]
    return `${lines.join('\r\n')}\r\n`
  }
  const basis = table.dateBasis === 'billing' ? 'billing period' : 'charge period'
  const rows = table.rows.map((r) => [
    ...keyLabels(table, r),
    ...r.cells.map((v, i) => formatCell(table, r, i, v)),
  ])
  const right = new Set(table.cellHeaders.map((_, i) => table.rowHeaders.length + i))
  return `${textTable([...table.rowHeaders, ...table.cellHeaders], rows, right)}\nDates by ${basis} start (UTC).\n`
}

/** The row's labels: (none) for a missing value, (Other) for the fold, Subtotal and Total. */
function keyLabels(table: PivotTable, row: TableRow): string[] {
  const dimensions = table.rowHeaders.length - unitCount(table)
  return row.keys.map((k, i) => {
    if (i >= dimensions) return k ?? NONE_LABEL
    if (row.kind === 'total' && k === null)
      return i === 0 || row.keys[i - 1] !== null ? 'Total' : ''
    // The fold holds no second-level values of its own: (Other), then blank or Subtotal.
    if (row.folded && i === 0) return OTHER_LABEL
    if (row.innerFolded && i === 1) return OTHER_LABEL
    if (row.kind === 'subtotal' && k === null) return 'Subtotal'
    if (row.folded) return ''
    return k ?? NONE_LABEL
  })
}

function unitCount(table: PivotTable): number {
  const at = table.currencyIndex
  return at < 0 ? 0 : table.rowHeaders.length - at
}

/** A cell for people: money in the row's currency, quantities, counts, ratios as %. */
function formatCell(table: PivotTable, row: TableRow, index: number, value: string | null): string {
  if (value === null) return ''
  const measure = table.measures[index % table.measures.length]!
  const currency = row.keys[table.currencyIndex] ?? null
  switch (measure.kind) {
    case 'money':
      // A unit price is often a fraction of a cent: up to 6 decimals, as price lists show it.
      return currency
        ? formatMoney(value, currency, {
            maximumFractionDigits: measure.label.startsWith('UnitCost') ? 6 : 2,
          })
        : value
    case 'ratio':
      return `${decimal(fromScaled(toScaled(value) * 100n), 2)}%`
    case 'count':
      return decimal(value, 0)
    default:
      return decimal(value, 6, 0)
  }
}

/** Grouped digits, rounded half-expand on the exact decimal string (never through a double). */
function decimal(value: string, max: number, min = max): string {
  const format = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    roundingMode: 'halfExpand',
  } as Intl.NumberFormatOptions)
  return format.format(value as unknown as number)
}
