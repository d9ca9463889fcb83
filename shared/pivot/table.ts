/**
 * The pivot table a person reads: rows (with subtotals per first-level row and a grand total
 * per currency) × the column axis × the measures, built from the long result of
 * shared/sql/pivot-table-sql.ts. Pure, so the CLI, views and the screen lay it out alike.
 */
import { normalizeDecimal } from '../money'
import { measureFigures, type CompiledPivotTable, type RawFigure } from '../sql/pivot-table-sql'
import type { PivotSpec } from './index'
import {
  isPlainMeasure,
  measureKind,
  measureLabel,
  measureValue,
  type MeasureKind,
} from './table-measures'
import { compareLabels, orderRows } from './table-order'

/** One result row of the table query, keyed by its SQL column names. */
export type TableRecord = Readonly<Record<string, string | number | boolean | null>>

/** The table query's result column by column, as the engine reads it (result-columns.ts). */
export interface TableColumns {
  readonly names: readonly string[]
  readonly columns: ReadonlyArray<ReadonlyArray<TableRecord[string]>>
  readonly rowCount: number
  /**
   * Per column, true when its values are canonical decimal texts already (the engine writes a
   * DECIMAL from its scaled integer); the others are normalized as they are laid out. Skipping
   * the check saves about a fifth of laying out a day × account matrix.
   */
  readonly canonical?: readonly boolean[]
}

/** Records (as `ws.all` gives them) column by column. */
export function columnsOf(records: readonly TableRecord[]): TableColumns {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))]
  return {
    names,
    columns: names.map((name) => records.map((r) => r[name] ?? null)),
    rowCount: records.length,
  }
}

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

