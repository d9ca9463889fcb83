/**
 * Explore's answers cached per spec (issue 9: "cached per spec"): undo, redo and
 * back-and-forth clicks ask for a spec already answered, and get it without a query.
 *
 * A key holds the workspace's data version (Workspace.dataVersion, bumped around
 * every writer turn that may change data), so an answer computed before an import,
 * a restatement, an alias-policy or mapping edit is never looked up again: the
 * version in every later key differs. Entries are evicted least recently used
 * first, by count and by an estimate of their bytes.
 */
import { canonicalJson } from '../../../shared/canonical-json'

/** How many answers the cache keeps at most. */
export const CACHE_ENTRIES = 64
/** About how many bytes of answers the cache keeps at most (Arrow bytes, table JSON). */
export const CACHE_BYTES = 64 * 1024 * 1024

/** The key of one answer: what was asked (`kind`), of which data version, for which spec. */
export function answerKey(kind: string, dataVersion: number, spec: unknown): string {
  return `${kind}\u0000${dataVersion}\u0000${canonicalJson(spec)}`
}

/** A least-recently-used map bounded by entry count and by bytes. */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>()
  private bytes = 0

  constructor(
    readonly maxEntries = CACHE_ENTRIES,
    readonly maxBytes = CACHE_BYTES,
  ) {}

  /** The answer under `key`, now the most recently used; undefined when absent. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    // Map keeps insertion order: re-inserting makes it the newest.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  /** Keeps `value` under `key`, evicting the least recently used answers beyond the bounds. */
  set(key: string, value: T, bytes: number): void {
    // An answer larger than the whole budget would only evict everything else.
    if (bytes > this.maxBytes) return
    this.delete(key)
    this.entries.set(key, { value, bytes })
    this.bytes += bytes
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= entry.bytes
    }
  }

  /** Forgets every answer (another workspace opened, or this one closed). */
  clear(): void {
    this.entries.clear()
    this.bytes = 0
  }

  /** Number of answers held. */
  get size(): number {
    return this.entries.size
  }

  /** Bytes held, as estimated when stored. */
  get heldBytes(): number {
    return this.bytes
  }

  private delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.bytes
  }
}
