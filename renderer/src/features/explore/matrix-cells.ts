/**
 * How the pivot table's cells and row labels read (issue 9): amounts in their row's currency,
 * counts and quantities with grouped digits, ratios as percentages, and the fold, a missing
 * value, subtotals and the grand total told apart from real values. Pure, no React.
 */
import type { PivotTableData } from '../../../../shared/contract'
import { sumDecimals } from '../../../../shared/money'
import { NONE_LABEL, OTHER_LABEL, type PivotSpec } from '../../../../shared/pivot'

type Row = PivotTableData['rows'][number]

/** A row label and whether it is data (a real value) or a marker (fold, none, subtotal, total). */
export interface RowLabel {
  readonly text: string
  readonly marker: boolean
}

/** The label of key `at` of `row`: "(Other)", "(none)", "Subtotal" and "Total" are markers. */
export function rowLabel(spec: PivotSpec, row: Row, at: number): RowLabel {
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
export function additiveMeasures(table: PivotTableData): boolean[] {
  return table.measures.map(
    (m) => m.kind !== 'ratio' && !m.label.startsWith('UnitCost') && !m.label.startsWith('Change'),
  )
}

/** The exact total across the column axis of measure `measure` in `row`; null when all are empty. */
export function rowTotal(table: PivotTableData, row: Row, measure: number): string | null {
  const n = table.measures.length
  const values = row.cells.filter((v, i): v is string => v !== null && i % n === measure)
  return values.length ? sumDecimals(values) : null
}

/** A ratio as a percentage with two decimals ("12.34 %"), from its exact decimal text. */
export function formatRatio(value: string): string {
  const percent = Number(value) * 100
  return `${percent.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`
}
