/**
 * Compiles a drill-through request (contract/rows.ts) to SQL over the `focus` view. The
 * conditions are the pivot compiler's own (pivot-sql.ts): the same date bounds on
 * ChargePeriodStart, the same dimension expressions (`CAST(col AS VARCHAR)`, tagValueSql
 * through the alias policy) and the same null handling, so the rows of a cell are exactly
 * the rows its figure sums. Identifiers come from the catalog; values are bound.
 */
import type { RowsPageRequest } from '../contract/rows'
import type { Dimension } from '../pivot'
import { LITERAL_TAGS } from '../tags/resolve'
import { tagValueSql } from '../tags/tag-sql'
import { quoteIdent, quoteLiteral } from './identifiers'
import { PivotSpecError, type PivotOptions } from './pivot-sql'

/** The compiled page: the count query, the page query, and their shared bound values. */
export interface CompiledRows {
  readonly countSql: string
  readonly pageSql: string
  readonly params: readonly string[]
}

/** Columns the page shows as text exactly as stored (DECIMAL keeps every digit). */
export function rowValueSql(column: string): string {
  return `CAST(${quoteIdent(column)} AS VARCHAR) AS ${quoteIdent(column)}`
}

/** Compiles `request` over the focus view whose columns are `columns` (in catalog order). */
export function compileRowsPage(
  request: RowsPageRequest,
  columns: readonly string[],
  options: PivotOptions = {},
): CompiledRows {
  const known = new Set(columns)
  const params: string[] = []
  const bind = (value: string): string => {
    params.push(value)
    return `$${params.length}`
  }
  const tags = options.tags ?? LITERAL_TAGS
  const dimensionSql = (d: Dimension): string => {
    if (d.kind === 'tag') {
      if (!known.has('Tags')) throw new PivotSpecError('This workspace has no Tags column.')
      return tagValueSql(tags(d.key).keys, bind, options.guardJson !== false)
    }
    if (!known.has(d.name)) throw new PivotSpecError(`Unknown column ${d.name}.`)
    return `CAST(${quoteIdent(d.name)} AS VARCHAR)`
  }
  const where: string[] = []
  const { start = null, end = null } = request.dateRange ?? {}
  if (start) where.push(`"ChargePeriodStart" >= CAST(${bind(start)} AS TIMESTAMPTZ)`)
  if (end) where.push(`"ChargePeriodStart" < CAST(${bind(end)} AS TIMESTAMPTZ)`)
  if (request.period) {
    // The bucket as the pivot prints it (pivot-sql.ts formats date_trunc the same way).
    const { grain, value } = request.period
    const format = grain === 'day' ? '%Y-%m-%d' : '%Y-%m'
    where.push(
      `strftime(date_trunc(${quoteLiteral(grain)}, "ChargePeriodStart"), ${quoteLiteral(format)}) = ${bind(value)}`,
    )
  }
  for (const filter of request.filters) {
    const expr = dimensionSql(filter.dimension)
    const values = filter.values.filter((v): v is string => v !== null)
    const parts = values.length > 0 ? [`${expr} IN (${values.map(bind).join(', ')})`] : []
    if (filter.values.includes(null)) parts.push(`${expr} IS NULL`)
    const match = parts.length > 0 ? `(${parts.join(' OR ')})` : 'FALSE'
    where.push(filter.op === 'in' ? match : `NOT coalesce(${match}, FALSE)`)
  }
  const sort = request.sort
  if (sort && !known.has(sort.column)) throw new PivotSpecError(`Unknown column ${sort.column}.`)
  // The row identity breaks ties, so pages neither repeat nor skip a row.
  const order = [
    ...(sort ? [`${quoteIdent(sort.column)} ${sort.descending ? 'DESC' : 'ASC'} NULLS LAST`] : []),
    ...['x_ImportId', 'x_SourceRow'].filter((c) => known.has(c)).map((c) => quoteIdent(c)),
  ]
  const filtered = `FROM focus${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`
  return {
    countSql: `SELECT count(*)::BIGINT AS n ${filtered}`,
    pageSql: `SELECT ${columns.map(rowValueSql).join(', ')} ${filtered}${
      order.length ? ` ORDER BY ${order.join(', ')}` : ''
    } LIMIT ${request.limit} OFFSET ${request.offset}`,
    params,
  }
}
