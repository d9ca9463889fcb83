/**
 * Compiles the pivot table (shared/pivot/table.ts): rows × an optional column axis × several
 * measures, with subtotals per first-level row and a grand total per currency. SQL returns only
 * exact sums and counts (DECIMAL, as text); ratios, percentages and changes are derived from
 * them exactly in shared/pivot/table-measures.ts, so no division ever runs through a double.
 *
 * Shape: filter once (`base`), rank the first group-by's top N per currency on `base`, fold the
 * rest into one flagged row, then one GROUP BY GROUPING SETS gives detail, subtotals and totals.
 */
import type { Dimension, MeasureSpec, PivotSpec } from '../pivot'
import type { TagResolver } from '../tags/resolve'
import { quoteIdent, quoteLiteral } from './identifiers'
import {
  pivotSource,
  readableRollup,
  rollupAbsColumn,
  ROLLUP_ROWS,
  type RollupOptions,
} from './pivot-rollup-sql'
import { GRAIN_NAMES } from './pivot-sql'
import {
  basisColumn,
  dimensionValueSql,
  PivotSpecError,
  requireColumn,
  timeLabelSql,
  whereContext,
  whereSql,
} from './pivot-where-sql'

/** The raw figures one measure needs, named by what they sum or count. */
export type RawFigure =
  { kind: 'sum'; column: string } | { kind: 'count' } | { kind: 'distinct'; column: string }

/** A compiled table query: SQL, bound values, and what its columns hold. */
export interface CompiledPivotTable {
  readonly sql: string
  readonly params: readonly string[]
  /**
   * Group-by keys in output order after `lvl`, `other` and `fold1` (the folds): `sql` is the result column (t, d0,
   * d1, c, u0…), `name` what a person reads (ServiceName, tag:team, BillingCurrency).
   */
  readonly keys: ReadonlyArray<{
    sql: string
    name: string
    role: 'time' | 'row' | 'column' | 'unit'
  }>
  /** Raw figures in output order after the keys (s0, s1, …), as SQL text. */
  readonly figures: readonly RawFigure[]
  /** The measures as asked, with their defaults filled in. */
  readonly measures: readonly MeasureSpec[]
}

/** Options that depend on the workspace's data (as pivot-sql.ts), its rollups and rows among them. */
export interface PivotTableOptions extends RollupOptions {
  readonly guardJson?: boolean
  readonly tags?: TagResolver
}

const QUANTITY_UNITS: Record<string, string> = {
  ConsumedQuantity: 'ConsumedUnit',
  PricingQuantity: 'PricingUnit',
}

/** The measures of a spec: `measures`, or the one `measure` of a screen spec. */
export function specMeasures(spec: PivotSpec): MeasureSpec[] {
  return spec.measures ?? [{ measure: spec.measure }]
}

/** The figures a measure is derived from (table-measures.ts reads them in this order). */
export function measureFigures(m: MeasureSpec): RawFigure[] {
  const of = (fallback: string): RawFigure =>
    (m.of ?? fallback) === 'RowCount'
      ? { kind: 'count' }
      : { kind: 'sum', column: m.of ?? fallback }
  switch (m.measure) {
    case 'RowCount':
      return [{ kind: 'count' }]
    case 'DistinctCount':
      if (!m.column) throw new PivotSpecError('DistinctCount needs the column it counts.')
      return [{ kind: 'distinct', column: m.column }]
    case 'UnitCost':
      return [of('EffectiveCost'), { kind: 'sum', column: m.per ?? 'ConsumedQuantity' }]
    case 'Savings':
    case 'EffectiveSavingsRate':
      return [
        { kind: 'sum', column: 'ListCost' },
        { kind: 'sum', column: 'EffectiveCost' },
      ]
    case 'PercentOfTotal':
    case 'ChangeVsPrevious':
    case 'ChangePercentVsPrevious':
      return [of('BilledCost')]
    default:
      return [{ kind: 'sum', column: m.measure }]
  }
}

const figureKey = (f: RawFigure): string => (f.kind === 'count' ? 'count' : `${f.kind}:${f.column}`)

