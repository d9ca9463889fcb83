/**
 * The pivot table a person reads: rows (with subtotals per first-level row and a grand total
 * per currency) × the column axis × the measures, built from the long result of
 * shared/sql/pivot-table-sql.ts. Pure, so the CLI, views and the screen lay it out alike.
 */
import { fromScaled, toScaled } from '../money'
import { measureFigures, type CompiledPivotTable, type RawFigure } from '../sql/pivot-table-sql'
import type { MeasureSpec, PivotSpec } from './index'
import { measureKind, measureLabel, measureValue, type MeasureKind } from './table-measures'

/** One result row of the table query, keyed by its SQL column names. */
export type TableRecord = Readonly<Record<string, string | number | boolean | null>>

/** A laid-out row: detail, the (Other) fold, a subtotal of its first-level row, or the grand total. */
export interface TableRow {
  readonly kind: 'detail' | 'other' | 'subtotal' | 'total'
  /** True for the (Other) fold of the first group-by and its subtotal. */
  readonly folded: boolean
  /** True for the (Other) fold of the second group-by within its first-level row. */
  readonly innerFolded: boolean
  /** One value per `rowHeaders` entry. */
  readonly keys: ReadonlyArray<string | null>
  /** One value per `cellHeaders` entry (column key × measure), exact decimal text or null. */
  readonly cells: ReadonlyArray<string | null>
}

/** The whole table. */
export interface PivotTable {
  readonly dateBasis: 'charge' | 'billing'
  readonly rowHeaders: readonly string[]
  /** Values across (time buckets or a dimension's values); [] when there is no column axis. */
  readonly columnKeys: ReadonlyArray<string | null>
  readonly measures: ReadonlyArray<{ label: string; kind: MeasureKind }>
  /** "<column key> <measure>" per cell, or the measure alone without a column axis. */
  readonly cellHeaders: readonly string[]
  /** Index in `rowHeaders` of BillingCurrency (the currency amounts are in). */
  readonly currencyIndex: number
  readonly rows: readonly TableRow[]
}

const text = (v: TableRecord[string] | undefined): string | null =>
  v === null || v === undefined ? null : String(v)

/** Lays out `records` of `compiled` for `spec`. */
export function buildPivotTable(
  spec: PivotSpec,
  compiled: CompiledPivotTable,
  records: readonly TableRecord[],
): PivotTable {
  const columnKey = compiled.keys.find((k) => k.role === 'column')
  const rowKeys = compiled.keys.filter((k) => k.role !== 'column')
  const rowCount = spec.rows.length
  const figureIndex = (f: RawFigure): number =>
    compiled.figures.findIndex((g) => JSON.stringify(g) === JSON.stringify(f))
  const figuresOf = (m: MeasureSpec): number[] => measureFigures(m).map(figureIndex)
  const kindOf = (r: TableRecord): TableRow['kind'] => {
    const level = Number(r.lvl ?? 0)
    if (rowCount > 0 && level === rowCount) return 'total'
    if (level > 0) return 'subtotal'
    return isFolded(r) || isInner(r) ? 'other' : 'detail'
  }
  const flag = (v: TableRecord[string] | undefined): boolean =>
    v === true || v === 1 || v === 'true'
  const isFolded = (r: TableRecord): boolean => flag(r.other)
  const isInner = (r: TableRecord): boolean => flag(r.fold1)
  // Group records into rows (same kind and row keys) and cells (column key).
  const columnKeys = columnKey
    ? [...new Set(records.map((r) => text(r[columnKey.sql])))].sort(compareLabels)
    : []
  const rowId = (r: TableRecord): string =>
    JSON.stringify([kindOf(r), isFolded(r), isInner(r), ...rowKeys.map((k) => text(r[k.sql]))])
  const byRow = new Map<string, Map<string | null, TableRecord>>()
  for (const r of records) {
    const id = rowId(r)
    if (!byRow.has(id)) byRow.set(id, new Map())
    byRow.get(id)!.set(columnKey ? text(r[columnKey.sql]) : null, r)
  }
  const figures = (r: TableRecord | undefined, idx: number[]): Array<string | null> =>
    idx.map((i) => (r ? text(r[`s${i}`]) : null))
  // The grand total of a cell: same units and column key (and time bucket when time is a row).
  const totalKey = (r: TableRecord): string =>
    JSON.stringify(compiled.keys.filter((k) => k.role !== 'row').map((k) => text(r[k.sql])))
  const totals = new Map<string, TableRecord>()
  for (const r of records) if (rowCount === 0 || kindOf(r) === 'total') totals.set(totalKey(r), r)
  // The previous period: the same row, one time bucket earlier.
  const time = compiled.keys.find((k) => k.sql === 't')
  const previousOf = (r: TableRecord): TableRecord | undefined => {
    if (!time) return undefined
    const label = text(r.t)
    if (label === null) return undefined
    const earlier = previousBucket(spec.timeGrain, label)
    const id = JSON.stringify([
      kindOf(r),
      isFolded(r),
      isInner(r),
      ...rowKeys.map((k) => (k.sql === 't' ? earlier : text(r[k.sql]))),
    ])
    return byRow
      .get(id)
      ?.get(columnKey?.sql === 't' ? earlier : columnKey ? text(r[columnKey.sql]) : null)
  }
  const measures = compiled.measures
  const cellsOf = (cells: Map<string | null, TableRecord>): Array<string | null> =>
    (columnKey ? columnKeys : [null]).flatMap((key) => {
      const r = cells.get(key)
      return measures.map((m) => {
        if (!r) return null
        const idx = figuresOf(m)
        const total = totals.get(totalKey(r))
        return measureValue(m, {
          own: figures(r, idx),
          total: total ? figures(total, idx) : null,
          previous: m.measure.startsWith('Change') ? figures(previousOf(r), idx) : null,
        })
      })
    })
  const laid: TableRow[] = []
  for (const [id, cells] of byRow) {
    const [kind, folded, innerFolded, ...keys] = JSON.parse(id) as [
      TableRow['kind'],
      boolean,
      boolean,
      ...Array<string | null>,
    ]
    if (spec.totals === false && (kind === 'subtotal' || kind === 'total')) continue
    laid.push({ kind, folded, innerFolded, keys, cells: cellsOf(cells) })
  }
  const labels = measures.map(measureLabel)
  // Amounts, quantities and counts add up across the columns; ratios and unit costs do not.
  const additive = measures.map((m) => measureKind(m) !== 'ratio' && m.measure !== 'UnitCost')
  const cellHeaders = columnKey
    ? columnKeys.flatMap((key) => labels.map((l) => `${key ?? '(none)'} ${l}`))
    : labels
  const rowHeaders = rowKeys.map((k) => k.name)
  return {
    dateBasis: spec.dateBasis ?? 'charge',
    rowHeaders,
    columnKeys,
    measures: measures.map((m, i) => ({ label: labels[i]!, kind: measureKind(m) })),
    cellHeaders,
    currencyIndex: rowHeaders.indexOf('BillingCurrency'),
    rows: orderRows(laid, rowKeys, spec, cellHeaders, rowHeaders, labels, additive),
  }
}

