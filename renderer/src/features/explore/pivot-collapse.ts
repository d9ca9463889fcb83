/**
 * Expand/collapse of the pivot table's first-level rows (issue 9, "subtotals and grand total;
 * expand/collapse"): a collapsed group keeps only its subtotal, its detail and inner (Other)
 * rows hidden. Pure, so which rows show (and so what a copy holds) is tested apart from the screen.
 */
import type { PivotSpec } from '../../../../shared/pivot'
import type { PivotTable, TableRow } from '../../../../shared/pivot/table'

/** Where the second row dimension sits in a row's keys; -1 when the spec has fewer than two. */
function innerAt(spec: PivotSpec): number {
  if (spec.rows.length < 2) return -1
  const timeRow = spec.timeGrain !== 'none' && spec.columns?.kind !== 'time'
  return (timeRow ? 1 : 0) + 1
}

/**
 * The id of the first-level group `row` belongs to (its keys without the second dimension, so a
 * group's rows and its subtotal share it, per currency and time bucket); null for the grand
 * total and for tables with one row dimension, which have nothing to collapse.
 */
export function groupId(spec: PivotSpec, row: TableRow): string | null {
  const at = innerAt(spec)
  if (at < 0 || row.kind === 'total') return null
  return JSON.stringify([row.folded, ...row.keys.map((k, i) => (i === at ? null : k))])
}

/** The ids of every group that can collapse: one per subtotal row. */
export function collapsibleGroups(spec: PivotSpec, table: Pick<PivotTable, 'rows'>): string[] {
  return table.rows.flatMap((r) => {
    const id = r.kind === 'subtotal' ? groupId(spec, r) : null
    return id === null ? [] : [id]
  })
}

/** Indexes into `table.rows` of the rows shown when the groups in `collapsed` are collapsed. */
export function visibleRows(
  spec: PivotSpec,
  table: Pick<PivotTable, 'rows'>,
  collapsed: ReadonlySet<string>,
): number[] {
  return table.rows.flatMap((r, i) => {
    if (collapsed.size === 0 || (r.kind !== 'detail' && r.kind !== 'other')) return [i]
    const id = groupId(spec, r)
    return id !== null && collapsed.has(id) ? [] : [i]
  })
}