/** Compiles the table of `spec`; `columns` are the focus view's column names (the catalog). */
export function compilePivotTable(
  spec: PivotSpec,
  columns: ReadonlySet<string>,
  options: PivotTableOptions = {},
): CompiledPivotTable {
  const context = whereContext(columns, options)
  const { params, tags } = context
  const axis = spec.columns ?? null
  const grain = spec.timeGrain
  if (axis?.kind === 'time' && grain === 'none')
    throw new PivotSpecError('Time across needs a time grain (day, week, month or quarter).')

  const measures = specMeasures(spec)
  const figures: RawFigure[] = []
  for (const f of measures.flatMap(measureFigures))
    if (!figures.some((g) => figureKey(g) === figureKey(f))) figures.push(f)

  const select: string[] = []
  const keys: Array<{ name: string; role: CompiledPivotTable['keys'][number]['role'] }> = []
  const timed = grain !== 'none'
  if (timed) {
    select.push(`date_trunc(${quoteLiteral(grain)}, ${basisColumn(spec.dateBasis)}) AS t`)
    keys.push({ name: 't', role: axis?.kind === 'time' ? 'column' : 'time' })
  }
  const dimensionName = (d: Dimension): string =>
    d.kind === 'column' ? d.name : `tag:${tags(d.key).canonical}`
  spec.rows.forEach((d, i) => {
    select.push(`${dimensionValueSql(context, d)} AS d${i}`)
    keys.push({ name: `d${i}`, role: 'row' })
  })
  if (axis && axis.kind !== 'time') {
    select.push(`${dimensionValueSql(context, axis)} AS c`)
    keys.push({ name: 'c', role: 'column' })
  }
  // Money is never added across currencies, nor a quantity across its units.
  const units = ['BillingCurrency']
  for (const f of figures)
    if (f.kind === 'sum' && QUANTITY_UNITS[f.column] && !units.includes(QUANTITY_UNITS[f.column]!))
      units.push(QUANTITY_UNITS[f.column]!)
  units.forEach((unit, i) => {
    select.push(`${requireColumn(columns, unit)} AS u${i}`)
    keys.push({ name: `u${i}`, role: 'unit' })
  })
  // A rollup group stands for `n` rows and holds their sums (and sums of |money| as `a`).
  // Without a distinct count every figure is a sum or a count, so `base` folds the rows (or
  // the rollup's day groups) to one row per key first, in the same form: counting rows sums n,
  // ranking by size sums a, every other sum is a sum of sums. The ranking join and the grouping
  // sets then read one row per key, not one per cost row.
  const rollup = readableRollup(spec, figures, options)
  const rank = figures.findIndex((f) => f.kind === 'sum' && !QUANTITY_UNITS[f.column])
  const folded = !figures.some((f) => f.kind === 'distinct')
  const keyCount = select.length
  figures.forEach((f, i) => {
    if (f.kind === 'count') return
    const column = requireColumn(columns, f.column)
    select.push(folded ? `sum(${column}) AS r${i}` : `${column} AS r${i}`)
  })
  if (folded) {
    select.push(rollup ? `sum(${quoteIdent(ROLLUP_ROWS)}) AS n` : 'count(*) AS n')
    if (spec.topN !== null && rank >= 0) {
      const column = (figures[rank] as { column: string }).column
      select.push(
        rollup
          ? `sum(${quoteIdent(rollupAbsColumn(column))}) AS a`
          : `sum(abs(${requireColumn(columns, column)})) AS a`,
      )
    }
  }
  const countRows = folded ? 'sum(n)' : 'count(*)'

  const where = whereSql(context, spec)
  const source = pivotSource(rollup, options)
  const groupKeys = Array.from({ length: keyCount }, (_, i) => i + 1).join(', ')
  const ctes = [
    `base AS (SELECT ${select.join(', ')} FROM ${source}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}${
      folded && keyCount > 0 ? ` GROUP BY ${groupKeys}` : ''
    })`,
  ]
  const rows = spec.rows.length
  if (spec.topN !== null && rows > 0) {
    // Ranked by size ignoring sign (credits count too), within each currency: amounts in
    // different currencies are never compared. The first money figure ranks, else the rows.
    const size = rank >= 0 ? (folded ? 'sum(a)' : `sum(abs(r${rank}))`) : countRows
    ctes.push(
      folded
        ? topKeysFolded(keys.length === 2, rank >= 0 ? 'a' : 'n', spec.topN)
        : `top_keys AS (SELECT u0, d0, TRUE AS kept FROM base GROUP BY u0, d0
        QUALIFY row_number() OVER (PARTITION BY u0 ORDER BY ${size} DESC NULLS LAST, d0 NULLS LAST) <= ${spec.topN})`,
      `keyed AS (SELECT base.* EXCLUDE (${rows === 2 ? 'd0, d1' : 'd0'}),
        CASE WHEN top_keys.kept THEN base.d0 END AS d0,${rows === 2 ? ' CASE WHEN top_keys.kept THEN base.d1 END AS d1,' : ''}
        top_keys.kept IS NULL AS other
        FROM base LEFT JOIN top_keys ON base.d0 IS NOT DISTINCT FROM top_keys.d0 AND base.u0 IS NOT DISTINCT FROM top_keys.u0)`,
    )
    if (rows === 2) {
      // Top N per level: the second group-by's N largest within each first-level row too,
      // the rest folded into that row's own (Other), flagged `fold1`.
      ctes.push(
        `top_inner AS (SELECT u0, other, d0, d1, TRUE AS kept FROM keyed GROUP BY u0, other, d0, d1
          QUALIFY row_number() OVER (PARTITION BY u0, other, d0 ORDER BY ${size} DESC NULLS LAST, d1 NULLS LAST) <= ${spec.topN})`,
        `keyed_inner AS (SELECT keyed.* EXCLUDE (d1), CASE WHEN top_inner.kept THEN keyed.d1 END AS d1,
          top_inner.kept IS NULL AS fold1
          FROM keyed LEFT JOIN top_inner ON keyed.u0 IS NOT DISTINCT FROM top_inner.u0
            AND keyed.other = top_inner.other AND keyed.d0 IS NOT DISTINCT FROM top_inner.d0
            AND keyed.d1 IS NOT DISTINCT FROM top_inner.d1)`,
      )
    }
  } else {
    ctes.push('keyed AS (SELECT *, FALSE AS other FROM base)')
  }
  const inner = spec.topN !== null && rows === 2

  const all = ['other', ...(inner ? ['fold1'] : []), ...keys.map((k) => k.name)]
  const rowKeys = ['other', 'd0', 'd1'].slice(0, rows === 0 ? 0 : rows + 1)
  const sets = [all]
  // Subtotals per first-level row and a grand total; always computed (PercentOfTotal reads
  // the grand total), shown only when the spec asks for totals.
  if (rows === 2) sets.push(all.filter((k) => k !== 'd1' && k !== 'fold1'))
  if (rows > 0) sets.push(all.filter((k) => !rowKeys.includes(k) && k !== 'fold1'))
  const level =
    rows === 0
      ? '0'
      : rowKeys
          .slice(1)
          .map((k) => `grouping(${k})`)
          .join(' + ')
  // Figures come back as DuckDB's own DECIMAL and integer types, not text: the engine formats a
  // DECIMAL from its scaled integer (pivot.ts), several times faster than reading DuckDB's
  // 24-character text of each one, and the query skips formatting them.
  const output = [
    `CAST(${level} AS INTEGER) AS lvl`,
    'coalesce(other, FALSE) AS other',
    inner ? 'coalesce(fold1, FALSE) AS fold1' : 'FALSE AS fold1',
    ...keys.map((k) => (k.name === 't' ? `${timeLabelSql(grain, 't')} AS t` : k.name)),
    ...figures.map((f, i) =>
      f.kind === 'count'
        ? `${countRows} AS s${i}`
        : f.kind === 'distinct'
          ? `count(DISTINCT r${i}) AS s${i}`
          : `sum(r${i}) AS s${i}`,
    ),
  ]
  const sql = `WITH ${ctes.join(',\n')}
SELECT ${output.join(', ')}
FROM ${inner ? 'keyed_inner' : 'keyed'}
GROUP BY GROUPING SETS (${sets.map((s) => `(${s.join(', ')})`).join(', ')})`
  const named = keys.map((k) => ({
    sql: k.name,
    role: k.role,
    name:
      k.name === 't'
        ? GRAIN_NAMES[grain]
        : k.name === 'c' && axis && axis.kind !== 'time'
          ? dimensionName(axis)
          : k.role === 'unit'
            ? units[Number(k.name.slice(1))]!
            : dimensionName(spec.rows[Number(k.name.slice(1))]!),
  }))
  return {
    sql,
    params,
    keys: named,
    figures,
    measures,
  }
}

