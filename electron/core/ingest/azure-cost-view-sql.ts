/**
 * SQL of Azure cost views (azure-cost-view.ts): what an import's stored rows say about the
 * export they came from, and how its rows count beside the other view's imports.
 */

/** Counted (not superseded) scopes of Azure imports, with their cost view. */
const COUNTED_VIEW_SCOPES = `counted AS (
    SELECT i.import_id, v.cost_view, i.billing_account_id, i.billing_period_start
    FROM import_scopes i JOIN import_cost_views v ON v.import_id = i.import_id
    WHERE NOT EXISTS (SELECT 1 FROM superseded_scopes s WHERE s.import_id = i.import_id
      AND s.provider IS NOT DISTINCT FROM i.provider
      AND s.billing_account_id IS NOT DISTINCT FROM i.billing_account_id
      AND s.billing_period_start IS NOT DISTINCT FROM i.billing_period_start))`

/**
 * The evidence in import $1's stored rows (reference/mappings.md §1): commitment purchases and
 * refunds are only in the actual export; unused commitment, and commitment-covered usage with
 * an amortized cost, only in the amortized one; covered usage at cost 0 hints actual.
 */
export const COST_VIEW_EVIDENCE_SQL = `SELECT
    count(*) FILTER (WHERE ChargeCategory = 'Purchase' AND PricingCategory = 'Committed')::BIGINT AS prepaid,
    count(*) FILTER (WHERE CommitmentDiscountStatus = 'Unused'
      OR (CommitmentDiscountStatus = 'Used' AND EffectiveCost <> 0))::BIGINT AS amortized,
    count(*) FILTER (WHERE CommitmentDiscountStatus = 'Used' AND EffectiveCost = 0)::BIGINT AS covered_at_zero
  FROM cost_rows WHERE x_ImportId = $1`

/** Records import $1's cost view ($2) and who told it ($3: data or user). */
export const INSERT_COST_VIEW_SQL = 'INSERT INTO import_cost_views VALUES ($1, $2, $3)'

/**
 * Per Azure import (all, or only `where` over import_cost_views `v`): its view, who told it, the
 * other view's imports counted for the same billing account and period, and how many of its rows
 * the merge leaves out of the focus view (an actual import's rows other than commitment purchases
 * and refunds, in a period an amortized import counts; schema.ts FOCUS_VIEW).
 */
export function costViewFactsSql(where: string): string {
  return `WITH ${COUNTED_VIEW_SCOPES},
  merged AS (
    SELECT x.import_id, list(DISTINCT y.import_id ORDER BY y.import_id) AS ids
    FROM counted x JOIN counted y ON y.cost_view <> x.cost_view
      AND y.billing_account_id IS NOT DISTINCT FROM x.billing_account_id
      AND y.billing_period_start IS NOT DISTINCT FROM x.billing_period_start
    GROUP BY 1),
  left_out AS (
    SELECT c.x_ImportId AS import_id, count(*)::BIGINT AS n
    FROM cost_rows c
    WHERE c.x_ImportId IN (SELECT import_id FROM import_cost_views WHERE cost_view = 'actual')
      AND c.x_ImportId IN (SELECT import_id FROM merged)
      AND NOT (c.ChargeCategory = 'Purchase' AND c.PricingCategory = 'Committed')
      AND NOT EXISTS (SELECT 1 FROM superseded_scopes s WHERE s.import_id = c.x_ImportId
        AND s.provider IS NOT DISTINCT FROM c.ServiceProviderName
        AND s.billing_account_id IS NOT DISTINCT FROM c.BillingAccountId
        AND s.billing_period_start IS NOT DISTINCT FROM c.BillingPeriodStart)
      AND EXISTS (SELECT 1 FROM counted y WHERE y.cost_view = 'amortized'
        AND y.billing_account_id IS NOT DISTINCT FROM c.BillingAccountId
        AND y.billing_period_start IS NOT DISTINCT FROM c.BillingPeriodStart)
    GROUP BY 1)
  SELECT v.import_id, v.cost_view, v.chosen_by, m.ids AS merged_with, coalesce(l.n, 0) AS rows_not_counted
  FROM import_cost_views v LEFT JOIN merged m ON m.import_id = v.import_id
    LEFT JOIN left_out l ON l.import_id = v.import_id
  ${where ? `WHERE ${where}` : ''} ORDER BY v.import_id`
}
