/**
 * The drill-through request of a pivot table cell (issue 9): the pivot's date range, basis,
 * filters and conditions, the row's dimension values (a subtotal only its first, the grand total
 * none), its currency and units, and the cell's column: a time bucket or a value of the column
 * axis. A fold "(Other)" is every value outside the kept ones of its currency (first level) or
 * of its first-level row (second level), so a cell's rows sum exactly to its figure.
 */
import type { PivotTableData } from '../../../../shared/contract'
import type { RowsPageRequest } from '../../../../shared/contract/rows'
import type { Dimension, Filter, PivotSpec } from '../../../../shared/pivot'
import { firstRowsPage } from './rows-request'

type Row = PivotTableData['rows'][number]

/** Where the time bucket, the group-bys and the units sit in a row's keys (table.ts order). */
function layout(spec: PivotSpec, table: PivotTableData) {
  const timeRow = spec.timeGrain !== 'none' && spec.columns?.kind !== 'time'
  const first = timeRow ? 1 : 0
  const units = table.rowHeaders
    .map((name, at) => ({ name, at }))
    .filter(({ at }) => at >= first + spec.rows.length)
  return { timeAt: timeRow ? 0 : -1, first, units }
}

/**
 * The first page of the rows behind cell `cell` (an index into `table.cellHeaders`) of row `row`;
 * null for a cell without a column it can name.
 */
export function tableCellRowsRequest(
  spec: PivotSpec,
  table: PivotTableData,
  row: number,
  cell: number,
): RowsPageRequest | null {
  const target = table.rows[row]
  if (!target) return null
  const { timeAt, first, units } = layout(spec, table)
  const sameUnits = (other: Row): boolean =>
    units.every(({ at }) => other.keys[at] === target.keys[at])
  const filters: Filter[] = [...spec.filters]
  const keep = (dimension: Dimension, values: Array<string | null>, op: Filter['op']): void => {
    filters.push({ dimension, op, values })
  }
  const [d0, d1] = spec.rows
  if (d0 && target.kind !== 'total') {
    if (target.folded) {
      // Kept values are per currency (the top N ranks within each), over every time bucket.
      const kept = new Set<string | null>()
      for (const other of table.rows)
        if (!other.folded && other.kind !== 'total' && sameUnits(other))
          kept.add(other.keys[first] ?? null)
      keep(d0, [...kept], 'notIn')
    } else keep(d0, [target.keys[first] ?? null], 'in')
  }
  if (d1 && (target.kind === 'detail' || target.kind === 'other') && !target.folded) {
    if (target.innerFolded) {
      const kept = new Set<string | null>()
      for (const other of table.rows)
        if (
          other.kind === 'detail' &&
          !other.folded &&
          !other.innerFolded &&
          sameUnits(other) &&
          other.keys[first] === target.keys[first]
        )
          kept.add(other.keys[first + 1] ?? null)
      keep(d1, [...kept], 'notIn')
    } else keep(d1, [target.keys[first + 1] ?? null], 'in')
  }
  for (const { name, at } of units) keep({ kind: 'column', name }, [target.keys[at] ?? null], 'in')
  let bucket = timeAt >= 0 ? (target.keys[timeAt] ?? null) : null
  const axis = spec.columns ?? null
  if (axis) {
    const key = table.columnKeys[Math.floor(cell / Math.max(1, table.measures.length))]
    if (key === undefined) return null
    if (axis.kind === 'time') bucket = key
    else keep(axis.kind === 'column' ? { kind: 'column', name: axis.name } : axis, [key], 'in')
  }
  if (spec.timeGrain !== 'none' && bucket === null) return null
  return firstRowsPage(spec, filters, bucket)
}
