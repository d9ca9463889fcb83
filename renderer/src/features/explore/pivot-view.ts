/**
 * Reads a pivot result (Arrow table + meta) for the table and the chart:
 * which column plays which role, each cell as text, and exact totals per
 * currency or unit. Pure functions, no React.
 */
import type { Table } from 'apache-arrow'
import type { PivotMeta } from '../../../../shared/contract'
import { sumDecimals } from '../../../../shared/money'
import { NONE_LABEL, OTHER_LABEL, type PivotSpec } from '../../../../shared/pivot'

type Role = PivotMeta['columns'][number]['role']

/** A result column with its role and a reader for its cells. */
export interface ViewColumn {
  readonly name: string
  readonly role: Role
  /** The cell as text (null for SQL NULL). */
  readonly text: (row: number) => string | null
  /** The cell as a number (for the chart column). */
  readonly number: (row: number) => number | null
}

/** A pivot result ready to show. */
export interface PivotView {
  readonly rowCount: number
  readonly columns: readonly ViewColumn[]
  readonly time: ViewColumn | null
  readonly dimensions: readonly ViewColumn[]
  readonly unit: ViewColumn | null
  readonly value: ViewColumn | null
  readonly chart: ViewColumn | null
  readonly count: ViewColumn | null
  /** The flag (1) of the row folding everything outside the top N; absent without a top N. */
  readonly other: ViewColumn | null
}

/** Arrow cells arrive as strings, numbers, bigints (Int64) or Dates; the UI wants text. */
function cellText(cell: unknown): string | null {
  if (cell == null) return null
  if (cell instanceof Date) return cell.toISOString()
  return String(cell)
}

/** Builds the view of a result; meta.columns lists the Arrow columns in order, with their display names. */
export function pivotView(table: Table, meta: PivotMeta): PivotView {
  const columns: ViewColumn[] = meta.columns.map(({ name, role }, index) => {
    const vector = table.getChildAt(index)
    return {
      name,
      role,
      text: (row) => cellText(vector?.get(row)),
      number: (row) => {
        const cell: unknown = vector?.get(row)
        return cell == null ? null : Number(cell)
      },
    }
  })
  const first = (role: Role): ViewColumn | null =>
    columns.find((column) => column.role === role) ?? null
  return {
    rowCount: table.numRows,
    columns,
    time: first('time'),
    dimensions: columns.filter((column) => column.role === 'dimension'),
    unit: first('unit'),
    value: first('value'),
    chart: first('chart'),
    count: first('count'),
    other: first('other'),
  }
}

/** True for the row that folds the first group-by's values outside the top N. */
export function isFold(view: PivotView, row: number): boolean {
  return (view.other?.number(row) ?? 0) === 1
}

/**
 * A dimension cell as people read it, the same in the table and the chart: the fold reads
 * "(Other)", a missing value "(none)", and a real value that happens to read like one of those is
 * quoted, so the three never look alike.
 */
export function dimensionText(view: PivotView, index: number, row: number): string {
  if (index === 0 && isFold(view, row)) return OTHER_LABEL
  const text = view.dimensions[index]?.text(row) ?? null
  if (text === null) return NONE_LABEL
  return text === OTHER_LABEL || text === NONE_LABEL ? `"${text}"` : text
}

/** One total line: per currency for money, per unit for quantities, never across them. */
export interface UnitTotal {
  readonly unit: string
  readonly value: string | null
  readonly count: number | null
}

/** Exact totals of the value column (decimal strings summed as decimals) and the row counts, per unit. */
export function totalsByUnit(view: PivotView): UnitTotal[] {
  const values = new Map<string, string[]>()
  const counts = new Map<string, number>()
  for (let row = 0; row < view.rowCount; row += 1) {
    const unit = view.unit?.text(row) ?? ''
    const value = view.value?.text(row)
    if (!values.has(unit)) values.set(unit, [])
    if (value != null) values.get(unit)?.push(value)
    counts.set(unit, (counts.get(unit) ?? 0) + (view.count?.number(row) ?? 0))
  }
  return [...values.keys()].sort().map((unit) => ({
    unit,
    value: view.value ? sumDecimals(values.get(unit) ?? []) : null,
    count: view.count ? (counts.get(unit) ?? 0) : null,
  }))
}

/** The header of the time column: what one bucket of `grain` is. */
export function grainLabel(grain: PivotSpec['timeGrain']): string {
  return { none: '', day: 'Day', week: 'Week of', month: 'Month', quarter: 'Quarter' }[grain]
}

/** A time bucket for people: "Sep 2024" for a month grain, the ISO date for a day. */
export function formatTime(value: string | null, grain: PivotSpec['timeGrain']): string {
  if (value == null) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  if (grain === 'month')
    return date.toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })
  return date.toISOString().slice(0, 10)
}

/** How many different values a column has in the result (e.g. time buckets, to pick a chart). */
export function distinctValues(view: PivotView, column: ViewColumn | null): number {
  if (!column) return 0
  const seen = new Set<string | null>()
  for (let row = 0; row < view.rowCount; row += 1) seen.add(column.text(row))
  return seen.size
}
