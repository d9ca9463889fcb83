/**
 * SQL of delivery identity (delivery-identity.ts). A delivery is identified by
 * what it stored, not by its bytes: the normalized FOCUS values of its rows,
 * grouped by scope (provider, billing account, billing period). The same export
 * saved with CRLF, a BOM, gzipped, as Parquet or under another name stores the
 * same values, so it has the same fingerprint.
 *
 * Because the scope and the hashes read the normalized cost_rows, every format
 * that maps to FOCUS (native exports included) gets its identity from its
 * mapping: a format supplies its scope by filling ServiceProviderName,
 * BillingAccountId and BillingPeriodStart.
 *
 * Hashes are DuckDB's 64-bit `hash`, summed as HUGEINT so the fingerprint does
 * not depend on row order and counts repeated rows. A row's key leaves out its
 * measures (costs, quantities, prices), so a restated row with a new cost keeps
 * its key: that is how "changed" is told apart from "removed and added".
 * Stored fingerprints assume `hash` stays the same; if a DuckDB upgrade changed
 * it, the same rows imported again would share keys (computed afresh) but not
 * fingerprints, and so supersede with a zero delta: never counted twice.
 */
import { FOCUS_COLUMNS } from '../../../shared/focus'
import { quoteIdent } from '../../../shared/sql/identifiers'

/** cost_rows columns that hold FOCUS data: the FOCUS 1.4 columns and the older ones Focal renamed. */
const CONTENT_COLUMNS = [
  ...FOCUS_COLUMNS.map((c) => ({ name: c.name, measure: c.type === 'decimal' })),
  { name: 'x_PublisherName', measure: false },
  { name: 'x_ChargeSubcategory', measure: false },
]

/** Hash of a row's whole FOCUS content, over table alias `alias`. */
export function contentHashSql(alias: string): string {
  return `hash(${CONTENT_COLUMNS.map((c) => `${alias}.${quoteIdent(c.name)}`).join(', ')})`
}

/** Hash of a row's identity: its FOCUS content without measures. */
export function keyHashSql(alias: string): string {
  const columns = CONTENT_COLUMNS.filter((c) => !c.measure)
  return `hash(${columns.map((c) => `${alias}.${quoteIdent(c.name)}`).join(', ')})`
}

/** True when the scope columns of row alias `row` equal those of scope-table alias `scope`. */
export function sameScopeSql(row: string, scope: string): string {
  return `${scope}.provider IS NOT DISTINCT FROM ${row}.ServiceProviderName
    AND ${scope}.billing_account_id IS NOT DISTINCT FROM ${row}.BillingAccountId
    AND ${scope}.billing_period_start IS NOT DISTINCT FROM ${row}.BillingPeriodStart`
}

/** A scope's BillingPeriodStart as ISO text to the microsecond (UTC), so it binds back exactly. */
function scopeTime(column: string): string {
  return `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%fZ')`
}

/** True when two scope-table aliases name the same scope. */
function sameScopes(a: string, b: string): string {
  return `${a}.provider IS NOT DISTINCT FROM ${b}.provider
    AND ${a}.billing_account_id IS NOT DISTINCT FROM ${b}.billing_account_id
    AND ${a}.billing_period_start IS NOT DISTINCT FROM ${b}.billing_period_start`
}

/** A scope's fingerprint over the rows of cost_rows alias `alias` it groups: row count and the sum of their content hashes. */
function fingerprintSql(alias: string): string {
  return `count(*)::VARCHAR || ':' || sum(${contentHashSql(alias)}::HUGEINT)::VARCHAR`
}

/**
 * What a scope's fingerprint holds until it is computed (pending-fingerprints.ts), followed by
 * its import's id: never equal to another import's fingerprint, pending or not.
 */
export const PENDING_FINGERPRINT = 'pending:'

/**
 * Records the scopes of the rows of the imports chosen by `where` (over cost_rows `c`),
 * each with its row count and fingerprint, or with its fingerprint pending when `pending`
 * (reading every column of every row back is left until it is needed or the import is
 * committed: pending-fingerprints.ts). Used for a new import ($1) and, once, for
 * every import of a workspace upgraded to delivery identity.
 */
export function insertScopesSql(where: string, pending = false): string {
  const fingerprint = pending
    ? `'${PENDING_FINGERPRINT}' || c.x_ImportId::VARCHAR`
    : fingerprintSql('c')
  return `INSERT INTO import_scopes
    SELECT c.x_ImportId, c.ServiceProviderName, c.BillingAccountId, c.BillingPeriodStart, count(*),
      ${fingerprint}
    FROM cost_rows c WHERE ${where} GROUP BY 1, 2, 3, 4`
}

