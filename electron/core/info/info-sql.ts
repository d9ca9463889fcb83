/**
 * SQL of `focal info` (issue 11, "Portable and versioned"): what a workspace holds, read
 * from the focus view (so superseded rows count nowhere, as in every total) and the
 * registry tables. Tables created on first use (allocation) or added by format 3 may be
 * missing from an older file opened read-only, so their queries run only when present.
 */
import { PERIOD_SQL } from '../report/line-queries'

/** The workspace's tables (not temporary), to tell which optional ones exist. */
export const INFO_TABLES_SQL = `SELECT table_name FROM duckdb_tables() WHERE NOT temporary`

/** Format version, creation time and whether sources are embedded, from `meta`. */
export const INFO_META_SQL = `SELECT key, CASE key WHEN 'created_at'
    THEN strftime(TRY_CAST(value AS TIMESTAMPTZ), '%Y-%m-%dT%H:%M:%SZ') ELSE value END AS value
  FROM meta WHERE key IN ('focal_format', 'created_at', 'embed_sources')`

/** Rows counted (focus view) and stored (cost_rows, superseded rows too). */
export const INFO_ROWS_SQL = `SELECT (SELECT count(*) FROM focus)::BIGINT AS counted,
  (SELECT count(*) FROM cost_rows)::BIGINT AS stored`

/** Billing periods present (YYYY-MM), as reports count them. */
export const INFO_PERIODS_SQL = `SELECT ${PERIOD_SQL} AS period, count(*)::BIGINT AS rows FROM focus
  GROUP BY 1 ORDER BY 1 NULLS LAST`

/** Providers (ServiceProviderName) with their rows. */
export const INFO_PROVIDERS_SQL = `SELECT ServiceProviderName AS provider, count(*)::BIGINT AS rows FROM focus
  GROUP BY 1 ORDER BY 1 NULLS LAST`

/** Distinct billing accounts and sub accounts. */
export const INFO_ACCOUNTS_SQL = `SELECT count(DISTINCT BillingAccountId)::BIGINT AS accounts,
  count(DISTINCT SubAccountId)::BIGINT AS sub_accounts FROM focus`

/** Rows and exact totals per currency. */
export const INFO_CURRENCIES_SQL = `SELECT BillingCurrency AS currency, count(*)::BIGINT AS rows,
  sum(BilledCost)::VARCHAR AS billed, sum(EffectiveCost)::VARCHAR AS effective FROM focus
  GROUP BY 1 ORDER BY 1 NULLS LAST`

/** Import attempts by status. */
export const INFO_IMPORTS_SQL = `SELECT status, count(*)::BIGINT AS n FROM imports GROUP BY 1 ORDER BY 1`

/** FOCUS versions of the imported files. */
export const INFO_FOCUS_VERSIONS_SQL = `SELECT DISTINCT focus_version AS v FROM imports
  WHERE status = 'imported' AND focus_version IS NOT NULL ORDER BY 1`

/** Saved allocation rule versions: how many, and the latest. */
export const INFO_RULES_SQL = `SELECT count(*)::BIGINT AS n, max(version) AS latest FROM allocation_rule_versions`

/** Saved pivot views. */
export const INFO_VIEWS_SQL = `SELECT count(*)::BIGINT AS n FROM saved_views`

/** Each month's state: its latest close or reopen record (close-sql.ts keeps them append-only). */
export const INFO_CLOSES_SQL = `SELECT period, list(action ORDER BY recorded_at, rowid)[-1] AS state
  FROM period_closes GROUP BY 1 ORDER BY 1`

/** When the audit log last recorded a change. */
export const INFO_LAST_CHANGE_SQL = `SELECT strftime(max(logged_at), '%Y-%m-%dT%H:%M:%SZ') AS at FROM audit_log`
