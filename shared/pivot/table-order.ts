/**
 * The order of a pivot table's rows (table.ts): units, then the time bucket, then first-level
 * rows by their sort value, each with its second-level rows and subtotal, and exact decimal
 * comparison of sort values without parsing every cell into an integer.
 */
import { toScaled } from '../money'
import type { CompiledPivotTable } from '../sql/pivot-table-sql'
import type { PivotSpec } from './index'
import type { TableRow } from './table'

/** Labels ascending (time labels sort as text), a missing value last. */
export function compareLabels(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/**
 * A row's sort value: the decimal texts it adds up (one cell, or a measure across the columns),
 * with their sum as a float and the float's error bound. Rows are compared by the floats when
 * they differ by more than both bounds, which settles the order exactly; only near ties parse
 * the texts into exact integers (a matrix sorts thousands of cells; parsing each costs ~3×).
 */
interface SortValue {
  readonly texts: readonly string[]
  readonly approx: number
  /** Above any rounding of `approx`: each text's and each addition's, ~1e-16 of the sum of sizes. */
  readonly bound: number
  exact?: bigint
}

function sortValueOf(texts: readonly string[]): SortValue | null {
  if (texts.length === 0) return null
  let approx = 0
  let size = 0
  for (const text of texts) {
    const v = Number(text)
    approx += v
    size += Math.abs(v)
  }
  return { texts, approx, bound: size * 1e-9 + Number.MIN_VALUE }
}

function exactOf(value: SortValue): bigint {
  if (value.exact === undefined) {
    let total = 0n
    for (const text of value.texts) total += toScaled(text)
    value.exact = total
  }
  return value.exact
}

/** Exact comparison of sort values, nulls last whichever way. */
function compareValues(a: SortValue | null, b: SortValue | null, direction: 1 | -1): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  if (Math.abs(a.approx - b.approx) > a.bound + b.bound)
    return (a.approx < b.approx ? -1 : 1) * direction
  const x = exactOf(a)
  const y = exactOf(b)
  return x === y ? 0 : (x < y ? -1 : 1) * direction
}

/**
 * Orders rows: currency (and units) first, then the time bucket when time is a row, then the
 * first-level rows by the sort column (their subtotal's value when there are two levels), each
 * followed by its second-level rows and its subtotal, "(Other)" after them and the total last.
 */
export function orderRows(
  rows: TableRow[],
  rowKeys: CompiledPivotTable['keys'],
  spec: PivotSpec,
  cellHeaders: readonly string[],
  rowHeaders: readonly string[],
  labels: readonly string[],
  additive: readonly boolean[],
): TableRow[] {
  const at = (sql: string): number => rowKeys.findIndex((k) => k.sql === sql)
  const units = rowKeys.flatMap((k, i) => (k.role === 'unit' ? [i] : []))
  const timeAt = at('t')
  const d0 = at('d0')
  const d1 = at('d1')
  const direction: 1 | -1 = spec.sort?.direction === 'asc' ? 1 : -1
  // By default the first measure; a measure's name in a matrix means its row total.
  const by = spec.sort?.by ?? labels[0] ?? ''
  const measure = labels.indexOf(by)
  const cell = cellHeaders.indexOf(by)
  const header = rowHeaders.indexOf(by)
  if (spec.sort && measure < 0 && cell < 0 && header < 0)
    throw new Error(
      `No result column ${by}; sort by one of ${[...rowHeaders, ...labels, ...cellHeaders].join(', ')}.`,
    )
  const across = cellHeaders.length / Math.max(1, labels.length)
  // The sort value of a row, worked out once per row, not per comparison.
  const sortValue = (r: TableRow): SortValue | null => {
    if (measure < 0 || !additive[measure]) {
      const v = r.cells[measure < 0 ? cell : measure]
      return v === null || v === undefined ? null : sortValueOf([v])
    }
    const texts: string[] = []
    for (let k = 0; k < across; k++) {
      const v = r.cells[k * labels.length + measure]
      if (v !== null && v !== undefined) texts.push(v)
    }
    return sortValueOf(texts)
  }
  // The row that stands for a first-level row in the ordering, and each row's group.
  const groupOf = (r: TableRow): string =>
    JSON.stringify([
      ...units.map((i) => r.keys[i]),
      timeAt >= 0 ? r.keys[timeAt] : null,
      r.folded,
      d0 >= 0 ? r.keys[d0] : null,
    ])
  const keyed = rows.map((row) => ({
    row,
    group: groupOf(row),
    value: header >= 0 ? null : sortValue(row),
  }))
  type Keyed = (typeof keyed)[number]
  const compareRow = (a: Keyed, b: Keyed): number =>
    header >= 0
      ? compareLabels(a.row.keys[header] ?? null, b.row.keys[header] ?? null) * direction
      : compareValues(a.value, b.value, direction)
  const heads = new Map<string, Keyed>()
  for (const k of keyed)
    if (
      (d1 < 0 && (k.row.kind === 'detail' || k.row.kind === 'other')) ||
      k.row.kind === 'subtotal'
    )
      heads.set(k.group, k)
  keyed.sort((ka, kb) => {
    const a = ka.row
    const b = kb.row
    for (const i of units) {
      const c = compareLabels(a.keys[i] ?? null, b.keys[i] ?? null)
      if (c !== 0) return c
    }
    if (timeAt >= 0) {
      const c = compareLabels(a.keys[timeAt] ?? null, b.keys[timeAt] ?? null)
      if (c !== 0) return c
    }
    const oa = a.kind === 'total' ? 2 : a.folded ? 1 : 0
    const ob = b.kind === 'total' ? 2 : b.folded ? 1 : 0
    if (oa !== ob) return oa - ob
    if (a.kind === 'total') return 0
    if (ka.group !== kb.group) {
      const ha = heads.get(ka.group)
      const hb = heads.get(kb.group)
      const c = ha && hb ? compareRow(ha, hb) : 0
      return c !== 0
        ? c
        : compareLabels(
            d0 >= 0 ? (a.keys[d0] ?? null) : null,
            d0 >= 0 ? (b.keys[d0] ?? null) : null,
          )
    }
    // Within a first-level row: its rows, then its own (Other), then its subtotal.
    const place = (r: TableRow): number => (r.kind === 'subtotal' ? 2 : r.innerFolded ? 1 : 0)
    if (place(a) !== place(b)) return place(a) - place(b)
    const c = compareRow(ka, kb)
    return c !== 0
      ? c
      : compareLabels(d1 >= 0 ? (a.keys[d1] ?? null) : null, d1 >= 0 ? (b.keys[d1] ?? null) : null)
  })
  return keyed.map((k) => k.row)
}
