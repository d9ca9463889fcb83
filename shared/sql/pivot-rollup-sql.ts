/**
 * Rollups of the focus view kept exact beside it (issue 9, Performance): per UTC day of the
 * charge period, billing period, currency and a few common dimensions, the DECIMAL sums of the
 * money columns, the sums of their absolute values (what top N ranks by) and the row count.
 * A pivot that reads only those columns gets the same figures from a rollup as from the rows,
 * because every figure it asks is a sum or a count, and sums of sums are the sum:
 * - a day bucket holds whole UTC days, so week, month and quarter buckets are unions of days,
 *   and a date bound (midnight UTC, a YYYY-MM-DD) keeps or drops a whole day;
 * - a filter or a group-by on a kept dimension keeps or drops whole groups.
 * The resource rollup keeps whole UTC months instead of days (a month holds ~200k resources,
 * each charged most days): it answers a pivot bucketed by month or quarter, or by none, whose
 * charge-period bounds are first days of a month.
 * The tag rollup keeps the Tags text itself, whole UTC months and the service columns: every
 * tag value, alias-policy key or "(none)" a pivot reads is a function of that text alone, so
 * its groups split or merge as the rows' would. 6,168 distinct Tags texts over a month of 1M
 * bench rows make ~77k groups; the tag key × service pivot reads them in about 20 ms instead of
 * parsing 1M JSON objects (~100 ms).
 * Quantities, distinct counts and numeric ranges read the rows.
 */
import type { PivotSpec } from '../pivot'
import { quoteIdent } from './identifiers'

/** Money columns a rollup sums (each also as the sum of its absolute values). */
export const ROLLUP_MONEY = ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'] as const

/** The time columns every rollup keeps: the charge period's UTC day, and the billing period as stored. */
export const ROLLUP_TIME = ['ChargePeriodStart', 'BillingPeriodStart'] as const

/** Rows a rollup group stands for. */
export const ROLLUP_ROWS = 'x_Rows'

/** The column holding the sum of |money| of `column`. */
export const rollupAbsColumn = (column: string): string => `x_Abs${column}`

/** A rollup table, the text dimensions it keeps (besides the time columns), and what it is summed from. */
export interface Rollup {
  readonly table: string
  readonly dimensions: readonly string[]
  /** The wider rollup it is summed from (built first), or null for the focus view's rows. */
  readonly from: string | null
  /** What its ChargePeriodStart holds: the UTC day, or the UTC month, of the rows' charge period. */
  readonly grain: 'day' | 'month'
  /**
   * Built the first time a pivot asks for it, not at every import (electron/core/query/rollup.ts):
   * its build costs as much as the others together and only resource pivots read it.
   */
  readonly lazy?: boolean
}

const SERVICE = ['ServiceProviderName', 'ChargeCategory', 'ServiceName', 'ServiceCategory']
const ACCOUNT = ['BillingAccountId', 'BillingAccountName', 'SubAccountId', 'SubAccountName']
const REGION = ['RegionId', 'RegionName']
const SERVICE_ACCOUNT = 'rollup_day_service_account'
const RESOURCE = ['ResourceId', 'ResourceName', 'ResourceType']

/** The column every tag dimension, filter and condition reads (tags/tag-sql.ts). */
export const TAGS_COLUMN = 'Tags'

/**
 * The rollups, smallest first: a pivot reads the first that has every column it needs. Two
 * read the rows (one scan each at import); the two smallest are summed from the first.
 */
export const ROLLUPS: readonly Rollup[] = [
  {
    table: 'rollup_day_service',
    dimensions: [...SERVICE, 'BillingCurrency'],
    from: SERVICE_ACCOUNT,
    grain: 'day',
  },
  {
    table: 'rollup_day_account',
    dimensions: ['ServiceProviderName', 'ChargeCategory', ...ACCOUNT, 'BillingCurrency'],
    from: SERVICE_ACCOUNT,
    grain: 'day',
  },
  {
    table: 'rollup_day_service_region',
    dimensions: [...SERVICE, ...REGION, 'BillingCurrency'],
    from: null,
    grain: 'day',
  },
  {
    table: SERVICE_ACCOUNT,
    dimensions: [...SERVICE, ...ACCOUNT, 'BillingCurrency'],
    from: null,
    grain: 'day',
  },
  {
    table: 'rollup_month_resource',
    dimensions: [
      ...RESOURCE,
      ...SERVICE,
      'BillingAccountId',
      'SubAccountId',
      'SubAccountName',
      'RegionId',
      'BillingCurrency',
    ],
    from: null,
    grain: 'month',
    lazy: true,
  },
  {
    table: 'rollup_month_tags',
    dimensions: [TAGS_COLUMN, ...SERVICE, 'BillingCurrency'],
    from: null,
    grain: 'month',
    lazy: true,
  },
]

