/**
 * The SQL of commitment rates (commitment-rates.ts): sums per CommitmentDiscountId and per
 * currency of one billing period ($1, YYYY-MM of BillingPeriodStart in UTC), over the
 * focus view. Every figure is an exact DECIMAL sum; the ratios are divided in TS
 * (divideDecimals), never as DOUBLE. Definitions: shared/commitments/commitment-definitions.ts.
 */

/** Rows of the billing period $1. The session TimeZone is UTC (db/connect.ts). */
const PERIOD_ROWS = `SELECT * FROM focus WHERE strftime(BillingPeriodStart, '%Y-%m') = $1`

// FOCUS 1.4 §CommitmentDiscountStatus: set on Usage rows that consumed (Used) or left
// unconsumed (Unused) a commitment discount. Purchase rows carry none and are kept apart.
const USED = `ChargeCategory = 'Usage' AND CommitmentDiscountStatus = 'Used'`
const UNUSED = `ChargeCategory = 'Usage' AND CommitmentDiscountStatus = 'Unused'`
const COMMITTED = `ChargeCategory = 'Usage' AND CommitmentDiscountStatus IN ('Used', 'Unused')`
const PURCHASE = `ChargeCategory = 'Purchase' AND CommitmentDiscountId IS NOT NULL`

const sum = (column: string, where: string): string =>
  `coalesce(sum(${column}) FILTER (WHERE ${where}), 0)::VARCHAR`
const count = (what: string, where: string): string =>
  `count(${what}) FILTER (WHERE ${where})::BIGINT`

/** Every billing period of the data, latest first. */
export const RATE_PERIODS_SQL = `SELECT DISTINCT strftime(BillingPeriodStart, '%Y-%m') AS period
  FROM focus WHERE BillingPeriodStart IS NOT NULL ORDER BY period DESC`

/** The last charge day of the data (the default "as of" day of expiries). */
export const LAST_CHARGE_DAY_SQL = `SELECT strftime(max(ChargePeriodStart), '%Y-%m-%d') AS day FROM focus`

/** Per commitment discount and currency of period $1: its sums and row counts. */
export const COMMITMENT_RATES_SQL = `SELECT CommitmentDiscountId AS id, BillingCurrency AS currency,
    max(CommitmentDiscountType) AS type, max(CommitmentDiscountCategory) AS category,
    ${sum('EffectiveCost', USED)} AS used,
    ${sum('EffectiveCost', UNUSED)} AS unused,
    ${sum('ListCost', USED)} AS used_list,
    ${count('*', USED)} AS used_rows,
    ${count('ListCost', USED)} AS used_list_rows,
    ${sum('CommitmentDiscountQuantity', USED)} AS used_quantity,
    ${sum('CommitmentDiscountQuantity', UNUSED)} AS unused_quantity,
    ${count('*', COMMITTED)} AS committed_rows,
    ${count('CommitmentDiscountQuantity', COMMITTED)} AS quantity_rows,
    count(DISTINCT CommitmentDiscountUnit) FILTER (WHERE ${COMMITTED})::BIGINT AS units,
    max(CommitmentDiscountUnit) FILTER (WHERE ${COMMITTED}) AS unit,
    ${sum('BilledCost', PURCHASE)} AS purchases
  FROM (${PERIOD_ROWS}) WHERE CommitmentDiscountId IS NOT NULL AND ((${COMMITTED}) OR (${PURCHASE}))
  GROUP BY CommitmentDiscountId, BillingCurrency
  ORDER BY BillingCurrency NULLS LAST, CommitmentDiscountId`

// Eligible for coverage: covered usage, and on-demand (Standard) usage of a service that
// commitments covered in the period (NULL ServiceName matching NULL).
const ELIGIBLE = `(${USED}) OR (ChargeCategory = 'Usage' AND PricingCategory = 'Standard'
    AND CommitmentDiscountStatus IS DISTINCT FROM 'Unused' AND EXISTS (SELECT 1 FROM covered_services s
      WHERE s.ServiceName IS NOT DISTINCT FROM p.ServiceName))`
// Usage that ran: every Usage row but the Unused commitment rows (their ListCost is not usage).
const RAN = `ChargeCategory = 'Usage' AND CommitmentDiscountStatus IS DISTINCT FROM 'Unused'`

/** Per currency of period $1: commitment, coverage, savings and ESR sums with their row counts. */
export const COMMITMENT_TOTALS_SQL = `WITH p AS (${PERIOD_ROWS}),
  covered_services AS (SELECT DISTINCT ServiceName FROM p WHERE ${USED})
  SELECT BillingCurrency AS currency,
    ${sum('EffectiveCost', USED)} AS used,
    ${sum('EffectiveCost', UNUSED)} AS unused,
    ${sum('ListCost', USED)} AS covered_list,
    ${count('*', USED)} AS covered_rows,
    ${count('ListCost', USED)} AS covered_list_rows,
    ${sum('ListCost', ELIGIBLE)} AS eligible_list,
    ${sum('EffectiveCost', ELIGIBLE)} AS eligible_effective,
    ${count('*', ELIGIBLE)} AS eligible_rows,
    ${count('ListCost', ELIGIBLE)} AS eligible_list_rows,
    ${sum('ListCost', RAN)} AS usage_list,
    ${count('*', RAN)} AS usage_rows,
    ${count('ListCost', RAN)} AS usage_list_rows,
    ${sum('EffectiveCost', "ChargeCategory = 'Usage'")} AS usage_effective,
    ${sum('BilledCost', PURCHASE)} AS purchases
  FROM p GROUP BY BillingCurrency
  HAVING count(*) FILTER (WHERE ChargeCategory = 'Usage' OR ${PURCHASE}) > 0
  ORDER BY BillingCurrency NULLS LAST`
