/**
 * Chains the entries a workspace of format 3 or earlier logged before the
 * chain existed, in the order they were written. Their hashes prove only that
 * they were not changed after this upgrade: the upgrade's own entry says so
 * (migrate.ts), and `focal audit verify` reports where the chain began.
 */
import type { DuckDBValue } from '@duckdb/node-api'
import type { Workspace } from '../workspace/workspace'
import { type AuditFields } from './audit-hash'
import { LAST_ENTRY_SQL, UNCHAINED_ENTRIES_SQL } from './audit-sql'
import { sealEntry, type ChainHead } from './seal-entry'

/** Rows per UPDATE: bound values stay few however long the log. */
const BATCH = 200

/** Numbers, links and hashes every entry without a number; returns how many there were. */
export async function chainExistingEntries(ws: Workspace): Promise<number> {
  const rows = await ws.all(UNCHAINED_ENTRIES_SQL)
  let [head]: ChainHead[] = await ws.all(LAST_ENTRY_SQL)
  if (head?.seq === null) head = undefined
  const updates: DuckDBValue[][] = []
  for (const row of rows) {
    const entry: Omit<AuditFields, 'seq'> = {
      loggedAtUs: BigInt(String(row.us)),
      actor: String(row.actor),
      action: String(row.action),
      subject: row.subject === null ? null : String(row.subject),
      details: row.details === null ? null : String(row.details),
    }
    const { fields, values } = sealEntry(head, entry)
    // values: [time, actor, action, subject, details, seq, prev, hash, digests]
    updates.push([BigInt(String(row.rid)), fields.seq, values[6]!, values[7]!, values[8]!])
    head = { seq: fields.seq, hash: values[7] }
  }
  for (let at = 0; at < updates.length; at += BATCH) {
    const batch = updates.slice(at, at + BATCH)
    const tuples = batch.map((_, i) => {
      const p = i * 5
      return `($${p + 1}::BIGINT, $${p + 2}::BIGINT, $${p + 3}, $${p + 4}, $${p + 5})`
    })
    await ws.run(
      `UPDATE audit_log SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, field_digests = v.digests
       FROM (VALUES ${tuples.join(', ')}) AS v(rid, seq, prev_hash, hash, digests)
       WHERE audit_log.rowid = v.rid`,
      batch.flat(),
    )
  }
  return rows.length
}
