/** The filter editor's drafts (filter-draft.ts): chip labels, the draft of a chip, and the round trip into the spec. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PIVOT, PivotSpecSchema, type PivotSpec } from '../../../../../shared/pivot'
import {
  applyDraft,
  conditionText,
  draftOf,
  draftProblem,
  filterText,
  removeRule,
} from '../../../../../renderer/src/features/explore/filter-draft'

const spec: PivotSpec = {
  ...DEFAULT_PIVOT,
  filters: [
    { dimension: { kind: 'column', name: 'RegionId' }, op: 'notIn', values: ['us-east-1', null] },
  ],
  conditions: [
    { op: 'contains', dimension: { kind: 'column', name: 'ResourceId' }, text: 'prod' },
    { op: 'range', column: 'BilledCost', min: '0.5', max: null },
    { op: 'tagMissing', key: 'team' },
  ],
}

describe('filter labels', () => {
  it('reads every rule as a sentence', () => {
    expect(filterText(spec.filters[0]!)).toBe('RegionId is not: us-east-1, (none)')
    expect(spec.conditions!.map(conditionText)).toEqual([
      'ResourceId contains "prod"',
      'BilledCost ≥ 0.5',
      'no tag team',
    ])
    expect(
      conditionText({ op: 'equals', dimension: { kind: 'tag', key: 'env' }, text: 'Prod' }),
    ).toBe('tag:env equals "Prod"')
    expect(conditionText({ op: 'range', column: 'ListCost', min: '1', max: '2.50' })).toBe(
      'ListCost ≥ 1 and ≤ 2.50',
    )
  })
})

describe('drafts', () => {
  it('edits a chip in place and gives back the same rule unchanged', () => {
    for (const ref of [
      { list: 'filters', index: 0 },
      { list: 'conditions', index: 0 },
      { list: 'conditions', index: 1 },
      { list: 'conditions', index: 2 },
    ] as const) {
      const draft = draftOf(spec, ref)!
      expect(applyDraft(spec, draft, ref)).toEqual({
        filters: spec.filters,
        conditions: spec.conditions,
      })
    }
  })

  it('moves a rule whose kind changed and adds a new one last; the result is a valid spec', () => {
    const next = applyDraft(
      spec,
      { mode: 'values', dimension: 'ResourceId', op: 'in', values: ['i-1'] },
      { list: 'conditions', index: 0 },
    )
    expect(next.conditions!.map(conditionText)).toEqual(['BilledCost ≥ 0.5', 'no tag team'])
    expect(next.filters.map(filterText)).toEqual([
      'RegionId is not: us-east-1, (none)',
      'ResourceId: i-1',
    ])
    const added = applyDraft(
      spec,
      { mode: 'range', dimension: 'EffectiveCost', min: ' ', max: '-12.50' },
      null,
    )
    expect(added.conditions!.at(-1)).toEqual({
      op: 'range',
      column: 'EffectiveCost',
      min: null,
      max: '-12.50',
    })
    expect(PivotSpecSchema.safeParse({ ...spec, ...added }).success).toBe(true)
    expect(removeRule(spec, { list: 'conditions', index: 1 }).conditions!.length).toBe(2)
  })

  it('says what is missing or wrong before a draft applies', () => {
    expect(draftProblem({ mode: 'values', dimension: 'X', op: 'in', values: [] })).toBe(
      'Tick at least one value.',
    )
    expect(draftProblem({ mode: 'range', dimension: 'BilledCost', min: '1e3', max: '' })).toBe(
      '"1e3" is not a number: write it as 100 or -12.50.',
    )
    expect(draftProblem({ mode: 'range', dimension: 'BilledCost', min: '', max: '' })).toBe(
      'Give a minimum, a maximum or both.',
    )
    expect(draftProblem({ mode: 'text', dimension: 'X', op: 'equals', text: 'a' })).toBeNull()
  })
})
