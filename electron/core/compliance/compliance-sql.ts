/**
 * SQL of tag compliance: the stored policy versions, and the per-row reading of a policy
 * over the focus view (so superseded rows count nowhere). Each required key is read
 * through the tag alias policy: a canonical key's original keys in reading order, the
 * first one a row carries wins (shared/tags/tag-sql.ts reads `tag:<key>` the same way).
 * Every value is bound; the metric is one of two column names from the contract's enum.
 */
import type { CostMetricName } from '../../../shared/contract/allocation'
import { jsonKeyPath, quoteIdent } from '../../../shared/sql/identifiers'
import { PERIOD_SQL } from '../report/line-queries'

/** Each saved version of the tag policy (canonical JSON); the highest version is in force. */
export const COMPLIANCE_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS compliance_policies (
    version INTEGER PRIMARY KEY, policy VARCHAR NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL)`,
]

/** The policy in force, if one was saved. */
export const LATEST_POLICY_SQL = `SELECT version, policy,
    strftime(saved_at, '%Y-%m-%dT%H:%M:%SZ') AS saved_at, actor
  FROM compliance_policies ORDER BY version DESC LIMIT 1`

/** A required key as the SQL reads it: its original keys, and its allowed values or pattern. */
export interface KeyReading {
  readonly keys: readonly string[]
  readonly values?: readonly string[]
  readonly pattern?: string
}

/** What one reading of the rows needs. */
export interface RowsPlan {
  readonly metric: CostMetricName
  readonly required: readonly KeyReading[]
  /** The original keys of the owner tag. */
  readonly owner: readonly string[]
  readonly services: readonly string[]
  readonly accounts: readonly string[]
  /** Only this period (YYYY-MM), or every period. */
  readonly period: string | null
}

/**
 * One row per focus row: period, currency, cost, resource, service, account, owner, whether
 * the policy's scope holds it (`in_scope`), each key's state `s<i>` (0 ok, 1 missing,
 * 2 not allowed) and value `v<i>`, and `ok` (in scope and every key ok). Returns the SQL
 * and its bound values.
 */
export function complianceRowsSql(plan: RowsPlan): { sql: string; params: string[] } {
  const params: string[] = []
  const bind = (value: string): string => {
    params.push(value)
    return `$${params.length}`
  }
  // One JSON parse per row reads every original key the policy needs.
  const paths: string[] = []
  const positions = (keys: readonly string[]): number[] =>
    keys.map((k) => paths.push(bind(jsonKeyPath(k))))
  const pick = (at: readonly number[]): string =>
    at.length === 1 ? `l[${at[0]}]` : `coalesce(${at.map((i) => `l[${i}]`).join(', ')})`
  const values = plan.required.map((r, i) => `${pick(positions(r.keys))} AS v${i}`)
  // A blank owner is no owner: both are "(none)".
  const owner = `nullif(trim(${pick(positions(plan.owner))}), '') AS owner`
  const states = plan.required.map((r, i) => {
    const v = `v${i}`
    const allowed = r.values
      ? `${v} IN (${r.values.map(bind).join(', ')})`
      : r.pattern !== undefined
        ? `regexp_full_match(${v}, ${bind(r.pattern)})`
        : 'true'
    return `CASE WHEN ${v} IS NULL OR trim(${v}) = '' THEN 1 WHEN ${allowed} THEN 0 ELSE 2 END AS s${i}`
  })
  const scope: string[] = []
  if (plan.services.length > 0) scope.push(`service IN (${plan.services.map(bind).join(', ')})`)
  if (plan.accounts.length > 0) {
    const list = plan.accounts.map(bind).join(', ')
    scope.push(`(account_id IN (${list}) OR account_name IN (${list}))`)
  }
  const inScope = scope.length > 0 ? scope.join(' AND ') : 'true'
  const where = plan.period === null ? '' : `WHERE ${PERIOD_SQL} = ${bind(plan.period)}`
  const allOk = plan.required.map((_, i) => `s${i} = 0`).join(' AND ')
  const sql = `SELECT *, in_scope AND ${allOk} AS ok FROM (
  SELECT *, coalesce(${inScope}, false) AS in_scope, ${states.join(',\n    ')} FROM (
    SELECT ${PERIOD_SQL} AS period, "BillingCurrency" AS currency, ${quoteIdent(plan.metric)} AS cost,
      "ResourceId" AS resource, "ResourceName" AS resource_name, "ServiceName" AS service,
      "SubAccountId" AS account_id, "SubAccountName" AS account_name,
      ${[...values, owner].join(',\n      ')}
    FROM (SELECT *, CASE WHEN json_valid("Tags") THEN json_extract_string("Tags", [${paths.join(', ')}]) END AS l
          FROM focus ${where})))`
  return { sql, params }
}

const SHARE = `coalesce(sum(cost) FILTER (WHERE in_scope), 0)::VARCHAR AS cost,
  coalesce(sum(cost) FILTER (WHERE ok), 0)::VARCHAR AS compliant,
  count(*) FILTER (WHERE in_scope)::BIGINT AS n,
  count(*) FILTER (WHERE ok)::BIGINT AS n_ok`

/**
 * The share per currency (totals: no_owner, no_account and no_service all 1), per owner, per account and
 * per service, in one pass; `keys` adds each key's missing (`m<i>`) and not-allowed (`w<i>`) cost.
 */
export function shareSql(rows: string, keys: number): string {
  const perKey = Array.from(
    { length: keys },
    (_, i) =>
      `coalesce(sum(cost) FILTER (WHERE in_scope AND s${i} = 1), 0)::VARCHAR AS m${i}, ` +
      `coalesce(sum(cost) FILTER (WHERE in_scope AND s${i} = 2), 0)::VARCHAR AS w${i}`,
  )
  return `SELECT grouping(owner)::INT AS no_owner, grouping(account_id)::INT AS no_account,
  grouping(service)::INT AS no_service, owner, account_id, any_value(account_name) AS account_name,
  service, currency, ${SHARE},
  coalesce(sum(cost) FILTER (WHERE NOT in_scope), 0)::VARCHAR AS out_of_scope,
  ${perKey.join(',\n  ')}
