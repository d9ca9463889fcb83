/**
 * The SQL of commitment rates (commitment-rates.ts): sums per CommitmentDiscountId and per
 * currency of one billing period ($1, YYYY-MM of BillingPeriodStart in UTC), over the
 * focus view. Every figure is an exact DECIMAL sum; the ratios are divided in TS
 * (divideDecimals), never as DOUBLE. Definitions: shared/commitments/commitment-definitions.ts.
 */

/**
 * The columns read, of the rows of billing period $1 (YYYY-MM). A range on BillingPeriodStart
 * (the session TimeZone is UTC, db/connect.ts) rather than strftime(…) = $1, so DuckDB can
 * skip row groups of other months; the rows are the same.
 */
const PERIOD_ROWS = `SELECT ChargeCategory, CommitmentDiscountStatus, CommitmentDiscountId,
    CommitmentDiscountType, CommitmentDiscountCategory, CommitmentDiscountQuantity,
    CommitmentDiscountUnit, PricingCategory, ServiceName, BillingCurrency, EffectiveCost,
    ListCost, ContractedCost, BilledCost
  FROM focus WHERE BillingPeriodStart >= CAST($1 || '-01' AS TIMESTAMPTZ)
    AND BillingPeriodStart < CAST($1 || '-01' AS TIMESTAMPTZ) + INTERVAL 1 MONTH`

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

/** Every billing period of the data (YYYY-MM of BillingPeriodStart in UTC), latest first. */
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
    ${sum('ContractedCost', USED)} AS used_contracted,
    ${count('ContractedCost', USED)} AS used_contracted_rows,
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
// commitments covered in the period (NULL ServiceName matching NULL; `covered` from the join).
const ELIGIBLE = `(${USED}) OR (ChargeCategory = 'Usage' AND PricingCategory = 'Standard'
    AND CommitmentDiscountStatus IS DISTINCT FROM 'Unused' AND covered)`
// Usage that ran: every Usage row but the Unused commitment rows (their ListCost is not usage).
const RAN = `ChargeCategory = 'Usage' AND CommitmentDiscountStatus IS DISTINCT FROM 'Unused'`

/** Per currency of period $1: commitment, coverage, savings and ESR sums with their row counts. */
export const COMMITMENT_TOTALS_SQL = `WITH p AS (${PERIOD_ROWS}),
  covered_services AS (SELECT DISTINCT ServiceName AS service, TRUE AS covered FROM p WHERE ${USED}),
  t AS (SELECT p.*, coalesce(s.covered, FALSE) AS covered FROM p
    LEFT JOIN covered_services s ON s.service IS NOT DISTINCT FROM p.ServiceName)
  SELECT BillingCurrency AS currency,
    ${sum('EffectiveCost', USED)} AS used,
    ${sum('EffectiveCost', UNUSED)} AS unused,
    ${sum('ListCost', USED)} AS covered_list,
    ${count('*', USED)} AS covered_rows,
    ${count('ListCost', USED)} AS covered_list_rows,
    ${sum('ContractedCost', USED)} AS covered_contracted,
    ${count('ContractedCost', USED)} AS covered_contracted_rows,
    ${sum('ListCost', ELIGIBLE)} AS eligible_list,
    ${sum('EffectiveCost', ELIGIBLE)} AS eligible_effective,
    ${count('*', ELIGIBLE)} AS eligible_rows,
    ${count('ListCost', ELIGIBLE)} AS eligible_list_rows,
    ${sum('ListCost', RAN)} AS usage_list,
    ${count('*', RAN)} AS usage_rows,
    ${count('ListCost', RAN)} AS usage_list_rows,
    ${sum('EffectiveCost', "ChargeCategory = 'Usage'")} AS usage_effective,
    ${sum('BilledCost', PURCHASE)} AS purchases
  FROM t GROUP BY BillingCurrency
  HAVING count(*) FILTER (WHERE ChargeCategory = 'Usage' OR ${PURCHASE}) > 0
  ORDER BY BillingCurrency NULLS LAST`
