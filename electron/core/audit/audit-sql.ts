/** SQL of the audit log's chain (audit-hash.ts): the last link, a new entry, the entries in order. */

/** The chain columns format 4 added to audit_log (schema.ts has them in CREATE TABLE). */
export const AUDIT_CHAIN_COLUMNS: readonly string[] = [
  'ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS seq BIGINT',
  'ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS prev_hash VARCHAR',
  'ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS hash VARCHAR',
  'ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS field_digests VARCHAR',
]

/** The entry the next one links to: the highest sequence number. */
export const LAST_ENTRY_SQL = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC NULLS LAST LIMIT 1'

/** Appends one sealed entry; the time is bound as UTC text with microseconds, so it is stored as hashed. */
export const INSERT_ENTRY_SQL = `INSERT INTO audit_log
  (logged_at, actor, action, subject, details, seq, prev_hash, hash, field_digests)
  VALUES ($1::TIMESTAMPTZ, $2, $3, $4, $5, $6, $7, $8, $9)`

/** Every entry with what hashing needs, in chain order (entries without a number first: they are breaks). */
export const CHAIN_ENTRIES_SQL = `SELECT rowid::BIGINT AS rid, seq, epoch_us(logged_at)::VARCHAR AS us,
  actor, action, subject, details, prev_hash, hash, field_digests
  FROM audit_log ORDER BY seq NULLS FIRST, rowid`

/** Entries stored before the chain existed, in the order they were written (format 3 and earlier). */
export const UNCHAINED_ENTRIES_SQL = `SELECT rowid::BIGINT AS rid, epoch_us(logged_at)::VARCHAR AS us,
  actor, action, subject, details FROM audit_log WHERE seq IS NULL ORDER BY rowid`
