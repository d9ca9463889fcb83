/** shared/allocate/pool-split: weights per method, policy pools, commitment fallback, laid-out shares. */
import { describe, expect, it } from 'vitest'
import { parseRuleSet } from '../../../shared/allocate/parse-rules'
import {
  poolDefinitions,
  splitGroups,
  type PoolGroup,
  type WeightSources,
} from '../../../shared/allocate/pool-split'

const ruleSet = parseRuleSet({
  policies: { taxes: 'proportional', commitments: 'withUsage', credits: 'separate' },
  dimensions: [
    {
      id: 'team',
      rules: [],
      pools: [
        { id: 'support', method: 'even' },
        { id: 'listed', method: 'even', targets: ['web', 'ops'] },
        { id: 'network', method: 'proportional' },
        { id: 'platform', method: 'fixed', percentages: { web: 60, api: 40 } },
        { id: 'cluster', method: 'driver', driver: { field: 'ConsumedQuantity' } },
      ],
    },
  ],
})
const dimension = ruleSet.dimensions[0]!
const definitions = poolDefinitions(ruleSet, dimension)

const sources: WeightSources = {
  direct: new Map([
    [
      'USD',
      new Map([
        ['api', '300'],
        ['web', '700'],
        ['ops', '-50'],
      ]),
    ],
    ['EUR', new Map([['web', '10']])],
  ]),
  drivers: new Map([
    [
      'cluster',
      new Map([
        ['api', '1'],
        ['web', '3'],
      ]),
    ],
  ]),
  commitmentUsage: new Map([
    [
      'USD',
      new Map([
        ['ri-1', new Map([['api', '5']])],
        ['ri-2', new Map([['web', '15']])],
      ]),
    ],
  ]),
}

const group = (pool: string, total: string, currency = 'USD', groupKey = ''): PoolGroup => ({
  pool,
  currency,
  groupKey,
  total,
  rows: 1,
})

function split(g: PoolGroup): Record<string, string> | string {
  const [result] = splitGroups([g], definitions, sources, 2)
  if (result?.unsplit) return result.unsplit
  return Object.fromEntries((result?.shares ?? []).map((s) => [s.target, s.part]))
}

describe('poolDefinitions', () => {
  it('adds a pool for each proportional policy and for commitments with usage, none for separate', () => {
    expect([...definitions.keys()]).toEqual([
      'support',
      'listed',
      'network',
      'platform',
      'cluster',
      'policy:taxes',
      'policy:commitments',
    ])
    expect(definitions.get('policy:commitments')).toMatchObject({
      method: 'driver',
      commitments: true,
    })
  })
})

describe('splitGroups', () => {
  it('even: every target with direct cost in the currency, or the listed ones', () => {
    expect(split(group('support', '9'))).toEqual({ api: '3', ops: '3', web: '3' })
    expect(split(group('listed', '9'))).toEqual({ ops: '4.5', web: '4.5' })
  })

  it('proportional: by direct cost, a negative direct cost takes no share', () => {
    expect(split(group('network', '100'))).toEqual({ api: '30', web: '70' })
    expect(split(group('policy:taxes', '10', 'EUR'))).toEqual({ web: '10' })
  })

  it('fixed and driver', () => {
    expect(split(group('platform', '50'))).toEqual({ api: '20', web: '30' })
    expect(split(group('cluster', '8'))).toEqual({ api: '2', web: '6' })
  })

  it('commitments: users of the same commitment, else of all commitments, else unsplit', () => {
    expect(split(group('policy:commitments', '12', 'USD', 'ri-1'))).toEqual({ api: '12' })
    const [fallback] = splitGroups(
      [group('policy:commitments', '20', 'USD', 'ri-9')],
      definitions,
      sources,
      2,
    )
    expect(fallback?.basis).toBe('usage of all commitments in the currency')
    expect(Object.fromEntries(fallback?.shares.map((s) => [s.target, s.part]) ?? [])).toEqual({
      api: '5',
      web: '15',
    })
    expect(split(group('policy:commitments', '20', 'EUR', 'ri-1'))).toMatch(
      /no target has a positive weight/,
    )
  })

  it('lays the parts end to end over [0, 1] with the last hi exactly 1, leaving out zero parts', () => {
    const [result] = splitGroups([group('support', '0.02')], definitions, sources, 2)
    // 0.02 three ways: 0.00, 0.01, 0.01 (the later targets take the cents); api's zero part is left out.
    expect(result?.shares).toEqual([
      { target: 'ops', part: '0.01', lo: '0', hi: '0.5', last: false },
      { target: 'web', part: '0.01', lo: '0.5', hi: '1', last: true },
    ])
    expect(result?.residue).toMatchObject({ whole: '0.02', amount: '0.02', parts: 3 })
  })

  it('lays a zero total by weight, so offsetting rows still spread', () => {
    const [result] = splitGroups([group('network', '0')], definitions, sources, 2)
    expect(result?.shares.map((s) => [s.target, s.lo, s.hi])).toEqual([
      ['api', '0', '0.3'],
      ['web', '0.3', '1'],
    ])
  })
})
