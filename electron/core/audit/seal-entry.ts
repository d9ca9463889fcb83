/** A new audit entry made ready to store: numbered after the last one, linked and hashed (audit-hash.ts). */
import type { DuckDBValue } from '@duckdb/node-api'
import { entryHash, fieldDigests, GENESIS_HASH, isoMicros, type AuditFields } from './audit-hash'

/** The last entry of the chain as read by LAST_ENTRY_SQL, or undefined for an empty log. */
export type ChainHead = { seq?: unknown; hash?: unknown } | undefined

/** The values of INSERT_ENTRY_SQL for an entry that follows `head`. */
export function sealEntry(
  head: ChainHead,
  entry: Omit<AuditFields, 'seq'>,
): { fields: AuditFields; values: DuckDBValue[] } {
  const seq = Number(head?.seq ?? 0) + 1
  const prevHash = typeof head?.hash === 'string' ? head.hash : GENESIS_HASH
  const fields: AuditFields = { ...entry, seq }
  return {
    fields,
    values: [
      isoMicros(fields.loggedAtUs),
      fields.actor,
      fields.action,
      fields.subject,
      fields.details,
      seq,
      prevHash,
      entryHash(fields, prevHash),
      JSON.stringify(fieldDigests(fields)),
    ],
  }
}
