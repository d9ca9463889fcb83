/**
 * The SQL of the vendor register (electron/core/vendors): the vendors and contracts entered
 * by hand, and the vendors the data names with their cost per billing period and currency.
 */
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import { VENDOR_ROLE_COLUMNS } from '../../../shared/vendors/rows-request'

/** Created with a new workspace and on the upgrade to format 5 (schema.ts FORMAT_5_TABLES). */
export const VENDOR_TABLES: readonly string[] = [
  // One row per vendor or contract entered by hand (SaaS, tools, or a cloud provider's
  // contract terms); its name matches the data's vendor names case-insensitively.
  `CREATE TABLE IF NOT EXISTS vendors (
    id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, category VARCHAR, owner VARCHAR,
    contract_start DATE, contract_end DATE, renewal_date DATE, notice_days INTEGER,
    data_held VARCHAR, exit_plan VARCHAR, annual_value DECIMAL(38,18), currency VARCHAR,
    updated_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL)`,
]

/**
 * Per vendor name, role, billing period and currency: rows, BilledCost and EffectiveCost.
 * A row counts once under each role it names the vendor in (AWS provides a Red Hat listing
 * that Red Hat publishes and Amazon invoices), so roles are never added together.
 */
export function dataVendorsSql(columns: ReadonlySet<string>): string {
  const roles = Object.entries(VENDOR_ROLE_COLUMNS).map(([role, column]) => ({ role, column }))
  const parts = roles
    .filter((r) => columns.has(r.column))
    .map(
      (r) => `SELECT ${quoteIdent(r.column)} AS name, ${quoteLiteral(r.role)} AS role,
      strftime("BillingPeriodStart", '%Y-%m') AS period, "BillingCurrency" AS currency,
      count(*)::BIGINT AS n, CAST(coalesce(sum("BilledCost"), 0) AS VARCHAR) AS billed,
      CAST(coalesce(sum("EffectiveCost"), 0) AS VARCHAR) AS effective
    FROM focus WHERE ${quoteIdent(r.column)} IS NOT NULL AND ${quoteIdent(r.column)} <> ''
    GROUP BY 1, 2, 3, 4`,
    )
  if (parts.length === 0)
    return `SELECT NULL AS name, NULL AS role, NULL AS period, NULL AS currency, 0 AS n,
      '0' AS billed, '0' AS effective WHERE FALSE`
  return `${parts.join('\nUNION ALL\n')}\nORDER BY name, role, period, currency`
}

const VENDOR_SELECT = `SELECT id, name, category, owner,
    strftime(contract_start, '%Y-%m-%d') AS contract_start,
    strftime(contract_end, '%Y-%m-%d') AS contract_end,
    strftime(renewal_date, '%Y-%m-%d') AS renewal_date, notice_days, data_held, exit_plan,
    CAST(annual_value AS VARCHAR) AS annual_value, currency,
    strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at, actor
  FROM vendors`

/** The vendors entered by hand, by name. */
export const VENDORS_LIST_SQL = `${VENDOR_SELECT} ORDER BY lower(name), id`

/** One vendor entered by hand, by its id ($1). */
export const VENDOR_BY_ID_SQL = `${VENDOR_SELECT} WHERE id = $1`