/** Labels ascending (time labels sort as text), a missing value last. */
function compareLabels(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/** Exact comparison of decimal strings, nulls last whichever way. */
function compareValues(a: string | null, b: string | null, direction: 1 | -1): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  const x = toScaled(a)
  const y = toScaled(b)
  return x === y ? 0 : (x < y ? -1 : 1) * direction
}

/**
 * Orders rows: currency (and units) first, then the time bucket when time is a row, then the
 * first-level rows by the sort column (their subtotal's value when there are two levels), each
 * followed by its second-level rows and its subtotal, "(Other)" after them and the total last.
 */
function orderRows(
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
  const sortValue = (r: TableRow): string | null => {
    if (measure < 0) return r.cells[cell] ?? null
    if (!additive[measure]) return r.cells[measure] ?? null
    const values: string[] = []
    for (let k = 0; k < across; k++) {
      const v = r.cells[k * labels.length + measure]
      if (v !== null && v !== undefined) values.push(v)
    }
    return values.length ? fromScaled(values.reduce((t, v) => t + toScaled(v), 0n)) : null
  }
  const compareRow = (a: TableRow, b: TableRow): number =>
    header >= 0
      ? compareLabels(a.keys[header] ?? null, b.keys[header] ?? null) * direction
      : compareValues(sortValue(a), sortValue(b), direction)
  // The row that stands for a first-level row in the ordering.
  const heads = new Map<string, TableRow>()
  const groupOf = (r: TableRow): string =>
    JSON.stringify([
      ...units.map((i) => r.keys[i]),
      timeAt >= 0 ? r.keys[timeAt] : null,
      r.folded,
      d0 >= 0 ? r.keys[d0] : null,
    ])
  for (const r of rows)
    if ((d1 < 0 && (r.kind === 'detail' || r.kind === 'other')) || r.kind === 'subtotal')
      heads.set(groupOf(r), r)
  return [...rows].sort((a, b) => {
    for (const i of units) {
      const c = compareLabels(a.keys[i] ?? null, b.keys[i] ?? null)
      if (c !== 0) return c
    }
    if (timeAt >= 0) {
      const c = compareLabels(a.keys[timeAt] ?? null, b.keys[timeAt] ?? null)
      if (c !== 0) return c
    }
    const ka = a.kind === 'total' ? 2 : a.folded ? 1 : 0
    const kb = b.kind === 'total' ? 2 : b.folded ? 1 : 0
    if (ka !== kb) return ka - kb
    if (a.kind === 'total') return 0
    const ga = groupOf(a)
    const gb = groupOf(b)
    if (ga !== gb) {
      const ha = heads.get(ga)
      const hb = heads.get(gb)
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
    const c = compareRow(a, b)
    return c !== 0
      ? c
      : compareLabels(d1 >= 0 ? (a.keys[d1] ?? null) : null, d1 >= 0 ? (b.keys[d1] ?? null) : null)
  })
}

/** The label of the bucket before `label` (2026-01-05 → 2025-12-29 by week, 2026-Q1 → 2025-Q4). */
export function previousBucket(grain: PivotSpec['timeGrain'], label: string): string {
  if (grain === 'quarter') {
    const [year, q] = [Number(label.slice(0, 4)), Number(label.slice(6))]
    return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`
  }
  if (grain === 'month') {
    const [year, month] = [Number(label.slice(0, 4)), Number(label.slice(5, 7))]
    return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
  }
  const day = new Date(`${label}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - (grain === 'week' ? 7 : 1))
  return day.toISOString().slice(0, 10)
}