FROM (${rows})
GROUP BY GROUPING SETS ((currency), (owner, currency), (account_id, currency), (service, currency))`
}

/** The share per period and currency. */
export function trendSql(rows: string): string {
  return `SELECT period, currency, ${SHARE} FROM (${rows})
GROUP BY period, currency ORDER BY period, currency NULLS FIRST`
}

/**
 * In-scope rows that are not compliant, per owner, resource, service and currency, most cost
 * first: which keys are missing (`m<i>`) and the values not allowed (`w<i>`, up to 5).
 * `owner` limits it to one owner's rows (null: the rows without one); `limit` caps the list.
 */
export function resourcesSql(
  rows: string,
  keys: number,
  owner: { placeholder: string } | { none: true } | null,
  limit: number | null,
): string {
  const perKey = Array.from(
    { length: keys },
    (_, i) =>
      `bool_or(s${i} = 1) AS m${i}, ` +
      `list_sort(list_distinct(list(v${i}) FILTER (WHERE s${i} = 2)))[1:5] AS w${i}`,
  )
  const which =
    owner === null ? '' : 'none' in owner ? 'AND owner IS NULL' : `AND owner = ${owner.placeholder}`
  return `SELECT resource, any_value(resource_name) AS resource_name, service,
  any_value(account_id) AS account_id, owner, currency,
  sum(cost)::VARCHAR AS cost, count(*)::BIGINT AS n, ${perKey.join(',\n  ')}
FROM (${rows}) WHERE in_scope AND NOT ok ${which}
GROUP BY owner, resource, service, currency
ORDER BY sum(cost) DESC, resource NULLS LAST, service NULLS LAST, owner NULLS LAST, currency NULLS LAST
${limit === null ? '' : `LIMIT ${Math.trunc(limit)}`}`
}
