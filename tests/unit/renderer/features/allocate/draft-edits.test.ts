/**
 * The rules editor's pure edits (renderer/src/features/allocate/draft-edits.ts):
 * unique ids, reordering, and switching operators, target kinds and pool
 * methods keep what still applies and always give a shape the allocation
 * schema accepts.
 */
import { describe, expect, it } from 'vitest'
import {
  conditionText,
  moveItem,
  newPool,
  newRule,
  targetText,
  uniqueId,
  withMethod,
  withOperator,
  withTargetKind,
} from '../../../../../renderer/src/features/allocate/draft-edits'
import {
  ConditionSchema,
  PoolSchema,
  RuleSchema,
  TargetSchema,
  type AllocationDimension,
  type Condition,
} from '../../../../../shared/allocate/rule-set'

const dimension: AllocationDimension = {
  id: 'team',
  rules: [{ id: 'rule', when: [], then: { kind: 'value', value: 'A' } }],
  pools: [{ id: 'shared', method: 'even' }],
}

describe('draft edits', () => {
  it('makes ids unique and new rules and pools the schema accepts', () => {
    expect(uniqueId('rule', ['rule', 'rule-2'])).toBe('rule-3')
    expect(uniqueId('x', [])).toBe('x')
    const rule = newRule(dimension)
    expect(rule.id).toBe('rule-2')
    expect(RuleSchema.safeParse(rule).success).toBe(true)
    expect(newPool(dimension).id).toBe('shared-2')
    expect(PoolSchema.safeParse(newPool(dimension)).success).toBe(true)
  })

  it('moves an item, clamping the destination', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a'])
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b'])
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
  })

  it('keeps the field, flags and value when the operator changes', () => {
    const start: Condition = { field: 'tag:team', op: 'equals', value: 'Data', not: true }
    const asIn = withOperator(start, 'in')
    expect(asIn).toEqual({ field: 'tag:team', op: 'in', values: ['Data'], not: true })
    expect(withOperator(asIn, 'regex')).toEqual({
      field: 'tag:team',
      op: 'regex',
      pattern: 'Data',
      not: true,
    })
    expect(withOperator(start, 'missing')).toEqual({ field: 'tag:team', op: 'missing', not: true })
    for (const op of ['equals', 'in', 'prefix', 'regex', 'missing'] as const)
      expect(ConditionSchema.safeParse(withOperator(start, op)).success, op).toBe(true)
  })

  it('switches target kinds and pool methods to valid shapes', () => {
    const mapping = withTargetKind({ kind: 'field', field: 'SubAccountName' }, 'mapping', [])
    expect(mapping).toEqual({ kind: 'mapping', mapping: '', field: 'SubAccountName' })
    expect(withTargetKind(mapping, 'pool', dimension.pools)).toEqual({
      kind: 'pool',
      pool: 'shared',
    })
    expect(TargetSchema.safeParse(withTargetKind(mapping, 'value', [])).success).toBe(true)
    const fixed = withMethod({ id: 'p', label: 'Platform', method: 'even' }, 'fixed')
    expect(fixed).toEqual({ id: 'p', label: 'Platform', method: 'fixed', percentages: {} })
    expect(PoolSchema.safeParse(withMethod(fixed, 'driver')).success).toBe(true)
  })

  it('says conditions and targets in words', () => {
    expect(conditionText({ field: 'ServiceCategory', op: 'equals', value: 'Networking' })).toBe(
      'ServiceCategory = "Networking"',
    )
    expect(conditionText({ field: 'tag:team', op: 'missing' })).toBe('tag:team is missing')
    expect(conditionText({ field: 'x', op: 'in', values: ['a', 'b'], not: true })).toBe(
      'x not in (a, b)',
    )
    expect(targetText({ kind: 'mapping', mapping: 'acct', field: 'SubAccountName' })).toBe(
      'SubAccountName via mapping acct',
    )
  })
})
