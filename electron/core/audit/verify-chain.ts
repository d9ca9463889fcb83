/**
 * Walks the audit log in sequence order and finds the first break of its hash
 * chain (audit-hash.ts): a missing or repeated number, a field changed since
 * the entry was hashed, a hash edited, a link to anything but the previous
 * entry's hash. Pure: `focal audit verify` reads the rows (CHAIN_ENTRIES_SQL).
 */
import {
  DIGESTED_FIELDS,
  entryHash,
  fieldDigest,
  fieldDigests,
  GENESIS_HASH,
  isoMicros,
  type AuditFields,
  type DigestedField,
} from './audit-hash'

/** The first place the chain does not hold: which entry, which field, what was expected and found. */
export interface AuditBreak {
  /** The entry's sequence number as stored (null when it has none). */
  readonly seq: number | null
  readonly field: DigestedField | 'prev_hash' | 'hash' | 'field_digests' | 'head'
  readonly expected: string
  readonly found: string
  /** The break in words, for a person. */
  readonly message: string
}

/** The chain walked: how many entries, the last link, and the first break if any. */
export interface ChainResult {
  readonly entries: number
  readonly head: { seq: number; hash: string } | null
  readonly break: AuditBreak | null
}

/** One row of CHAIN_ENTRIES_SQL. */
type ChainRow = Record<string, unknown>

/** Verifies rows given in CHAIN_ENTRIES_SQL's order. */
export function verifyChain(rows: readonly ChainRow[]): ChainResult {
  let prevHash = GENESIS_HASH
  let expectedSeq = 1
  for (const row of rows) {
    const broken = checkEntry(row, expectedSeq, prevHash, rows.length)
    if (broken) return { entries: rows.length, head: null, break: broken }
    prevHash = String(row.hash)
    expectedSeq += 1
  }
  const last = rows.at(-1)
  return {
    entries: rows.length,
    head: last ? { seq: Number(last.seq), hash: String(last.hash) } : null,
    break: null,
  }
}

function checkEntry(
  row: ChainRow,
  expectedSeq: number,
  prevHash: string,
  count: number,
): AuditBreak | null {
  if (row.seq === null) {
    return {
      seq: null,
      field: 'seq',
      expected: String(expectedSeq),
      found: 'none',
      message: `An entry (${String(row.action)}) has no sequence number: it was added outside Focal.`,
    }
  }
  const seq = Number(row.seq)
  if (seq !== expectedSeq) {
    const message =
      seq < expectedSeq
        ? `Entry ${seq} appears twice: one of them was added or renumbered outside Focal.`
        : `Entry ${expectedSeq} is missing (the next entry is ${seq}): it was deleted or renumbered outside Focal.`
    return { seq, field: 'seq', expected: String(expectedSeq), found: String(seq), message }
  }
  const fields: AuditFields = {
    seq,
    loggedAtUs: BigInt(String(row.us)),
    actor: String(row.actor),
    action: String(row.action),
    subject: row.subject === null ? null : String(row.subject),
    details: row.details === null ? null : String(row.details),
  }
  const recorded = recordedDigests(row.field_digests)
  const changed = DIGESTED_FIELDS.find(
    (field) => recorded !== null && recorded[field] !== fieldDigest(fields, field),
  )
  if (changed) return changedField(fields, changed, recorded?.[changed] ?? '', count)
  const hash = entryHash(fields, String(row.prev_hash))
  if (hash !== row.hash) {
    return {
      seq,
      field: 'hash',
      expected: hash,
      found: String(row.hash),
      message: `Entry ${seq}'s hash does not match its fields: the entry or its hash was changed outside Focal.`,
    }
  }
  if (recorded === null || JSON.stringify(fieldDigests(fields)) !== row.field_digests) {
    return {
      seq,
      field: 'field_digests',
      expected: JSON.stringify(fieldDigests(fields)),
      found: String(row.field_digests),
      message: `Entry ${seq}'s field digests were changed outside Focal.`,
    }
  }
  if (row.prev_hash !== prevHash) {
    return {
      seq,
      field: 'prev_hash',
      expected: prevHash,
      found: String(row.prev_hash),
      message: `Entry ${seq} does not link to entry ${seq - 1}: entries were removed, reordered or rewritten outside Focal.`,
    }
  }
  return null
}

/** A field whose digest no longer matches: the value found, and what it was when that can be told. */
function changedField(
  fields: AuditFields,
  field: DigestedField,
  digest: string,
  count: number,
): AuditBreak {
  const found = field === 'logged_at' ? isoMicros(fields.loggedAtUs) : fields[field]
  // A sequence number is small enough to find again from its digest: say which it was.
  let expected = `the value whose digest is ${digest}`
  if (field === 'seq') {
    for (let seq = 1; seq <= count + 1; seq += 1)
      if (fieldDigest({ ...fields, seq }, 'seq') === digest) expected = String(seq)
  }
  return {
    seq: fields.seq,
    field,
    expected,
    found: found === null ? 'null' : String(found),
    message:
      field === 'seq'
        ? `The entry numbered ${fields.seq} was logged as entry ${expected}: entries were reordered or renumbered outside Focal.`
        : `Entry ${fields.seq}'s ${field} was changed outside Focal after it was logged.`,
  }
}

/** The stored field digests, or null when the column does not hold them. */
function recordedDigests(text: unknown): Record<DigestedField, string> | null {
  if (typeof text !== 'string') return null
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>
    if (!DIGESTED_FIELDS.every((f) => typeof parsed[f] === 'string')) return null
    return parsed as Record<DigestedField, string>
  } catch {
    return null
  }
}
