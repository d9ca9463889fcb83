/**
 * The SQL of unit economics (electron/core/unit-costs): the business metrics tables, and
 * the two sides of a cost per unit, each bucketed with the pivot's own time labels
 * (pivot-where-sql.ts timeLabelSql) so a figure's rows are the rows the Rows drawer finds.
 */
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import { timeLabelSql, type WhereContext } from '../../../shared/sql/pivot-where-sql'

/** Created with a new workspace and on the upgrade to format 5 (schema.ts FORMAT_5_TABLES). */
export const UNIT_COST_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS metric_imports (
    id INTEGER PRIMARY KEY, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
    "values" INTEGER NOT NULL, replaced INTEGER NOT NULL, imported_at TIMESTAMPTZ NOT NULL,
    actor VARCHAR NOT NULL)`,
  // One value per metric, dimension and date, kept so by importMetrics (no key index: a
  // replace deletes and inserts one key in one transaction, which DuckDB's ART refuses).
  // A later import's value replaces the earlier one; dimension '' is the metric as a whole.
  `CREATE TABLE IF NOT EXISTS metric_values (
    metric VARCHAR NOT NULL, dimension VARCHAR NOT NULL, on_date DATE NOT NULL,
    value DECIMAL(38,18) NOT NULL, import_id INTEGER NOT NULL)`,
]

/** The time grains a cost per unit is read at. */
export type UnitGrain = 'day' | 'week' | 'month'

/** The bucket label of a timestamp or date expression, as the pivot prints it. */
export function bucketSql(grain: UnitGrain, expression: string): string {
  return timeLabelSql(grain, `date_trunc(${quoteLiteral(grain)}, ${expression})`)
}

/** Cost per bucket and currency of the focus rows matching `where` (ChargePeriodStart basis). */
export function costSideSql(
  grain: UnitGrain,
  costMetric: 'BilledCost' | 'EffectiveCost',
  where: readonly string[],
): string {
  return `SELECT ${bucketSql(grain, '"ChargePeriodStart"')} AS period,
    "BillingCurrency" AS currency, CAST(coalesce(sum(${quoteIdent(costMetric)}), 0) AS VARCHAR) AS cost,
    count(*)::BIGINT AS n
  FROM focus${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
  GROUP BY 1, 2 ORDER BY 1, 2`
}

/**
 * Units per bucket of one metric: every dimension value summed unless `dimension` is given
 * ('' is the metric as a whole), and the number of days that had a value.
 */
export function unitSideSql(
  context: Pick<WhereContext, 'bind'>,
  grain: UnitGrain,
  metric: string,
  dimension: string | undefined,
  range: { start: string | null; end: string | null } | null,
): string {
  const { bind } = context
  const where = [`metric = ${bind(metric)}`]
  if (dimension !== undefined) where.push(`dimension = ${bind(dimension)}`)
  if (range?.start) where.push(`on_date >= CAST(${bind(range.start)} AS DATE)`)
  if (range?.end) where.push(`on_date < CAST(${bind(range.end)} AS DATE)`)
  return `SELECT ${bucketSql(grain, 'on_date')} AS period, CAST(sum(value) AS VARCHAR) AS units,
    count(DISTINCT on_date)::INT AS days
  FROM metric_values WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`
}

/** The metrics stored: per metric and dimension, how many values and their first and last date. */
export const METRICS_LIST_SQL = `SELECT metric, dimension, count(*)::INT AS n,
    strftime(min(on_date), '%Y-%m-%d') AS first, strftime(max(on_date), '%Y-%m-%d') AS last
  FROM metric_values GROUP BY 1, 2 ORDER BY 1, 2`

/** The metrics files imported, oldest first. */
export const METRIC_IMPORTS_SQL = `SELECT id, file_name, sha256, "values" AS n, replaced,
    strftime(imported_at, '%Y-%m-%dT%H:%M:%SZ') AS at, actor
  FROM metric_imports ORDER BY id`
