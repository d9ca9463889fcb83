/** shared/tags/resolve: what `tag:<key>` reads. */
import { describe, expect, it } from 'vitest'
import { buildTagGroups } from '../../../../shared/tags/groups'
import { LITERAL_TAGS, tagResolver } from '../../../../shared/tags/resolve'

const groups = buildTagGroups(
  [
    { key: 'CostCenter', rows: 5 },
    { key: 'cost_center', rows: 1 },
    { key: 'Owner', rows: 3 },
    { key: 'owner', rows: 1 },
  ],
  [{ kind: 'key', key: 'owner', canonical: 'owner' }],
)
const resolve = tagResolver(groups)

describe('tagResolver', () => {
  it('finds a group by its canonical name, an original key, or a key normalizing like its name', () => {
    const group = { canonical: 'CostCenter', keys: ['CostCenter', 'cost_center'] }
    expect(resolve('CostCenter')).toEqual(group)
    expect(resolve('cost_center')).toEqual(group)
    expect(resolve('cost-center')).toEqual(group)
    expect(resolve('user:CostCenter')).toEqual(group)
  })

  it('does not guess between two canonical keys that normalize alike', () => {
    expect(resolve('Owner')).toEqual({ canonical: 'Owner', keys: ['Owner'] })
    expect(resolve('owner')).toEqual({ canonical: 'owner', keys: ['owner'] })
    expect(resolve('OWNER')).toEqual({ canonical: 'OWNER', keys: ['OWNER'] })
  })

  it('reads an unknown key as itself, like the literal resolver', () => {
    expect(resolve('nope')).toEqual(LITERAL_TAGS('nope'))
  })
})
