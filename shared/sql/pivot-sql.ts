/**
 * Compiles a PivotSpec to SQL over the `focus` view (CONVENTIONS.md #6):
 * identifiers come from the catalog and are quoted, user values are bound
 * parameters. Money is summed per BillingCurrency and quantities per
 * ConsumedUnit, so different currencies or units are never added together.
 *
 * Shape, chosen for speed (measured by `npm run bench`): filter and group the
 * rows once (`agg`), then rank and fold the top N on the small grouped result,
 * and format dates only on the output rows.
 */
import { MONEY_MEASURES, type Dimension, type PivotSpec } from '../pivot'
import type { TagResolver } from '../tags/resolve'
import { quoteIdent, quoteLiteral } from './identifiers'
import {
  pivotSource,
  readableRollup,
  ROLLUP_ROWS,
  type RollupFigure,
  type RollupOptions,
} from './pivot-rollup-sql'
import {
  basisColumn,
  dimensionValueSql,
  PivotSpecError,
  timeLabelSql,
  whereContext,
  whereSql,
} from './pivot-where-sql'

export { PivotSpecError }

/** A compiled query: SQL text, its bound values, and the role of each output column. */
export interface CompiledPivot {
  readonly sql: string
  readonly params: readonly string[]
  readonly columns: ReadonlyArray<{
    name: string
    role: 'time' | 'dimension' | 'unit' | 'value' | 'chart' | 'count' | 'other'
  }>
}

/** Options of the compiler that depend on the workspace's data, its rollups and rows among them. */
export interface PivotOptions extends RollupOptions {
  /** Guard JSON access with json_valid; only needed when some stored Tags are not valid JSON. */
  readonly guardJson?: boolean
  /** The tag alias policy: `tag:<key>` reads the canonical key's original keys (shared/tags). */
  readonly tags?: TagResolver
}

/** The one figure a summary pivot sums or counts (its measure), in rollupFor's terms. */
export function summaryFigure(spec: PivotSpec): RollupFigure {
  return spec.measure === 'RowCount' ? { kind: 'count' } : { kind: 'sum', column: spec.measure }
}

/** Result rows beyond this are cut (the UI says so); a pivot is a summary, not an export. */
export const PIVOT_ROW_LIMIT = 50_000

/** The time column's name per grain (the table header). */
export const GRAIN_NAMES: Record<PivotSpec['timeGrain'], string> = {
  none: 'Time',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
}