/** Lays out the result of `compiled` for `spec`: its columns, or its records. */
export function buildPivotTable(
  spec: PivotSpec,
  compiled: CompiledPivotTable,
  result: TableColumns | readonly TableRecord[],
): PivotTable {
  // Read column-wise: a cell is a row's index into its columns, so no record object is built
  // or looked up by name per cell (thousands of them for a day × account matrix).
  const table = 'rowCount' in result ? result : columnsOf(result)
  const { names, columns, rowCount: count } = table
  const NONE: ReadonlyArray<TableRecord[string]> = []
  const column = (sql: string): ReadonlyArray<TableRecord[string]> =>
    columns[names.indexOf(sql)] ?? NONE
  const columnKey = compiled.keys.find((k) => k.role === 'column')
  const rowKeys = compiled.keys.filter((k) => k.role !== 'column')
  const totalKeys = compiled.keys.filter((k) => k.role !== 'row')
  const rowCount = spec.rows.length
  const figureIndex = (f: RawFigure): number =>
    compiled.figures.findIndex((g) => JSON.stringify(g) === JSON.stringify(f))
  const measures = compiled.measures
  // Each measure's figure columns and their indexes in the result, found once rather than per cell.
  const figureAt = measures.map((m) =>
    measureFigures(m).map((f) => names.indexOf(`s${figureIndex(f)}`)),
  )
  const figureColumns = figureAt.map((at) => at.map((j) => columns[j] ?? NONE))
  const flag = (v: TableRecord[string] | undefined): boolean =>
    v === true || v === 1 || v === 'true'
  // Group result rows into table rows (same kind and row keys) and cells (column key), each
  // read once. Rows are found through a tree of maps:
  // kind and folds, then each row key in turn, so no id text is built per record.
  interface Row {
    readonly kind: TableRow['kind']
    readonly folded: boolean
    readonly innerFolded: boolean
    readonly keys: ReadonlyArray<string | null>
    /** Column key → the result row (index) of the cell. */
    readonly cells: Map<string | null, number>
  }
  type RowTree = Map<string | number | null, RowTree | Row>
  const rowTree: RowTree = new Map()
  const rowsInOrder: Row[] = []
  const KINDS: ReadonlyArray<TableRow['kind']> = ['detail', 'other', 'subtotal', 'total']
  const headOf = (kind: TableRow['kind'], folded: boolean, inner: boolean): number =>
    KINDS.indexOf(kind) * 4 + (folded ? 2 : 0) + (inner ? 1 : 0)
  /**
   * The row of `kind`, folds and `keys`; with `make`, made (with a copy of `keys`) when there
   * is none yet, so a caller may pass the same scratch array for every result row.
   */
  const findRow = (
    kind: TableRow['kind'],
    folded: boolean,
    inner: boolean,
    keys: ReadonlyArray<string | null>,
    make = false,
  ): Row | undefined => {
    let node: RowTree = rowTree
    let key: string | number | null = headOf(kind, folded, inner)
    for (let i = 0; i < keys.length; i++) {
      let next = node.get(key) as RowTree | undefined
      if (!next) {
        if (!make) return undefined
        node.set(key, (next = new Map()))
      }
      node = next
      key = keys[i] ?? null
    }
    let row = node.get(key) as Row | undefined
    if (!row && make) {
      row = { kind, folded, innerFolded: inner, keys: [...keys], cells: new Map() }
      node.set(key, row)
      rowsInOrder.push(row)
    }
    return row
  }
  const rowKeySql = rowKeys.map((k) => k.sql)
  const keyColumns = rowKeySql.map(column)
  const levels = column('lvl')
  const others = column('other')
  const innerFolds = column('fold1')
  const columnValues = columnKey ? column(columnKey.sql) : NONE
  const columnSet = new Set<string | null>()
  // The grand total of a cell: same units and column key (and time bucket when time is a row).
  const totalColumns = totalKeys.map((k) => column(k.sql))
  const totalKey = (r: number): string => JSON.stringify(totalColumns.map((c) => text(c[r])))
  const wantsTotal = measures.some((m) => m.measure === 'PercentOfTotal')
  const totals = new Map<string, number>()
  const keys = new Array<string | null>(keyColumns.length)
  for (let r = 0; r < count; r++) {
    const level = Number(levels[r] ?? 0)
    const folded = flag(others[r])
    const innerFolded = flag(innerFolds[r])
    const kind: TableRow['kind'] =
      rowCount > 0 && level === rowCount
        ? 'total'
        : level > 0
          ? 'subtotal'
          : folded || innerFolded
            ? 'other'
            : 'detail'
    for (let i = 0; i < keyColumns.length; i++) keys[i] = text(keyColumns[i]![r])
    const row = findRow(kind, folded, innerFolded, keys, true)!
    const columnValue = columnKey ? text(columnValues[r]) : null
    if (columnKey) columnSet.add(columnValue)
    row.cells.set(columnValue, r)
    if (wantsTotal && (rowCount === 0 || kind === 'total')) totals.set(totalKey(r), r)
  }
  const columnKeys = [...columnSet].sort(compareLabels)
  const figures = (
    r: number | undefined,
    of: ReadonlyArray<ReadonlyArray<TableRecord[string]>>,
  ): Array<string | null> => of.map((c) => (r === undefined ? null : text(c[r])))
  // The previous period: the same row, one time bucket earlier.
  const time = compiled.keys.find((k) => k.sql === 't')
  const times = column('t')
  const previousOf = (row: Row, r: number): number | undefined => {
    if (!time) return undefined
    const label = text(times[r])
    if (label === null) return undefined
    const earlier = previousBucket(spec.timeGrain, label)
    const keys = row.keys.map((key, i) => (rowKeySql[i] === 't' ? earlier : key))
    return findRow(row.kind, row.folded, row.innerFolded, keys)?.cells.get(
      columnKey?.sql === 't' ? earlier : columnKey ? text(columnValues[r]) : null,
    )
  }
  // A sum or a count is its one figure as it stands: read straight from its column.
  const plainColumns = measures.map((m, i) => (isPlainMeasure(m) ? figureColumns[i]![0]! : null))
  const plainCanonical = measures.map(
    (m, i) => isPlainMeasure(m) && table.canonical?.[figureAt[i]![0]!] === true,
  )
  const cellsOf = (row: Row): Array<string | null> => {
    const out: Array<string | null> = []
    for (const key of columnKey ? columnKeys : [null]) {
      const r = row.cells.get(key)
      for (let i = 0; i < measures.length; i++) {
        const plain = plainColumns[i]
        if (r === undefined) out.push(null)
        else if (plain) {
          const v = plain[r]
          out.push(
            v === null || v === undefined
              ? null
              : plainCanonical[i]
                ? (v as string)
                : normalizeDecimal(String(v)),
          )
        } else out.push(derivedValue(row, r, i))
      }
    }
    return out
  }
  const derivedValue = (row: Row, r: number, i: number): string | null => {
    const m = measures[i]!
    const of = figureColumns[i]!
    const total = m.measure === 'PercentOfTotal' ? totals.get(totalKey(r)) : undefined
    return measureValue(m, {
      own: figures(r, of),
      // A result row is an index: the first one is 0.
      total: total === undefined ? null : figures(total, of),
      previous: m.measure.startsWith('Change') ? figures(previousOf(row, r), of) : null,
    })
  }
  const laid: TableRow[] = []
  for (const row of rowsInOrder) {
    const { kind, folded, innerFolded, keys } = row
    if (spec.totals === false && (kind === 'subtotal' || kind === 'total')) continue
    laid.push({ kind, folded, innerFolded, keys, cells: cellsOf(row) })
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
