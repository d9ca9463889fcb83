/**
 * The cost-debt backlog's tables and the SQL of its candidates (electron/core/backlog).
 * Candidate queries read the `focus` view over one window of days [start, end) bound as
 * dates; the caller adds the scope's WHERE (pivot-where-sql.ts) where one applies. Money
 * stays DECIMAL: sums are cast to text, never divided here.
 */

/** Created with a new workspace and on the upgrade to format 5 (schema.ts FORMAT_5_TABLES). */
export const BACKLOG_TABLES: readonly string[] = [
  // scope: JSON of the item's BacklogScope (a pivot filter set or a saved view's name).
  // effort: 1 (hours) … 5 (a quarter); source: the candidate key it was accepted from.
  `CREATE TABLE IF NOT EXISTS backlog_items (
    id INTEGER NOT NULL, title VARCHAR NOT NULL, scope VARCHAR NOT NULL, owner VARCHAR NOT NULL,
    expected_savings DECIMAL(38,18) NOT NULL, currency VARCHAR NOT NULL, risk VARCHAR NOT NULL,
    effort INTEGER NOT NULL, status VARCHAR NOT NULL, due_date DATE, change_date DATE,
    source VARCHAR, notes VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL,
    created_by VARCHAR NOT NULL, updated_at TIMESTAMPTZ NOT NULL, updated_by VARCHAR NOT NULL)`,
]

/** Every item, oldest first, with dates and times as text. */
export const BACKLOG_ITEMS_SQL = `SELECT id, title, scope, owner,
    CAST(expected_savings AS VARCHAR) AS expected_savings, currency, risk, effort, status,
    strftime(due_date, '%Y-%m-%d') AS due_date, strftime(change_date, '%Y-%m-%d') AS change_date,
    source, notes, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, created_by,
    strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at, updated_by
  FROM backlog_items ORDER BY id`

/** Inserts one item ($1 … $14); both times are now. */
export const INSERT_ITEM_SQL = `INSERT INTO backlog_items VALUES ($1, $2, $3, $4,
    CAST($5 AS DECIMAL(38,18)), $6, $7, $8, $9, CAST($10 AS DATE), CAST($11 AS DATE), $12, $13,
    now(), $14, now(), $14)`

/** Rewrites one item's editable fields ($1 is its id). */
export const UPDATE_ITEM_SQL = `UPDATE backlog_items SET title = $2, scope = $3, owner = $4,
    expected_savings = CAST($5 AS DECIMAL(38,18)), currency = $6, risk = $7, effort = $8,
    status = $9, due_date = CAST($10 AS DATE), change_date = CAST($11 AS DATE), notes = $12,
    updated_at = now(), updated_by = $13
  WHERE id = $1`

/** The first day with data and the day after the last (UTC), over every row of the workspace. */
export const DATA_DAYS_SQL = `SELECT strftime(min(ChargePeriodStart)::DATE, '%Y-%m-%d') AS first_day,
    strftime(max(ChargePeriodStart)::DATE + 1, '%Y-%m-%d') AS end_day FROM focus`

/** Most candidates of one kind: the largest, so the list stays one a person reads. */
export const CANDIDATE_LIMIT = 25

/** The window [$1, $2) on ChargePeriodStart, as dates. */
const WINDOW = `ChargePeriodStart >= CAST($1 AS TIMESTAMPTZ) AND ChargePeriodStart < CAST($2 AS TIMESTAMPTZ)`

/**
 * Unused commitment cost per commitment and currency: rows whose CommitmentDiscountStatus is
 * Unused (FOCUS 1.2 §CommitmentDiscountStatus), their EffectiveCost being the unused share.
 */
export const UNUSED_COMMITMENTS_SQL = `SELECT CommitmentDiscountId AS key,
    any_value(CommitmentDiscountName) AS name, BillingCurrency AS currency,
    CAST(sum(EffectiveCost) AS VARCHAR) AS cost, count(*)::BIGINT AS n
  FROM focus
  WHERE CommitmentDiscountStatus = 'Unused' AND CommitmentDiscountId IS NOT NULL AND ${WINDOW}
  GROUP BY 1, 3 HAVING sum(EffectiveCost) > 0 ORDER BY sum(EffectiveCost) DESC, 1 LIMIT ${CANDIDATE_LIMIT}`

