/**
 * The edits a person makes to the tag alias policy (Tags screen): merge one canonical
 * key into another, split an original key out on its own, rename a canonical key, or
 * reset an original key to the automatic rule. Each returns the whole new list of
 * overrides, which the workspace stores in one transaction.
 */
import { fail } from '../contract/errors'
import type { TagEdit, TagOverride } from '../contract/tags'
import { compareText, type TagKeyGroup } from './groups'
import { normalizeTagKey } from './normalize'

/** The overrides after `edit`, given the groups they make now; refuses an edit that cannot apply. */
export function applyTagEdit(
  groups: readonly TagKeyGroup[],
  overrides: readonly TagOverride[],
  edit: TagEdit,
): TagOverride[] {
  const policy = new Overrides(overrides)
  switch (edit.action) {
    case 'merge': {
      const from = group(groups, edit.from)
      const into = group(groups, edit.into)
      if (from === into) fail('BAD_REQUEST', `"${edit.from}" is already "${edit.into}".`)
      // The target's automatic keys keep its name even if another key later becomes the most used.
      policy.pinNames(into, into.canonical)
      for (const use of from.keys) policy.setKey(use.key, into.canonical)
      break
    }
    case 'split': {
      const from = groups.find((g) => g.keys.some((u) => u.key === edit.key))
      if (!from) fail('BAD_REQUEST', `No imported row carries the tag key "${edit.key}".`)
      if (from.keys.length === 1)
        fail('BAD_REQUEST', `"${edit.key}" is already a canonical key on its own.`)
      taken(groups, edit.key, from)
      if (from.canonical === edit.key) {
        // The rest of the group stays together under its most used remaining key.
        const rest = from.keys.filter((u) => u.key !== edit.key)
        const name = [...rest].sort((a, b) => b.rows - a.rows || compareText(a.key, b.key))[0]
        policy.renameCanonical(from, name?.key ?? edit.key)
      }
      policy.setKey(edit.key, edit.key)
      break
    }
    case 'rename': {
      const target = group(groups, edit.canonical)
      const name = edit.name.trim()
      if (name === '') fail('BAD_REQUEST', 'A canonical tag key needs a name.')
      if (name === target.canonical) fail('BAD_REQUEST', `"${name}" is already its name.`)
      taken(groups, name, target)
      policy.renameCanonical(target, name)
      break
    }
    case 'reset': {
      if (!policy.hasKey(edit.key))
        fail('BAD_REQUEST', `"${edit.key}" already follows the automatic rule.`, {
          hint: 'Reset applies to a key that was merged or split by hand.',
        })
      policy.deleteKey(edit.key)
      break
    }
  }
  return policy.list()
}

/** A one-line account of an edit, for the audit log. */
export function describeTagEdit(edit: TagEdit): string {
  switch (edit.action) {
    case 'merge':
      return `merged "${edit.from}" into "${edit.into}"`
    case 'split':
      return `split "${edit.key}" out on its own`
    case 'rename':
      return `renamed "${edit.canonical}" to "${edit.name}"`
    case 'reset':
      return `reset "${edit.key}" to the automatic rule`
  }
}

function group(groups: readonly TagKeyGroup[], canonical: string): TagKeyGroup {
  const found = groups.find((g) => g.canonical === canonical)
  if (!found)
    fail('BAD_REQUEST', `No canonical tag key "${canonical}".`, {
      hint: 'Run focal tags aliases (or open the Tags screen) to see the canonical keys.',
    })
  return found
}

// A name another group answers to (its canonical key or one of its original keys) would make
// `tag:<name>` mean two things.
function taken(groups: readonly TagKeyGroup[], name: string, except: TagKeyGroup): void {
  const other = groups.find(
    (g) => g !== except && (g.canonical === name || g.keys.some((u) => u.key === name)),
  )
  if (other)
    fail(
      'BAD_REQUEST',
      `"${name}" is already used by the canonical tag key "${other.canonical}".`,
      {
        hint: 'Merge the two keys instead, or choose another name.',
      },
    )
}

/** The override list being edited, keyed as stored. */
class Overrides {
  private readonly byId = new Map<string, TagOverride>()

  constructor(overrides: readonly TagOverride[]) {
    for (const o of overrides) this.byId.set(`${o.kind}\u0000${o.key}`, o)
  }

  hasKey(key: string): boolean {
    return this.byId.has(`key\u0000${key}`)
  }

  setKey(key: string, canonical: string): void {
    this.byId.set(`key\u0000${key}`, { kind: 'key', key, canonical })
  }

  deleteKey(key: string): void {
    this.byId.delete(`key\u0000${key}`)
  }

  /** Names the automatic keys of `group` (by their normalized form) `canonical`. */
  pinNames(group: TagKeyGroup, canonical: string): void {
    for (const use of group.keys) {
      if (group.explicit.has(use.key)) continue
      const normal = normalizeTagKey(use.key)
      this.byId.set(`name\u0000${normal}`, { kind: 'name', key: normal, canonical })
    }
  }

  /** Gives `group` a new canonical name: its automatic keys, its placed keys, and any stored key aimed at it. */
  renameCanonical(group: TagKeyGroup, canonical: string): void {
    for (const [id, o] of this.byId) {
      if (o.canonical === group.canonical) this.byId.set(id, { ...o, canonical })
    }
    this.pinNames(group, canonical)
  }

  list(): TagOverride[] {
    return [...this.byId.values()].sort(
      (a, b) => compareText(a.kind, b.kind) || compareText(a.key, b.key),
    )
  }
}