/**
 * The top N first group-by values per currency over a folded `base` (one row per key, with the
 * ranking size in `size`): the N-th largest size of each currency (DuckDB's max(x, N), a heap)
 * bounds the candidates, and only those, ties and NULL sizes included, are sorted with the
 * tie-break on the value. The same keys as sorting every value, without sorting every value:
 * a month holds ~200k resources and a full sort of them cost more than the scan. `unique`: base
 * already holds one row per (d0, u0).
 */
function topKeysFolded(unique: boolean, size: 'a' | 'n', topN: number): string {
  const ranked = unique
    ? `ranked AS (SELECT u0, d0, ${size} AS size FROM base)`
    : `ranked AS (SELECT u0, d0, sum(${size}) AS size FROM base GROUP BY u0, d0)`
  return `${ranked},
      top_cut AS (SELECT u0, min(x) AS m FROM (SELECT u0, unnest(max(size, ${topN})) AS x FROM ranked GROUP BY u0) GROUP BY u0),
      top_keys AS (SELECT ranked.u0, ranked.d0, TRUE AS kept FROM ranked LEFT JOIN top_cut ON ranked.u0 IS NOT DISTINCT FROM top_cut.u0
        WHERE top_cut.m IS NULL OR ranked.size IS NULL OR ranked.size >= top_cut.m
        QUALIFY row_number() OVER (PARTITION BY ranked.u0 ORDER BY ranked.size DESC NULLS LAST, ranked.d0 NULLS LAST) <= ${topN})`
}
