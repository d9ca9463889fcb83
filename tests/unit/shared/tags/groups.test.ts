/** shared/tags/groups: canonical keys from the keys in use and the overrides. */
import { describe, expect, it } from 'vitest'
import { buildTagGroups } from '../../../../shared/tags/groups'

const USES = [
  { key: 'CostCenter', rows: 5 },
  { key: 'cost-center', rows: 9 },
  { key: 'user:CostCenter', rows: 2 },
  { key: 'team', rows: 20 },
  { key: 'Team', rows: 20 },
  { key: 'env', rows: 1 },
]

const shape = (groups: ReturnType<typeof buildTagGroups>) =>
  groups.map((g) => [g.canonical, g.keys.map((u) => u.key)])

describe('buildTagGroups', () => {
  it('groups by the automatic rule, named by the most used key (ties: code-point order), largest first', () => {
    expect(shape(buildTagGroups(USES, []))).toEqual([
      ['Team', ['Team', 'team']],
      ['cost-center', ['cost-center', 'CostCenter', 'user:CostCenter']],
      ['env', ['env']],
    ])
  })

  it('places keys by override and names automatic groups by override', () => {
    const groups = buildTagGroups(USES, [
      { kind: 'key', key: 'env', canonical: 'cost-center' },
      { kind: 'key', key: 'user:CostCenter', canonical: 'user:CostCenter' },
      { kind: 'name', key: 'team', canonical: 'Squad' },
    ])
    expect(shape(groups)).toEqual([
      ['Squad', ['Team', 'team']],
      ['cost-center', ['cost-center', 'CostCenter', 'env']],
      ['user:CostCenter', ['user:CostCenter']],
    ])
    expect([...(groups[1]?.explicit ?? [])]).toEqual(['env'])
  })
})