/** The imports with a scope whose fingerprint is pending. */
export const PENDING_IMPORTS_SQL = `SELECT DISTINCT import_id FROM import_scopes
  WHERE starts_with(fingerprint, '${PENDING_FINGERPRINT}') ORDER BY 1`

/** Computes the pending fingerprints of import $1's scopes from its rows, as insertScopesSql would have. */
export const FILL_FINGERPRINTS_SQL = `UPDATE import_scopes AS s SET fingerprint = f.fingerprint
  FROM (SELECT c.ServiceProviderName, c.BillingAccountId, c.BillingPeriodStart, ${fingerprintSql('c')} AS fingerprint
    FROM cost_rows c WHERE c.x_ImportId = $1 GROUP BY 1, 2, 3) AS f
  WHERE s.import_id = $1 AND starts_with(s.fingerprint, '${PENDING_FINGERPRINT}') AND ${sameScopeSql('f', 's')}`

/**
 * True when import alias `e` and import $1 are Azure exports of the two cost views (one actual,
 * one amortized): they share usage rows by design and merge in the focus view (schema.ts), so
 * neither restates nor duplicates the other.
 */
function otherCostView(e: string): string {
  return `EXISTS (SELECT 1 FROM import_cost_views ev JOIN import_cost_views nv
    ON nv.import_id = $1 AND nv.cost_view <> ev.cost_view WHERE ev.import_id = ${e}.import_id)`
}

/** Earlier imports' scopes, still counted, that import $1 also has (the other Azure cost view's aside). */
const EARLIER_SCOPES = `
  mine AS (SELECT * FROM import_scopes WHERE import_id = $1),
  earlier AS (
    SELECT e.*, m.fingerprint AS new_fingerprint FROM import_scopes e JOIN mine m ON ${sameScopes('e', 'm')}
    WHERE e.import_id <> $1 AND NOT ${otherCostView('e')} AND NOT EXISTS (
      SELECT 1 FROM superseded_scopes s WHERE s.import_id = e.import_id AND ${sameScopes('s', 'e')}))`

/** How many scopes of import $1 earlier imports still count: reads import_scopes only. */
export const COUNT_OVERLAPS_SQL = `WITH ${EARLIER_SCOPES} SELECT count(*)::INTEGER AS n FROM earlier`

/**
 * Scopes of import $1 that earlier imports still count (not superseded), one row per
 * earlier import and scope, with both fingerprints, whether the two share a row key, and
 * the earlier import's Azure cost view (null for other imports).
 */
export const OVERLAPS_SQL = `WITH ${EARLIER_SCOPES},
  new_keys AS (
    SELECT DISTINCT c.ServiceProviderName, c.BillingAccountId, c.BillingPeriodStart, ${keyHashSql('c')} AS k
    FROM cost_rows c WHERE c.x_ImportId = $1),
  shared AS (
    SELECT DISTINCT c.x_ImportId AS import_id, c.ServiceProviderName, c.BillingAccountId, c.BillingPeriodStart
    FROM cost_rows c JOIN new_keys n ON n.k = ${keyHashSql('c')}
      AND n.ServiceProviderName IS NOT DISTINCT FROM c.ServiceProviderName
      AND n.BillingAccountId IS NOT DISTINCT FROM c.BillingAccountId
      AND n.BillingPeriodStart IS NOT DISTINCT FROM c.BillingPeriodStart
    WHERE c.x_ImportId IN (SELECT import_id FROM earlier))
  SELECT e.import_id, i.file_name, e.provider, e.billing_account_id,
    ${scopeTime('e.billing_period_start')} AS billing_period_start,
    e.fingerprint = e.new_fingerprint AS same_content,
    EXISTS (SELECT 1 FROM shared x WHERE x.import_id = e.import_id AND ${sameScopeSql('x', 'e')}) AS shares_rows,
    (SELECT v.cost_view FROM import_cost_views v WHERE v.import_id = e.import_id) AS cost_view
  FROM earlier e JOIN imports i ON i.id = e.import_id
  ORDER BY e.import_id, e.billing_period_start, e.provider, e.billing_account_id`

/**
 * Earlier imports' scopes whose rows a later import superseded and whose fingerprint equals
 * that of a scope of import $1: the new file is an older version of what is counted now.
 */
