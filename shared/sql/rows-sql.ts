/**
 * Compiles a drill-through request (contract/rows.ts) to SQL over the `focus` view. The
 * conditions are the pivot compiler's own (pivot-where-sql.ts): the same date bounds on the
 * same basis, the same dimension expressions (tags through the alias policy), the same null
 * handling and time labels, so the rows of a cell are exactly the rows its figure sums.
 * Identifiers come from the catalog; values are bound.
 */
import type { RowsPageRequest } from '../contract/rows'
import { quoteIdent, quoteLiteral } from './identifiers'
import type { PivotOptions } from './pivot-sql'
import {
  PivotSpecError,
  basisColumn,
  timeLabelSql,
  whereContext,
  whereSql,
} from './pivot-where-sql'

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
  options: PivotOptions & {
    /** A table of (x_ImportId, x_SourceRow) the rows must be among: a report figure's part. */
    keys?: string
  } = {},
): CompiledRows {
  const known = new Set(columns)
  // The pivot compiler's own conditions (pivot-where-sql.ts): the same rows its figure sums.
  const context = whereContext(known, options)
  const { params, bind } = context
  const where = whereSql(context, request)
  if (request.period) {
    // The bucket as the pivot labels it, on the same date basis.
    const { grain, value } = request.period
    const bucket = `date_trunc(${quoteLiteral(grain)}, ${basisColumn(request.dateBasis)})`
    where.push(`${timeLabelSql(grain, bucket)} = ${bind(value)}`)
  }
  // A figure's part is only its rows once they are resolved (core/evidence/part-rows.ts): never
  // read without them, which would give every row the other conditions select.
  if (request.part && options.keys === undefined)
    throw new PivotSpecError("A report figure's part is read with its rows resolved.")
  if (options.keys !== undefined) {
    // Matched on both columns together: a row number alone also names other imports' rows.
    const keys = quoteIdent(options.keys)
    where.push(
      `EXISTS (SELECT 1 FROM ${keys} AS k WHERE k.x_ImportId = focus.x_ImportId AND k.x_SourceRow = focus.x_SourceRow)`,
    )
  }
  const sort = request.sort
  if (sort && !known.has(sort.column)) throw new PivotSpecError(`Unknown column ${sort.column}.`)
  // The row identity breaks ties, so pages neither repeat nor skip a row.
  const order = [
    ...(sort ? [`${quoteIdent(sort.column)} ${sort.descending ? 'DESC' : 'ASC'} NULLS LAST`] : []),
    ...['x_ImportId', 'x_SourceRow'].filter((c) => known.has(c)).map((c) => quoteIdent(c)),
  ]
  const filtered = `FROM focus${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`
  const limit = `LIMIT ${request.limit} OFFSET ${request.offset}`
  const identity = ['x_ImportId', 'x_SourceRow'].map(quoteIdent)
  if (!known.has('x_ImportId') || !known.has('x_SourceRow'))
    return {
      countSql: `SELECT count(*)::BIGINT AS n ${filtered}`,
      pageSql: `SELECT ${columns.map(rowValueSql).join(', ')} FROM (SELECT * ${filtered}${
        order.length ? ` ORDER BY ${order.join(', ')}` : ''
      } ${limit}) AS page${order.length ? ` ORDER BY ${order.map((o) => `page.${o}`).join(', ')}` : ''}`,
      params,
    }
  // The page's rows are found by their identity first, then read whole: sorting every column
  // of a large cell's rows to keep 50 of them cost seconds. Ordered by the stored columns
  // (page.), never by the text they are shown as ("10" before "9").
  return {
    countSql: `SELECT count(*)::BIGINT AS n ${filtered}`,
    pageSql: `WITH keys AS (SELECT ${identity.join(', ')} ${filtered} ORDER BY ${order.join(', ')} ${limit})
SELECT ${columns.map(rowValueSql).join(', ')} FROM focus AS page SEMI JOIN keys
  ON page.${identity[0]} = keys.${identity[0]} AND page.${identity[1]} = keys.${identity[1]}
ORDER BY ${order.map((o) => `page.${o}`).join(', ')}`,
    params,
  }
}
