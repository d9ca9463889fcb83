/**
 * One text per value, whatever the order its object keys were written in: the
 * engine keys its cache of answered pivots by it (electron/core/query/cache.ts)
 * and the screen names the spec its result was computed for (data-spec-key).
 */

/** JSON with object keys sorted at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner
    const record = inner as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    )
  })
}

/** A short name of `value` (FNV-1a of its canonical JSON, 8 hex digits): equal values, equal names. */
export function valueKey(value: unknown): string {
  let hash = 0x811c9dc5
  for (const char of canonicalJson(value)) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}
