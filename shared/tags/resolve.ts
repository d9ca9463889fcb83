/**
 * How `tag:<key>` is read everywhere (pivots, allocation rules, reports, the ledger
 * account): through the alias policy, to the canonical key and the original keys it
 * reads. Pure, so the SQL compilers in shared/ take it as a function.
 */
import type { TagKeyGroup } from './groups'
import { normalizeTagKey } from './normalize'

/** What a typed tag key stands for: its canonical name and the original keys to read, in order. */
export interface TagResolution {
  readonly canonical: string
  readonly keys: readonly string[]
}

/** Resolves a typed tag key. */
export type TagResolver = (key: string) => TagResolution

/** The resolver without a policy: a key is only itself. */
export const LITERAL_TAGS: TagResolver = (key) => ({ canonical: key, keys: [key] })

/**
 * A resolver over `groups`: a canonical name, then an original key, then a key
 * that normalizes like exactly one canonical name ("cost_center" finds "CostCenter");
 * any other key reads only itself.
 */
export function tagResolver(groups: readonly TagKeyGroup[]): TagResolver {
  const byCanonical = new Map(groups.map((g) => [g.canonical, g]))
  const byKey = new Map(groups.flatMap((g) => g.keys.map((u) => [u.key, g] as const)))
  const byNormal = new Map<string, TagKeyGroup | null>()
  for (const g of groups) {
    const normal = normalizeTagKey(g.canonical)
    // Two canonical keys that normalize alike (one kept separate): neither is guessed.
    byNormal.set(normal, byNormal.has(normal) ? null : g)
  }
  return (key) => {
    const group = byCanonical.get(key) ?? byKey.get(key) ?? byNormal.get(normalizeTagKey(key))
    return group
      ? { canonical: group.canonical, keys: group.keys.map((u) => u.key) }
      : { canonical: key, keys: [key] }
  }
}
