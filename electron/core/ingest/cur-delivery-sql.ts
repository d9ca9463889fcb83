/** SQL of AWS CUR deliveries imported with their manifest (cur-delivery.ts). */
import { deltaSql } from './delivery-identity-sql'

/** Records import $1 as part $7 of $8 of delivery $6 listed by manifest $2; $10 is the missing parts' names as JSON. */
export const INSERT_PART_SQL = `INSERT INTO cur_delivery_parts
  VALUES ($1, $2, $3, $4, $5::DATE, $6, $7, $8, $9, CAST($10::JSON AS VARCHAR[]))`

/**
 * Earlier imports of the same delivery (report $1, account $2, assemblyId $3) that stored
 * rows, and whether each was imported incomplete.
 */
export const SAME_DELIVERY_SQL = `SELECT p.import_id, p.incomplete, i.file_name
  FROM cur_delivery_parts p JOIN imports i ON i.id = p.import_id
  WHERE i.status = 'imported' AND p.report_name = $1 AND p.account IS NOT DISTINCT FROM $2
    AND p.assembly_id = $3
  ORDER BY p.import_id`

/**
 * The scopes still counted of earlier deliveries of the same report ($1), account ($2) and
 * billing period ($3): every scope of every part, since a later delivery restates the month
 * whole. `parts` (integers) are this delivery's own imports, left out.
 */
export function earlierDeliveriesSql(parts: readonly number[]): string {
  return `SELECT s.import_id, i.file_name, s.provider, s.billing_account_id,
    strftime(s.billing_period_start, '%Y-%m-%dT%H:%M:%S.%fZ') AS billing_period_start
  FROM import_scopes s JOIN cur_delivery_parts p ON p.import_id = s.import_id
  JOIN imports i ON i.id = s.import_id
  WHERE p.report_name = $1 AND p.account IS NOT DISTINCT FROM $2 AND p.billing_period = $3::DATE
    AND s.import_id NOT IN (${idList(parts)})
    AND NOT EXISTS (SELECT 1 FROM superseded_scopes x WHERE x.import_id = s.import_id
      AND x.provider IS NOT DISTINCT FROM s.provider
      AND x.billing_account_id IS NOT DISTINCT FROM s.billing_account_id
      AND x.billing_period_start IS NOT DISTINCT FROM s.billing_period_start)
  ORDER BY s.import_id, s.billing_period_start, s.provider, s.billing_account_id`
}

/** Records the delta per currency of a whole delivery (its `parts`) against what its first part ($1) superseded. */
export function insertDeliveryDeltaSql(parts: readonly number[]): string {
  return `INSERT INTO import_deltas ${deltaSql(`c.x_ImportId IN (${idList(parts)})`)}`
}

/** The delivery facts of one import ($1), or of all when `which` is 'all'. */
export function deliveryPartsSql(which: 'one' | 'all'): string {
  return `SELECT import_id, manifest, assembly_id, part, parts, incomplete, missing
    FROM cur_delivery_parts ${which === 'one' ? 'WHERE import_id = $1' : ''}`
}

/** Import ids as SQL: integers only, so they cannot carry SQL. */
function idList(ids: readonly number[]): string {
  return ids.map((id) => String(Math.trunc(Number(id)))).join(', ') || 'NULL'
}
