/**
 * The audit chain's hash (core/audit/audit-hash.ts) against the serialization
 * written out by hand, so an auditor can recompute it without Focal: SHA-256
 * of "focal-audit-1\n" + the JSON array [seq, UTC time with microseconds,
 * actor, action, subject, details with sorted keys, previous hash].
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  canonicalDetails,
  detailsJson,
  entryHash,
  fieldDigests,
  GENESIS_HASH,
  isoMicros,
  type AuditFields,
} from '../../../electron/core/audit/audit-hash'

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

// 2026-11-30T09:07:22.000000Z is 1796029642 s after the epoch.
const ENTRY: AuditFields = {
  seq: 1,
  loggedAtUs: 1_796_029_642_123_456n,
  actor: 'ana',
  action: 'view.save',
  subject: 'monthly',
  details: '{"spec":{"rows":["a"],"columns":{"kind":"time"}}}',
}

describe('audit hash', () => {
  it('is SHA-256 over the documented serialization, details with sorted keys, the first entry linked to the genesis value', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64))
    const text =
      'focal-audit-1\n' +
      '[1,"2026-11-30T09:07:22.123456Z","ana","view.save","monthly",' +
      '"{\\"spec\\":{\\"columns\\":{\\"kind\\":\\"time\\"},\\"rows\\":[\\"a\\"]}}",' +
      `"${'0'.repeat(64)}"]`
    expect(entryHash(ENTRY, GENESIS_HASH)).toBe(sha256(text))
  })

  it('changes with every field and with the previous hash', () => {
    const base = entryHash(ENTRY, GENESIS_HASH)
    const variants: AuditFields[] = [
      { ...ENTRY, seq: 2 },
      { ...ENTRY, loggedAtUs: ENTRY.loggedAtUs + 1n },
      { ...ENTRY, actor: 'bo' },
      { ...ENTRY, action: 'view.delete' },
      { ...ENTRY, subject: null },
      { ...ENTRY, subject: '' },
      { ...ENTRY, details: null },
    ]
    const hashes = new Set([base, ...variants.map((v) => entryHash(v, GENESIS_HASH))])
    expect(hashes.size).toBe(variants.length + 1)
    expect(entryHash(ENTRY, 'a'.repeat(64))).not.toBe(base)
  })

  it('writes times in UTC with six decimals, whatever the time zone', () => {
    expect(isoMicros(1_796_029_642_000_000n)).toBe('2026-11-30T09:07:22.000000Z')
    expect(isoMicros(1_796_029_642_000_007n)).toBe('2026-11-30T09:07:22.000007Z')
    expect(isoMicros(1_796_029_642_999_999n)).toBe('2026-11-30T09:07:22.999999Z')
    expect(isoMicros(0n)).toBe('1970-01-01T00:00:00.000000Z')
  })

  it('reads details the same whatever their key order; text that is not JSON is hashed as it is', () => {
    expect(canonicalDetails('{"b":1,"a":{"d":2,"c":3}}')).toBe('{"a":{"c":3,"d":2},"b":1}')
    expect(canonicalDetails('not json')).toBe('not json')
    expect(detailsJson({ b: 1, a: [{ z: 1, y: 2 }] })).toBe('{"a":[{"y":2,"z":1}],"b":1}')
    expect(detailsJson(undefined)).toBeNull()
    expect(
      entryHash(
        { ...ENTRY, details: '{"spec":{"columns":{"kind":"time"},"rows":["a"]}}' },
        GENESIS_HASH,
      ),
    ).toBe(entryHash(ENTRY, GENESIS_HASH))
  })

  it('keeps a digest per field: 16 hex digits of the SHA-256 of its JSON value', () => {
    expect(fieldDigests(ENTRY)).toEqual({
      seq: sha256('1').slice(0, 16),
      logged_at: sha256('"2026-11-30T09:07:22.123456Z"').slice(0, 16),
      actor: sha256('"ana"').slice(0, 16),
      action: sha256('"view.save"').slice(0, 16),
      subject: sha256('"monthly"').slice(0, 16),
      details: sha256(JSON.stringify('{"spec":{"columns":{"kind":"time"},"rows":["a"]}}')).slice(
        0,
        16,
      ),
    })
  })
})
