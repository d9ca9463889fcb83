/** shared/tags/edit: merge, split, rename and reset as override lists. */
import { describe, expect, it } from 'vitest'
import type { TagEdit, TagOverride } from '../../../../shared/contract/tags'
import { applyTagEdit } from '../../../../shared/tags/edit'
import { buildTagGroups } from '../../../../shared/tags/groups'

const USES = [
  { key: 'CostCenter', rows: 5 },
  { key: 'cost-center', rows: 2 },
  { key: 'cc', rows: 4 },
  { key: 'team', rows: 1 },
]

function edit(overrides: TagOverride[], change: TagEdit) {
  const next = applyTagEdit(buildTagGroups(USES, overrides), overrides, change)
  const groups = buildTagGroups(USES, next)
  return { next, shape: groups.map((g) => [g.canonical, g.keys.map((u) => u.key)]) }
}

describe('applyTagEdit', () => {
  it('merge pins the target name, so it survives another key becoming the most used', () => {
    const { next, shape } = edit([], { action: 'merge', from: 'cc', into: 'CostCenter' })
    expect(shape).toEqual([
      ['CostCenter', ['CostCenter', 'cc', 'cost-center']],
      ['team', ['team']],
    ])
    const later = buildTagGroups([...USES.slice(1), { key: 'CostCenter', rows: 1 }], next)
    expect(later[0]?.canonical).toBe('CostCenter')
  })

  it('splitting the canonical key leaves the rest together under their most used key', () => {
    const merged = edit([], { action: 'merge', from: 'cc', into: 'CostCenter' }).next
    const { shape } = edit(merged, { action: 'split', key: 'CostCenter' })
    expect(shape).toEqual([
      ['cc', ['cc', 'cost-center']],
      ['CostCenter', ['CostCenter']],
      ['team', ['team']],
    ])
  })

  it('rename moves automatic and placed keys alike; reset returns a key to the rule', () => {
    const merged = edit([], { action: 'merge', from: 'team', into: 'CostCenter' }).next
    const renamed = edit(merged, { action: 'rename', canonical: 'CostCenter', name: 'Owner' })
    expect(renamed.shape).toEqual([
      ['Owner', ['CostCenter', 'cost-center', 'team']],
      ['cc', ['cc']],
    ])
    expect(edit(renamed.next, { action: 'reset', key: 'team' }).shape).toEqual([
      ['Owner', ['CostCenter', 'cost-center']],
      ['cc', ['cc']],
      ['team', ['team']],
    ])
  })

  it.each<[TagEdit, string]>([
    [{ action: 'merge', from: 'nope', into: 'cc' }, 'No canonical tag key "nope".'],
    [{ action: 'merge', from: 'cc', into: 'cc' }, '"cc" is already "cc".'],
    [{ action: 'split', key: 'team' }, '"team" is already a canonical key on its own.'],
    [{ action: 'split', key: 'gone' }, 'No imported row carries the tag key "gone".'],
    [
      { action: 'rename', canonical: 'team', name: 'cost-center' },
      '"cost-center" is already used by the canonical tag key "CostCenter".',
    ],
    [{ action: 'rename', canonical: 'team', name: '  ' }, 'A canonical tag key needs a name.'],
    [{ action: 'reset', key: 'cc' }, '"cc" already follows the automatic rule.'],
  ])('refuses %j', (change, message) => {
    expect(() => edit([], change)).toThrow(message)
  })
})
