/**
 * The audit log's hash chain (issue 11, The audit trail): each entry's hash is
 * SHA-256 over a canonical serialization of its fields and the previous
 * entry's hash, so changing, removing or reordering an entry breaks every
 * link after it. Pure functions: the writer (Workspace.audit), the upgrade
 * (chain-existing.ts) and `focal audit verify` hash the same way.
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from '../../../shared/canonical-json'

/** The previous hash of the first entry: there is none, so a fixed value stands for it. */
export const GENESIS_HASH = '0'.repeat(64)

/** Names the serialization, so a later change of it cannot be mistaken for tampering. */
const SCHEME = 'focal-audit-1'

/** The fields of an entry that its hash covers, as stored. */
export interface AuditFields {
  readonly seq: number
  /** When it was logged: microseconds since 1970-01-01 UTC, exactly as stored. */
  readonly loggedAtUs: bigint
  readonly actor: string
  readonly action: string
  readonly subject: string | null
  /** The details as stored (JSON text), or null. */
  readonly details: string | null
}

/** The fields a digest is kept for, in the order a break names them. */
export const DIGESTED_FIELDS = [
  'seq',
  'logged_at',
  'actor',
  'action',
  'subject',
  'details',
] as const

/** A field of an entry that verification can name. */
export type DigestedField = (typeof DIGESTED_FIELDS)[number]

/** Details as stored: canonical JSON (keys sorted at every depth), or null when there are none. */
export function detailsJson(value: unknown): string | null {
  return value === undefined ? null : canonicalJson(value)
}

/** Stored details in canonical form; text that is not JSON (edited behind Focal) is hashed as it is. */
export function canonicalDetails(details: string | null): string | null {
  if (details === null) return null
  try {
    return canonicalJson(JSON.parse(details))
  } catch {
    return details
  }
}

/** Microseconds since the epoch as UTC ISO 8601 with six decimals (2026-11-30T09:07:22.123456Z). */
export function isoMicros(us: bigint): string {
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n)
  const micros = us - ms * 1000n
  const iso = new Date(Number(ms)).toISOString()
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z`
}

/** The value of one field as hashed. */
function fieldValue(fields: AuditFields, field: DigestedField): string | number | null {
  switch (field) {
    case 'seq':
      return fields.seq
    case 'logged_at':
      return isoMicros(fields.loggedAtUs)
    case 'actor':
      return fields.actor
    case 'action':
      return fields.action
    case 'subject':
      return fields.subject
    case 'details':
      return canonicalDetails(fields.details)
  }
}

/** The hash of an entry whose previous entry's hash is `prevHash`. */
export function entryHash(fields: AuditFields, prevHash: string): string {
  const values = DIGESTED_FIELDS.map((field) => fieldValue(fields, field))
  return sha256(`${SCHEME}\n${JSON.stringify([...values, prevHash])}`)
}

/**
 * A short digest of each field, stored beside the hash: it cannot vouch for an
 * entry (the hash does), it only lets verification name the field that changed.
 */
export function fieldDigests(fields: AuditFields): Record<DigestedField, string> {
  const digests = {} as Record<DigestedField, string>
  for (const field of DIGESTED_FIELDS) digests[field] = fieldDigest(fields, field)
  return digests
}

/** The digest of one field (16 hex digits of its SHA-256). */
export function fieldDigest(fields: AuditFields, field: DigestedField): string {
  return sha256(JSON.stringify(fieldValue(fields, field))).slice(0, 16)
}

/** Lower-case hex SHA-256 of UTF-8 text. */
function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/**
 * Now, in microseconds since the epoch: the wall clock's milliseconds (Date.now, which follows
 * clock corrections; performance.timeOrigin would drift from them in a long session) and a
 * sub-millisecond part from the monotonic clock, so entries of one millisecond rarely tie.
 */
export function nowMicros(): bigint {
  const sub = Math.floor((performance.now() % 1) * 1000)
  return BigInt(Date.now()) * 1000n + BigInt(sub)
}