/**
 * Resources whose EffectiveCost in the ISO week [$2, $3) grew more than $4 percent over
 * the week [$1, $2): both weeks' sums per resource and currency, the earlier above zero.
 */
export const WEEK_GROWTH_SQL = `WITH weeks AS (
    SELECT ResourceId AS key, any_value(ResourceName) AS name, BillingCurrency AS currency,
      sum(CASE WHEN ChargePeriodStart < CAST($2 AS TIMESTAMPTZ) THEN EffectiveCost ELSE 0 END) AS prev_cost,
      sum(CASE WHEN ChargePeriodStart >= CAST($2 AS TIMESTAMPTZ) THEN EffectiveCost ELSE 0 END) AS last_cost,
      count(*)::BIGINT AS n
    FROM focus
    WHERE ResourceId IS NOT NULL AND ChargePeriodStart >= CAST($1 AS TIMESTAMPTZ)
      AND ChargePeriodStart < CAST($3 AS TIMESTAMPTZ)
    GROUP BY 1, 3)
  SELECT key, name, currency, CAST(prev_cost AS VARCHAR) AS prev_cost, CAST(last_cost AS VARCHAR) AS last_cost, n
  FROM weeks WHERE prev_cost > 0 AND last_cost * 100 > prev_cost * (100 + CAST($4 AS INTEGER))
  ORDER BY last_cost - prev_cost DESC, key LIMIT ${CANDIDATE_LIMIT}`

/**
 * Resources that look idle over the window: usage with EffectiveCost above zero while every
 * row's ConsumedQuantity is 0 or null (paid for, not used). Unused commitment rows are left to
 * their own candidate, and purchases, taxes and credits are not usage.
 */
export const IDLE_RESOURCES_SQL = `SELECT ResourceId AS key, any_value(ResourceName) AS name,
    BillingCurrency AS currency, CAST(sum(EffectiveCost) AS VARCHAR) AS cost, count(*)::BIGINT AS n
  FROM focus
  WHERE ResourceId IS NOT NULL AND ChargeCategory = 'Usage'
    AND coalesce(CommitmentDiscountStatus, '') <> 'Unused' AND ${WINDOW}
  GROUP BY 1, 3
  HAVING sum(EffectiveCost) > 0 AND bool_and(ConsumedQuantity IS NULL OR ConsumedQuantity = 0)
  ORDER BY sum(EffectiveCost) DESC, 1 LIMIT ${CANDIDATE_LIMIT}`

/**
 * Spend without an owner tag per sub account and currency; `untagged` is the WHERE of the
 * owner keys' tagMissing conditions (pivot-where-sql.ts, through the tag alias policy), whose
 * parameters follow $1 and $2.
 */
export function untaggedSpendSql(untagged: readonly string[]): string {
  return `SELECT SubAccountName AS key, any_value(SubAccountId) AS name, BillingCurrency AS currency,
      CAST(sum(EffectiveCost) AS VARCHAR) AS cost, count(*)::BIGINT AS n
    FROM focus
    WHERE ${WINDOW} AND ${untagged.join(' AND ')}
    GROUP BY 1, 3 HAVING sum(EffectiveCost) > 0
    ORDER BY sum(EffectiveCost) DESC, 1 NULLS LAST LIMIT ${CANDIDATE_LIMIT}`
}

/**
 * A scope's cost per currency in [$1, $2) and in [$2, $3) (the days before and after a change),
 * in the chosen cost metric; `where` holds the scope's conditions, whose parameters follow $3.
 */
export function beforeAfterSql(
  metric: 'BilledCost' | 'EffectiveCost',
  where: readonly string[],
): string {
  const m = `"${metric}"`
  return `SELECT BillingCurrency AS currency,
      CAST(sum(CASE WHEN ChargePeriodStart < CAST($2 AS TIMESTAMPTZ) THEN ${m} ELSE 0 END) AS VARCHAR) AS before_cost,
      CAST(sum(CASE WHEN ChargePeriodStart >= CAST($2 AS TIMESTAMPTZ) THEN ${m} ELSE 0 END) AS VARCHAR) AS after_cost,
      count(*)::BIGINT AS n
    FROM focus
    WHERE ChargePeriodStart >= CAST($1 AS TIMESTAMPTZ) AND ChargePeriodStart < CAST($3 AS TIMESTAMPTZ)
      ${where.map((w) => `AND ${w}`).join(' ')}
    GROUP BY 1 ORDER BY 1`
}