/** Compiles `spec`; `columns` are the names the focus view has (the catalog). */
export function compilePivot(
  spec: PivotSpec,
  columns: ReadonlySet<string>,
  options: PivotOptions = {},
): CompiledPivot {
  const context = whereContext(columns, options)
  const { params, tags } = context
  const dimensionSql = (d: Dimension): string => dimensionValueSql(context, d)
  const money = MONEY_MEASURES.includes(spec.measure)
  const unit = money
    ? 'BillingCurrency'
    : spec.measure === 'ConsumedQuantity'
      ? 'ConsumedUnit'
      : null
  const measureColumn = spec.measure === 'RowCount' ? null : spec.measure
  for (const needed of [unit, measureColumn]) {
    if (needed && !columns.has(needed))
      throw new PivotSpecError(`This workspace has no ${needed} column.`)
  }

  const keys: string[] = []
  const out: Array<CompiledPivot['columns'][number]> = []
  const select: string[] = []
  const timed = spec.timeGrain !== 'none'
  if (timed) {
    select.push(`date_trunc(${quoteLiteral(spec.timeGrain)}, ${basisColumn(spec.dateBasis)}) AS t`)
    keys.push('t')
    out.push({ name: GRAIN_NAMES[spec.timeGrain], role: 'time' })
  }
  spec.rows.forEach((d, i) => {
    select.push(`${dimensionSql(d)} AS d${i}`)
    keys.push(`d${i}`)
    const name = d.kind === 'column' ? d.name : `tag:${tags(d.key).canonical}`
    out.push({ name, role: 'dimension' })
  })
  if (unit) {
    select.push(`${quoteIdent(unit)} AS u`)
    keys.push('u')
    out.push({ name: unit, role: 'unit' })
  }
  // Every figure here is a sum or a row count, so a rollup's day groups give the rows' figures:
  // a sum of sums is the sum, and a group stands for x_Rows rows. Top N ranks by the size of
  // the grouped sums (agg's v), which the rollup reproduces exactly.
  const rollup = readableRollup(spec, [summaryFigure(spec)], options)
  const countRows = rollup ? `sum(${quoteIdent(ROLLUP_ROWS)})` : 'count(*)'
  const value = measureColumn ? `sum(${quoteIdent(measureColumn)})` : countRows

  const where = whereSql(context, spec)
  const from = pivotSource(rollup, options)

  const groupBy = keys.length ? ` GROUP BY ${keys.join(', ')}` : ''
  const ctes = [
    `agg AS (SELECT ${[...select, `${value} AS v`, `${countRows} AS n`].join(', ')} FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}${groupBy})`,
  ]
  let source = 'agg'
  let folding = false
  if (spec.topN !== null && spec.rows.length > 0) {
    folding = true
    // The N largest first group-by values by size, ignoring sign (credits count too), ranked
    // within each currency (or unit): amounts in different currencies are never compared.
    const within = unit ? 'PARTITION BY u ' : ''
    ctes.push(
      `top_keys AS (SELECT ${unit ? 'u, ' : ''}d0, TRUE AS kept FROM agg GROUP BY ${unit ? 'u, ' : ''}d0
        QUALIFY row_number() OVER (${within}ORDER BY sum(abs(v)) DESC NULLS LAST, d0 NULLS LAST) <= ${spec.topN})`,
    )
    // The fold is marked by its own flag column, not by a label: a real value "(Other)" and a
    // real NULL stay apart from it.
    const folded = keys.map((k) =>
      k === 'd0' ? 'CASE WHEN top_keys.kept THEN agg.d0 END AS d0' : `agg.${k}`,
    )
    const joinOn = [
      'agg.d0 IS NOT DISTINCT FROM top_keys.d0',
      ...(unit ? ['agg.u IS NOT DISTINCT FROM top_keys.u'] : []),
    ].join(' AND ')
    ctes.push(
      `folded AS (SELECT ${[...folded, 'top_keys.kept IS NULL AS other', 'sum(agg.v) AS v', 'sum(agg.n) AS n'].join(', ')}
        FROM agg LEFT JOIN top_keys ON ${joinOn}
        GROUP BY ${[...keys, 'other'].map((_, i) => i + 1).join(', ')})`,
    )
    source = 'folded'
  }
  const outputKeys = keys.map((k) => (k === 't' ? `${timeLabelSql(spec.timeGrain, 't')} AS t` : k))
  // Within a time bucket: one currency (or unit) after the other, largest first, the fold last.
  const orderBy = [
    ...(timed ? ['t'] : []),
    ...(unit ? ['u'] : []),
    ...(folding ? ['other'] : []),
    'abs(v) DESC',
    ...keys.filter((k) => k !== 't' && k !== 'u'),
  ]
  const sql = `WITH ${ctes.join(',\n')}
SELECT ${[...outputKeys, ...(folding ? ['other'] : []), 'v AS value_text', 'CAST(v AS DOUBLE) AS value_chart', 'n'].join(', ')}
FROM ${source}
ORDER BY ${orderBy.join(', ')} NULLS LAST
LIMIT ${PIVOT_ROW_LIMIT + 1}`
  if (folding) out.push({ name: 'other', role: 'other' })
  out.push({ name: spec.measure === 'RowCount' ? 'Rows' : spec.measure, role: 'value' })
  out.push({ name: 'chart', role: 'chart' })
  out.push({ name: 'rows', role: 'count' })
  return { sql, params, columns: out }
}