export const SAME_AS_SUPERSEDED_SQL = `SELECT e.import_id, i.file_name, e.provider, e.billing_account_id,
    ${scopeTime('e.billing_period_start')} AS billing_period_start, max(s.superseded_by) AS superseded_by
  FROM import_scopes e JOIN import_scopes m ON m.import_id = $1 AND ${sameScopes('e', 'm')} AND e.fingerprint = m.fingerprint
  JOIN superseded_scopes s ON s.import_id = e.import_id AND ${sameScopes('s', 'e')}
  JOIN imports i ON i.id = e.import_id
  WHERE e.import_id <> $1 AND NOT ${otherCostView('e')} GROUP BY ALL ORDER BY 1`

/** Every scope import $1 has, counted or not. */
export const SCOPES_OF_IMPORT_SQL = `SELECT provider, billing_account_id,
  ${scopeTime('billing_period_start')} AS billing_period_start
  FROM import_scopes WHERE import_id = $1`

/** Marks one scope of an earlier import ($1) superseded by import $5. */
export const SUPERSEDE_SCOPE_SQL = `INSERT INTO superseded_scopes
  VALUES ($1, $2, $3, $4::TIMESTAMPTZ, $5)`

/**
 * Per currency, what import $1 changed in the scopes it superseded: rows matched by
 * whole content are unchanged; of the rest, rows matched by key (each old row to one
 * new row) are changed; the others were added or removed. Amounts are new minus old.
 * `newRows` (over cost_rows `c`) picks the new rows: import $1's, or all parts of the AWS CUR
 * delivery whose first part is $1 (cur-delivery.ts).
 */
export function deltaSql(newRows: string): string {
  return `WITH
  old AS (
    SELECT c.BillingCurrency AS cur, ${keyHashSql('c')} AS k, ${contentHashSql('c')} AS f, c.BilledCost AS b, c.EffectiveCost AS e
    FROM cost_rows c JOIN superseded_scopes s ON s.superseded_by = $1 AND s.import_id = c.x_ImportId AND ${sameScopeSql('c', 's')}),
  new AS (
    SELECT c.BillingCurrency AS cur, ${keyHashSql('c')} AS k, ${contentHashSql('c')} AS f, c.BilledCost AS b, c.EffectiveCost AS e
    FROM cost_rows c WHERE ${newRows} AND EXISTS (
      SELECT 1 FROM superseded_scopes s WHERE s.superseded_by = $1 AND ${sameScopeSql('c', 's')})),
  o1 AS (SELECT *, row_number() OVER (PARTITION BY f) AS r FROM old),
  n1 AS (SELECT *, row_number() OVER (PARTITION BY f) AS r FROM new),
  o2 AS (SELECT *, row_number() OVER (PARTITION BY k) AS r2 FROM o1
    WHERE NOT EXISTS (SELECT 1 FROM n1 WHERE n1.f = o1.f AND n1.r = o1.r)),
  n2 AS (SELECT *, row_number() OVER (PARTITION BY k) AS r2 FROM n1
    WHERE NOT EXISTS (SELECT 1 FROM o1 WHERE o1.f = n1.f AND o1.r = n1.r)),
  kinds AS (
    SELECT n2.cur, CASE WHEN EXISTS (SELECT 1 FROM o2 WHERE o2.k = n2.k AND o2.r2 = n2.r2)
      THEN 'changed' ELSE 'added' END AS kind FROM n2
    UNION ALL
    SELECT o2.cur, 'removed' FROM o2 WHERE NOT EXISTS (SELECT 1 FROM n2 WHERE n2.k = o2.k AND n2.r2 = o2.r2)),
  counts AS (
    SELECT cur, count(*) FILTER (WHERE kind = 'added') AS added, count(*) FILTER (WHERE kind = 'removed') AS removed,
      count(*) FILTER (WHERE kind = 'changed') AS changed FROM kinds GROUP BY cur),
  money AS (
    SELECT cur, sum(b) AS b, sum(e) AS e FROM (
      SELECT cur, b, e FROM new UNION ALL SELECT cur, -b, -e FROM old) GROUP BY cur)
  SELECT $1 AS import_id, m.cur, coalesce(c.added, 0), coalesce(c.removed, 0), coalesce(c.changed, 0),
    coalesce(m.b, 0), coalesce(m.e, 0)
  FROM money m LEFT JOIN counts c ON c.cur IS NOT DISTINCT FROM m.cur`
}

/** DELTA_SQL for the rows of import $1. */
export const DELTA_SQL = deltaSql('c.x_ImportId = $1')

/** Records import $1's delta per currency (DELTA_SQL). */
export const INSERT_DELTA_SQL = `INSERT INTO import_deltas ${DELTA_SQL}`
