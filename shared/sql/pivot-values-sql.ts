/**
 * The values of one dimension for Explore's filter editor (issue 9, Filters): each value with
 * its row count and billed cost per currency, under the spec's other filters. The filters and
 * conditions on the dimension itself are left out, so the list offers every value a person may
 * include or exclude (as Excel's filter list does). The search is bound, never spliced.
 */
import { NONE_LABEL, type Condition, type Dimension, type PivotSpec } from '../pivot'
import type { PivotOptions } from './pivot-sql'
import { dimensionValueSql, whereContext, whereSql } from './pivot-where-sql'

/** Most values one answer lists; the rest are counted ("N more — refine the search"). */
export const VALUES_LIMIT = 500

/** A compiled values query: one row per value (`value`, `rows`, `costs`) and `matched` on each. */
export interface CompiledValues {
  readonly sql: string
  readonly params: readonly string[]
}

/** True when `a` and `b` name the same column or tag key. */
export function sameDimension(a: Dimension, b: Dimension): boolean {
  return a.kind === 'column'
    ? b.kind === 'column' && a.name === b.name
    : b.kind === 'tag' && a.key === b.key
}

function conditionOn(c: Condition, d: Dimension): boolean {
  if ('dimension' in c) return sameDimension(c.dimension, d)
  if (c.op === 'tagPresent' || c.op === 'tagMissing') return d.kind === 'tag' && d.key === c.key
  return d.kind === 'column' && d.name === c.column
}

/** `text` as an ILIKE pattern matching it literally anywhere: `%`, `_` and `\` are escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
}

/**
 * Compiles the values list of `dimension` for `spec`; `search` keeps values containing it
 * (case-insensitive; "(none)" stands for the missing value), `limit` caps the rows returned.
 */
export function compilePivotValues(
  spec: PivotSpec,
  dimension: Dimension,
  search: string,
  limit: number,
  columns: ReadonlySet<string>,
  options: PivotOptions = {},
): CompiledValues {
  const context = whereContext(columns, options)
  const { bind, params } = context
  const value = dimensionValueSql(context, dimension)
  const where = whereSql(context, {
    dateRange: spec.dateRange,
    ...(spec.dateBasis ? { dateBasis: spec.dateBasis } : {}),
    filters: spec.filters.filter((f) => !sameDimension(f.dimension, dimension)),
    conditions: (spec.conditions ?? []).filter((c) => !conditionOn(c, dimension)),
  })
  const needle = search.trim()
  if (needle !== '') {
    const match = `${value} ILIKE ${bind(containsPattern(needle))} ESCAPE '\\'`
    // The missing value reads "(none)" in the list, so a search for "non" finds it too.
    where.push(NONE_LABEL.includes(needle.toLowerCase()) ? `(${match} OR ${value} IS NULL)` : match)
  }
  // Cost per currency only where the workspace has both columns (a bare custom mapping may not).
  const costed = columns.has('BilledCost') && columns.has('BillingCurrency')
  const cap = Math.max(1, Math.min(VALUES_LIMIT, Math.floor(limit)))
  const filtered = `FROM focus${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`
  const sql = costed
    ? `WITH per AS (SELECT ${value} AS value, "BillingCurrency" AS currency, count(*) AS n, ` +
      `sum("BilledCost") AS cost ${filtered} GROUP BY ALL), ` +
      `v AS (SELECT value, sum(n)::BIGINT AS rows, ` +
      `list({'currency': currency, 'amount': CAST(cost AS VARCHAR)} ORDER BY currency NULLS LAST) ` +
      `FILTER (WHERE cost IS NOT NULL) AS costs FROM per GROUP BY value) ` +
      `SELECT value, rows, costs, count(*) OVER ()::BIGINT AS matched FROM v ` +
      `ORDER BY rows DESC, value NULLS FIRST LIMIT ${cap}`
    : `WITH v AS (SELECT ${value} AS value, count(*)::BIGINT AS rows ${filtered} GROUP BY ALL) ` +
      `SELECT value, rows, [] AS costs, count(*) OVER ()::BIGINT AS matched FROM v ` +
      `ORDER BY rows DESC, value NULLS FIRST LIMIT ${cap}`
  return { sql, params }
}
