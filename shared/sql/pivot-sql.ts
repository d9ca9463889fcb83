/**
 * Compiles a PivotSpec to SQL over the `focus` view (CONVENTIONS.md #6):
 * identifiers come from the catalog and are quoted, user values are bound
 * parameters. Money is summed per BillingCurrency and quantities per
 * ConsumedUnit, so different currencies or units are never added together.
 */
import { MONEY_MEASURES, OTHER_LABEL, type Dimension, type PivotSpec } from '../pivot'
import { jsonKeyPath, quoteIdent, quoteLiteral } from './identifiers'

/** A compiled query: SQL text, its bound values, and the role of each output column. */
export interface CompiledPivot {
  readonly sql: string
  readonly params: readonly string[]
  readonly columns: ReadonlyArray<{
    name: string
    role: 'time' | 'dimension' | 'unit' | 'value' | 'chart' | 'count'
  }>
}

/** Result rows beyond this are cut (the UI says so); a pivot is a summary, not an export. */
export const PIVOT_ROW_LIMIT = 50_000

/** Thrown for a spec that names columns the workspace does not have. */
export class PivotSpecError extends Error {}

/** Compiles `spec`; `columns` are the names the focus view has (the catalog). */
export function compilePivot(spec: PivotSpec, columns: ReadonlySet<string>): CompiledPivot {
  const params: string[] = []
  const bind = (value: string): string => {
    params.push(value)
    return `$${params.length}`
  }
  const dimensionSql = (d: Dimension): string => {
    if (d.kind === 'tag') {
      if (!columns.has('Tags')) throw new PivotSpecError('This workspace has no Tags column.')
      return `CASE WHEN json_valid("Tags") THEN json_extract_string("Tags", ${bind(jsonKeyPath(d.key))}) END`
    }
    if (!columns.has(d.name)) throw new PivotSpecError(`Unknown column ${d.name}.`)
    return `CAST(${quoteIdent(d.name)} AS VARCHAR)`
  }
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

  const select: string[] = []
  const out: Array<CompiledPivot['columns'][number]> = []
  if (spec.timeGrain !== 'none') {
    const format = spec.timeGrain === 'day' ? '%Y-%m-%d' : '%Y-%m'
    select.push(
      `strftime(date_trunc(${quoteLiteral(spec.timeGrain)}, "ChargePeriodStart"), ${quoteLiteral(format)}) AS t`,
    )
    out.push({ name: spec.timeGrain === 'day' ? 'Day' : 'Month', role: 'time' })
  }
  spec.rows.forEach((d, i) => {
    select.push(`${dimensionSql(d)} AS d${i}`)
    out.push({ name: d.kind === 'column' ? d.name : `tag:${d.key}`, role: 'dimension' })
  })
  if (unit) {
    select.push(`${quoteIdent(unit)} AS u`)
    out.push({ name: unit, role: 'unit' })
  }
  select.push(`${measureColumn ? quoteIdent(measureColumn) : '1'} AS m`)

  const where: string[] = []
  if (spec.dateRange) {
    where.push(`"ChargePeriodStart" >= CAST(${bind(spec.dateRange.start)} AS TIMESTAMPTZ)`)
    where.push(`"ChargePeriodStart" < CAST(${bind(spec.dateRange.end)} AS TIMESTAMPTZ)`)
  }
  for (const filter of spec.filters) {
    const expr = dimensionSql(filter.dimension)
    const values = filter.values.filter((v): v is string => v !== null)
    const parts = values.length > 0 ? [`${expr} IN (${values.map(bind).join(', ')})`] : []
    if (filter.values.includes(null)) parts.push(`${expr} IS NULL`)
    const match = parts.length > 0 ? `(${parts.join(' OR ')})` : 'FALSE'
    where.push(filter.op === 'in' ? match : `NOT coalesce(${match}, FALSE)`)
  }

  const aliases = [
    ...(spec.timeGrain !== 'none' ? ['t'] : []),
    ...spec.rows.map((_, i) => `d${i}`),
    ...(unit ? ['u'] : []),
  ]
  const value = spec.measure === 'RowCount' ? 'count(*)' : 'sum(m)'
  const base = `SELECT ${select.join(', ')} FROM focus${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`
  let source = 'base'
  let ctes = `base AS (${base})`
  if (spec.topN !== null && spec.rows.length > 0) {
    // Rank the first group-by by the size of its total, ignoring sign (credits count too).
    const rankValue = spec.measure === 'RowCount' ? 'count(*)' : 'sum(abs(m))'
    ctes += `, ranked AS (SELECT d0, row_number() OVER (ORDER BY ${rankValue} DESC NULLS LAST, d0 NULLS LAST) AS rk FROM base GROUP BY d0)`
    ctes += `, folded AS (SELECT base.* REPLACE (CASE WHEN ranked.rk <= ${spec.topN} THEN base.d0 ELSE ${quoteLiteral(OTHER_LABEL)} END AS d0) FROM base JOIN ranked ON base.d0 IS NOT DISTINCT FROM ranked.d0)`
    source = 'folded'
  }
  const groupBy = aliases.length ? ` GROUP BY ${aliases.join(', ')}` : ''
  const orderBy = [
    ...(spec.timeGrain !== 'none' ? ['t'] : []),
    'abs(value_sort) DESC',
    ...aliases.filter((a) => a !== 't'),
  ]
  const sql = `WITH ${ctes}
SELECT ${[...aliases, `CAST(${value} AS VARCHAR) AS v`, `CAST(${value} AS DOUBLE) AS f`, 'count(*) AS n', `${value} AS value_sort`].join(', ')}
FROM ${source}${groupBy}
ORDER BY ${orderBy.join(', ')} NULLS LAST
LIMIT ${PIVOT_ROW_LIMIT + 1}`
  out.push({ name: spec.measure === 'RowCount' ? 'Rows' : spec.measure, role: 'value' })
  out.push({ name: 'chart', role: 'chart' })
  out.push({ name: 'rows', role: 'count' })
  return { sql, params, columns: out }
}
