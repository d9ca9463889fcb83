/** pivot-builder: group-by options offer canonical tag keys, and say which other keys each reads. */
import { describe, expect, it } from 'vitest'
import {
  dimensionOptions,
  tagAliasHint,
} from '../../../../../renderer/src/features/explore/pivot-builder'
import type { Catalog } from '../../../../../shared/contract'

const CATALOG: Catalog = {
  columns: [{ name: 'ServiceName', type: 'string', kind: 'focus' }],
  tagKeys: ['cost_center', 'team'],
  tagAliases: [
    {
      canonical: 'cost_center',
      aliases: [
        { key: 'cost_center', rows: 3 },
        { key: 'CostCenter', rows: 2 },
        { key: ' cost center', rows: 1 },
      ],
    },
    { canonical: 'team', aliases: [{ key: 'team', rows: 1 }] },
  ],
}

describe('pivot builder options', () => {
  it('lists each canonical tag key once', () => {
    expect(dimensionOptions(CATALOG).find((g) => g.group === 'Tags')?.items).toEqual([
      'tag:cost_center',
      'tag:team',
    ])
  })

  it('hints the other original keys a canonical key reads, quoted so spaces show', () => {
    expect(tagAliasHint(CATALOG, 'tag:cost_center')).toBe('also "CostCenter", " cost center"')
    expect(tagAliasHint(CATALOG, 'tag:team')).toBeNull()
    expect(tagAliasHint(CATALOG, 'ServiceName')).toBeNull()
  })
})
