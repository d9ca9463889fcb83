/** shared/allocate/parse-rules: the rule file model, defaults, and errors that name the rule and field. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UNALLOCATED_TARGET } from '../../../shared/allocate/names'
import { parseRuleSet, parseRuleSetText, ruleSetJson } from '../../../shared/allocate/parse-rules'
import { FocalFailure } from '../../../shared/contract'
import { UNALLOCATED } from '../../../electron/core/allocate/lines'
import { ROOT } from '../../helpers/paths'

const EXAMPLE = join(ROOT, 'resources/examples/allocation-rules.json')

function problems(input: unknown): string[] {
  try {
    parseRuleSet(input, 'rules.json')
  } catch (cause) {
    expect(cause).toBeInstanceOf(FocalFailure)
    const error = (cause as FocalFailure).error
    expect(error.code).toBe('BAD_VALUE')
    return error.details?.problems as string[]
  }
  throw new Error('expected the rule set to be rejected')
}

const dimension = (rules: unknown[], pools: unknown[] = []): unknown => ({
  dimensions: [{ id: 'cost_center', rules, pools }],
})

describe('parseRuleSet', () => {
  it('reads the example rule file for the demo data with every default stated', () => {
    const ruleSet = parseRuleSetText(readFileSync(EXAMPLE, 'utf8'), 'allocation-rules.json')
    expect(ruleSet.scale).toBe(2)
    expect(ruleSet.coverageTarget).toBe(95)
    expect(ruleSet.policies).toEqual({
      taxes: 'separate',
      credits: 'proportional',
      refunds: 'rules',
      adjustments: 'rules',
      commitments: 'withUsage',
    })
    expect(ruleSet.dimensions.map((d) => d.id)).toEqual(['cost_center', 'environment'])
    expect(ruleSet.dimensions[0]?.rules[0]?.then).toEqual({ kind: 'pool', pool: 'network' })
    expect(ruleSet.dimensions[0]?.pools[1]).toMatchObject({
      method: 'fixed',
      percentages: { Engineering: '40', IT: '40', Finance: '20' },
    })
  })

  it('fills defaults: scale 2, coverage 95%, every policy "rules", format tag', () => {
    const ruleSet = parseRuleSet(dimension([{ id: 'all', then: 'Platform' }]))
    expect(ruleSet).toMatchObject({
      format: 'focal.allocation-rules/1',
      scale: 2,
      coverageTarget: 95,
      policies: {
        taxes: 'rules',
        credits: 'rules',
        refunds: 'rules',
        adjustments: 'rules',
        commitments: 'rules',
      },
    })
    expect(ruleSet.dimensions[0]?.rules[0]).toEqual({
      id: 'all',
      when: [],
      then: { kind: 'value', value: 'Platform' },
    })
  })

  it('infers the target kind from its fields and keeps the canonical JSON stable', () => {
    const ruleSet = parseRuleSet(
      dimension([
        { id: 'a', then: { field: 'tag:team' } },
        { id: 'b', then: { mapping: 'accounts', field: 'SubAccountId' } },
        { id: 'c', then: { value: 'X' } },
      ]),
    )
    expect(ruleSet.dimensions[0]?.rules.map((r) => r.then.kind)).toEqual([
      'field',
      'mapping',
      'value',
    ])
    expect(parseRuleSetText(ruleSetJson(ruleSet))).toEqual(ruleSet)
  })

  it('names the dimension, the rule (id and position) and the field of a bad condition', () => {
    const found = problems(
      dimension([
        { id: 'ok', then: 'A' },
        {
          id: 'support',
          when: [{ field: 'ServiceName', op: 'startsWith', value: 'AWS' }],
          then: 'B',
        },
      ]),
    )
    expect(found[0]).toMatch(/^dimension "cost_center", rule "support" \(#2\), when\[0\]\.op: /)
  })

  it('rejects unknown fields (a typo is not silently ignored) and names missing ones', () => {
    expect(
      problems(
        dimension([{ id: 'r', when: [{ field: 'x', op: 'equals', vaule: 'a' }], then: 'A' }]),
      ),
    ).toEqual([
      'dimension "cost_center", rule "r" (#1), when[0].value: missing (expected string)',
      'dimension "cost_center", rule "r" (#1), when[0]: unknown field(s) vaule',
    ])
    expect(problems({ ...(dimension([]) as object), scal: 2 })).toEqual([
      '(top level): unknown field(s) scal',
    ])
  })

  it('checks cross-references: pools, unique ids, percentages adding to 100, the reserved Unallocated', () => {
    const found = problems(
      dimension(
        [
          { id: 'a', then: { pool: 'missing' } },
          { id: 'a', then: UNALLOCATED_TARGET },
        ],
        [
          { id: 'p', method: 'fixed', percentages: { A: 50, B: '33.33' } },
          { id: 'q', method: 'even', targets: [UNALLOCATED_TARGET] },
        ],
      ),
    )
    expect(found).toEqual([
      'dimension "cost_center", rule "a": two rules have this id',
      'dimension "cost_center", rule "a" (#1), then.pool: no pool "missing" in this dimension',
      `dimension "cost_center", rule "a" (#2), then.value: "${UNALLOCATED_TARGET}" is reserved for unmatched cost`,
      'dimension "cost_center", pool "p", percentages: add up to 83.33, not 100',
      `dimension "cost_center", pool "q": "${UNALLOCATED_TARGET}" cannot receive a share`,
    ])
  })

  it('rejects a bad regex, a bad id, a scale beyond 18 and a percentage over 100', () => {
    const found = problems({
      scale: 19,
      dimensions: [
        {
          id: 'cost center',
          rules: [{ id: 'r', when: [{ field: 'x', op: 'regex', pattern: '(' }], then: 'A' }],
          pools: [{ id: 'p', method: 'fixed', percentages: { A: 150 } }],
        },
      ],
    })
    expect(found.join('\n')).toContain('scale: ')
    expect(found.join('\n')).toContain('dimension "cost center", id: use letters')
    expect(found.join('\n')).toContain(
      'rule "r" (#1), when[0].pattern: not a valid regular expression',
    )
    expect(found.join('\n')).toContain('pool "p" (#1), percentages.A: a percentage 0–100')
  })

  it('explains invalid JSON', () => {
    expect(() => parseRuleSetText('{"dimensions": [', 'rules.json')).toThrow(
      /rules.json is not valid JSON/,
    )
  })

  it('uses the same Unallocated name as the allocated-lines contract', () => {
    expect(UNALLOCATED_TARGET).toBe(UNALLOCATED)
  })
})