/** The rollups every import builds, in build order: those read from the rows first. */
export const ROLLUP_BUILD_ORDER: readonly Rollup[] = [
  ...ROLLUPS.filter((r) => r.from === null && !r.lazy),
  ...ROLLUPS.filter((r) => r.from !== null && !r.lazy),
]

/** The rollups built when first asked for. */
export const LAZY_ROLLUPS: readonly Rollup[] = ROLLUPS.filter((r) => r.lazy)

/** The figures a pivot reads, as pivot-table-sql.ts lists them. */
export type RollupFigure =
  { kind: 'sum'; column: string } | { kind: 'count' } | { kind: 'distinct' }

/**
 * The rollup that answers `spec` exactly, or null when it must read the rows: every column it
 * groups, filters or conditions on is kept, its conditions are text matches on those or date
 * bounds, and every figure is a money sum or the row count. `usable` leaves out rollups that do
 * not hold the current data (a lazy one not built yet); by default every rollup is considered.
 */
export function rollupFor(
  spec: PivotSpec,
  figures: readonly RollupFigure[],
  usable: (rollup: Rollup) => boolean = () => true,
): Rollup | null {
  const money: readonly string[] = ROLLUP_MONEY
  if (!figures.every((f) => f.kind === 'count' || (f.kind === 'sum' && money.includes(f.column))))
    return null
  const needed = new Set<string>(['BillingCurrency'])
  const dimensions = [
    ...spec.rows,
    ...(spec.columns && spec.columns.kind !== 'time' ? [spec.columns] : []),
    ...spec.filters.map((f) => f.dimension),
  ]
  // A tag is read from the Tags text, which the tag rollup keeps whole.
  for (const d of dimensions) needed.add(d.kind === 'column' ? d.name : TAGS_COLUMN)
  for (const c of spec.conditions ?? []) {
    if (c.op === 'contains' || c.op === 'startsWith')
      needed.add(c.dimension.kind === 'column' ? c.dimension.name : TAGS_COLUMN)
    else if (c.op === 'tagPresent' || c.op === 'tagMissing') needed.add(TAGS_COLUMN)
    else if (c.op === 'dates' && (ROLLUP_TIME as readonly string[]).includes(c.column)) continue
    else return null
  }
  // The billing period is kept as stored; the charge period only as its day (or month), so a
  // group-by or filter on its exact value reads the rows.
  const monthly = monthlyEnough(spec)
  return (
    ROLLUPS.find(
      (r) =>
        usable(r) &&
        (r.grain === 'day' || monthly) &&
        [...needed].every((n) => r.dimensions.includes(n) || n === 'BillingPeriodStart'),
    ) ?? null
  )
}

/**
 * True when whole UTC months of the charge period answer `spec`: its buckets are months or
 * quarters (or none), and every bound on the charge period is the first day of a month.
 */
function monthlyEnough(spec: PivotSpec): boolean {
  const charge = spec.dateBasis !== 'billing'
  if (charge && (spec.timeGrain === 'day' || spec.timeGrain === 'week')) return false
  const firstOfMonth = (d: string | null): boolean => d === null || d.endsWith('-01')
  if (
    charge &&
    !(firstOfMonth(spec.dateRange?.start ?? null) && firstOfMonth(spec.dateRange?.end ?? null))
  )
    return false
  return (spec.conditions ?? []).every(
    (c) =>
      c.op !== 'dates' ||
      c.column !== 'ChargePeriodStart' ||
      (firstOfMonth(c.start) && firstOfMonth(c.end)),
  )
}

