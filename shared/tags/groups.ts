/**
 * Groups the original tag keys of a workspace under canonical keys: the automatic
 * rule (normalize.ts) unless an override says otherwise. The original keys stay as
 * imported; a canonical key reads the first of its keys a row carries.
 */
import type { TagOverride } from '../contract/tags'
import { normalizeTagKey } from './normalize'

/** An original key and how many rows carry it. */
export interface TagKeyUse {
  readonly key: string
  readonly rows: number
}

/** A canonical key and its original keys in reading order. */
export interface TagKeyGroup {
  readonly canonical: string
  readonly keys: readonly TagKeyUse[]
  /** The original keys an override placed here. */
  readonly explicit: ReadonlySet<string>
}

/**
 * The canonical groups of `uses` under `overrides`, largest first. An automatic group is
 * named by its override, else by its most used key (ties: the first in code-point order).
 * Two groups given the same canonical name are one group.
 */
export function buildTagGroups(
  uses: readonly TagKeyUse[],
  overrides: readonly TagOverride[],
): TagKeyGroup[] {
  const explicit = new Map(overrides.filter((o) => o.kind === 'key').map((o) => [o.key, o]))
  const names = new Map(overrides.filter((o) => o.kind === 'name').map((o) => [o.key, o]))
  const automatic = new Map<string, TagKeyUse[]>()
  const members = new Map<string, TagKeyUse[]>()
  const add = (canonical: string, use: TagKeyUse): void => {
    const list = members.get(canonical)
    if (list) list.push(use)
    else members.set(canonical, [use])
  }
  for (const use of uses) {
    const override = explicit.get(use.key)
    if (override) add(override.canonical, use)
    else {
      const normal = normalizeTagKey(use.key)
      const list = automatic.get(normal)
      if (list) list.push(use)
      else automatic.set(normal, [use])
    }
  }
  for (const [normal, list] of automatic) {
    const canonical = names.get(normal)?.canonical ?? mostUsed(list)
    for (const use of list) add(canonical, use)
  }
  const groups = [...members].map(([canonical, list]) => ({
    canonical,
    keys: readingOrder(canonical, list),
    explicit: new Set(list.filter((u) => explicit.has(u.key)).map((u) => u.key)),
  }))
  const total = (g: TagKeyGroup): number => g.keys.reduce((sum, u) => sum + u.rows, 0)
  return groups.sort((a, b) => total(b) - total(a) || compareText(a.canonical, b.canonical))
}

/** Code-point order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function mostUsed(list: readonly TagKeyUse[]): string {
  const best = [...list].sort((a, b) => b.rows - a.rows || compareText(a.key, b.key))[0]
  return best?.key ?? ''
}

// The canonical key as written first, then the others in code-point order: a fixed order,
// so which alias wins on a row carrying two does not change when another file is imported.
function readingOrder(canonical: string, list: readonly TagKeyUse[]): TagKeyUse[] {
  return [...list].sort(
    (a, b) =>
      Number(b.key === canonical) - Number(a.key === canonical) || compareText(a.key, b.key),
  )
}
