/** The budgets table (electron/core/budgets): one budget per month, dimension value and currency. */

/** Created with a new workspace and on the upgrade to format 5 (schema.ts FORMAT_5_TABLES). */
export const BUDGET_TABLES: readonly string[] = [
  // dimension: a focus column or tag:<key>; thresholds: percents as JSON, e.g. [50,80,100].
  `CREATE TABLE IF NOT EXISTS budgets (
    period VARCHAR NOT NULL, dimension VARCHAR NOT NULL, value VARCHAR NOT NULL,
    currency VARCHAR NOT NULL, amount DECIMAL(38,18) NOT NULL, thresholds VARCHAR NOT NULL,
    updated_by VARCHAR NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (period, dimension, value, currency))`,
]

/** The stored budgets, of one period or all ($1 NULL), in a stable order. */
export const LIST_BUDGETS_SQL = `SELECT period, dimension, value, currency,
    CAST(amount AS VARCHAR) AS amount, thresholds, updated_by,
    strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at
  FROM budgets WHERE $1::VARCHAR IS NULL OR period = $1::VARCHAR
  ORDER BY period, dimension, value, currency`

/** Inserts or replaces one budget. */
export const UPSERT_BUDGET_SQL = `INSERT OR REPLACE INTO budgets
  VALUES ($1, $2, $3, $4, CAST($5 AS DECIMAL(38,18)), $6, $7, now())`

/** Deletes one budget by its key. */
export const DELETE_BUDGET_SQL =
  'DELETE FROM budgets WHERE period = $1 AND dimension = $2 AND value = $3 AND currency = $4'

/** The first and last day with cost rows (by ChargePeriodStart, UTC). */
export const DATA_DAYS_SQL = `SELECT strftime(min(ChargePeriodStart), '%Y-%m-%d') AS first_day,
    strftime(max(ChargePeriodStart), '%Y-%m-%d') AS last_day FROM focus`

/**
 * The daily cost per currency of several dimensions' values from $1 to $2 (days, both
 * included), in one scan: `values[i]` is dimension i's SQL and `lists[i]` the placeholder of
 * the JSON array of its values that budgets name; `metric` is a checked column. Grouping sets
 * group every value first (a few thousand groups), then only the listed ones are returned,
 * so 200 budgets over five dimensions cost one pass over the rows.
 */
export function dailyCostSql(
  values: readonly string[],
  lists: readonly string[],
  metric: string,
): string {
  const dims = values.map((_, i) => `v${i}`)
  const which = (pick: (i: number) => string): string =>
    `CASE ${dims.map((d, i) => `WHEN GROUPING(${d}) = 0 THEN ${pick(i)}`).join(' ')} END`
  return `WITH src AS (
      SELECT ${values.map((v, i) => `${v} AS v${i}`).join(', ')}, BillingCurrency AS currency,
        CAST(ChargePeriodStart AS DATE) AS d, ${metric} AS cost
      FROM focus
      WHERE ChargePeriodStart >= CAST($1 AS TIMESTAMPTZ)
        AND ChargePeriodStart < CAST($2 AS TIMESTAMPTZ) + INTERVAL 1 DAY),
    grouped AS (
      SELECT ${which((i) => String(i))} AS dim, ${which((i) => `v${i}`)} AS value,
        currency, d, sum(cost) AS cost
      FROM src
      GROUP BY GROUPING SETS (${dims.map((d) => `(${d}, currency, d)`).join(', ')}))
    SELECT dim, value, currency, strftime(d, '%Y-%m-%d') AS day, CAST(cost AS VARCHAR) AS cost
    FROM grouped
    WHERE ${lists
      .map(
        (l, i) =>
          `(dim = ${i} AND value IN (SELECT unnest(from_json(${l}::VARCHAR, '["VARCHAR"]'))))`,
      )
      .join(' OR ')}`
}