/** The columns of a rollup table in order, with their DuckDB types. */
export function rollupColumns(rollup: Rollup): Array<{ name: string; type: string }> {
  return [
    ...ROLLUP_TIME.map((name) => ({ name, type: 'TIMESTAMPTZ' })),
    ...rollup.dimensions.map((name) => ({ name, type: 'VARCHAR' })),
    ...ROLLUP_MONEY.map((name) => ({ name, type: 'DECIMAL(38,18)' })),
    ...ROLLUP_MONEY.map((name) => ({ name: rollupAbsColumn(name), type: 'DECIMAL(38,18)' })),
    { name: ROLLUP_ROWS, type: 'BIGINT' },
  ]
}

const DAY_US = 86_400_000_000

/**
 * The UTC day (midnight, TIMESTAMPTZ) of TIMESTAMPTZ `column`: the same instant as
 * date_trunc('day', …) in the workspace's UTC session, from the epoch's microseconds, whose
 * whole days are whole UTC days. date_trunc on a TIMESTAMPTZ goes through ICU's calendar, about
 * 0.2 CPU-s per million rows; this takes about a tenth of it, and each rollup read from the rows
 * computes it once a row. The modulo is floored, so days before 1970 are right too.
 */
export function utcDaySql(column: string): string {
  const us = `epoch_us(${column})`
  return `to_timestamp(((${us} - ((${us} % ${DAY_US}) + ${DAY_US}) % ${DAY_US}) // 1000000)::DOUBLE)`
}

/**
 * The INSERT that fills `rollup` from the focus view's rows (each once) or from its wider rollup;
 * `rowsWhere`, for a rollup read from the rows, keeps only the rows it holds.
 */
export function rollupInsertSql(rollup: Rollup, rowsWhere?: string): string {
  const q = quoteIdent
  const fromRows = rollup.from === null
  const keys = [
    fromRows
      ? `${rollup.grain === 'day' ? utcDaySql(q('ChargePeriodStart')) : `date_trunc('month', ${q('ChargePeriodStart')})`} AS ${q('ChargePeriodStart')}`
      : q('ChargePeriodStart'),
    q('BillingPeriodStart'),
    ...rollup.dimensions.map(q),
  ]
  const sums = [
    ...ROLLUP_MONEY.map((m) => `sum(${q(m)})`),
    ...ROLLUP_MONEY.map((m) => (fromRows ? `sum(abs(${q(m)}))` : `sum(${q(rollupAbsColumn(m))})`)),
    fromRows ? 'count(*)' : `sum(${q(ROLLUP_ROWS)})`,
  ]
  const from = rollup.from === null ? 'focus' : q(rollup.from)
  const where = fromRows && rowsWhere !== undefined ? ` WHERE ${rowsWhere}` : ''
  return `INSERT INTO ${q(rollup.table)} SELECT ${[...keys, ...sums].join(', ')} FROM ${from}${where} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`
}

/** What a compiler knows of the workspace's rollups and rows (electron/core/query/query-context.ts). */
export interface RollupOptions {
  /** True when the built rollups hold the current data. */
  readonly rollups?: boolean
  /** The lazy rollups built from the current data. */
  readonly lazyRollups?: ReadonlySet<string>
  /** True when the focus view holds every stored row, so the rows may be read from cost_rows. */
  readonly plainRows?: boolean
}

/**
 * The rollup a compiler reads for `spec`: none unless the built rollups are current, and a lazy
 * one only when it is built from the current data too.
 */
export function readableRollup(
  spec: PivotSpec,
  figures: readonly RollupFigure[],
  options: RollupOptions,
): Rollup | null {
  if (!options.rollups) return null
  return rollupFor(spec, figures, (r) => !r.lazy || (options.lazyRollups?.has(r.table) ?? false))
}

/**
 * What a pivot reads: its rollup, else cost_rows while the focus view holds every row (DuckDB
 * then pushes the filters into the scan), else the focus view.
 */
export function pivotSource(rollup: Rollup | null, options: RollupOptions): string {
  if (rollup) return quoteIdent(rollup.table)
  return options.plainRows ? 'cost_rows' : 'focus'
}
