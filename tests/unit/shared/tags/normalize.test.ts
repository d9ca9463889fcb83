/** shared/tags/normalize: which spellings of a tag key are one key. */
import { describe, expect, it } from 'vitest'
import { normalizeTagKey } from '../../../../shared/tags/normalize'

describe('normalizeTagKey', () => {
  it.each([
    'CostCenter',
    'costCenter',
    'cost-center',
    'cost_center',
    'Cost Center',
    'COST_CENTER',
    'user:CostCenter',
    'USER:cost-center',
    '  cost__center ',
  ])('%s is "cost center"', (key) => {
    expect(normalizeTagKey(key)).toBe('cost center')
  })

  it('keeps acronyms together and digits with their word', () => {
    expect(normalizeTagKey('AWSAccount')).toBe('aws account')
    expect(normalizeTagKey('env2Name')).toBe('env2 name')
  })

  it('keeps apart keys that differ by more than separators, case or the prefix', () => {
    expect(normalizeTagKey('costcenter')).not.toBe(normalizeTagKey('cost_center'))
    expect(normalizeTagKey('aws:createdBy')).toBe('aws:created by')
    expect(normalizeTagKey('a.b')).not.toBe(normalizeTagKey('a_b'))
  })

  it('a key that is only a prefix or only separators stays itself', () => {
    expect(normalizeTagKey('user:')).toBe('user:')
    expect(normalizeTagKey('--')).toBe('--')
    expect(normalizeTagKey('_')).not.toBe(normalizeTagKey('-'))
  })
})
