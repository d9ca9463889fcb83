/**
 * allocateLines on the benchmark's synthetic month (tests/bench/synthetic.ts,
 * 100,000 rows, USD and EUR, purchases, taxes, credits, commitments) with
 * ~30 rules and three pools: per currency the lines equal the period total
 * exactly, every row's lines add up to the row, and every pool part is in
 * whole cents except the one that took the residue's fraction of a cent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocateLines, dropLines } from '../../../electron/core/allocate/allocate'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { toScaled } from '../../../shared/money'
import { syntheticSelect } from '../../bench/synthetic'
import { freshWorkspace } from '../../helpers/workspace'
import { expectRowsAddUp, teamRules } from './fixtures'

const ROWS = 100_000
const TEAMS = [
  'platform',
  'payments',
  'search',
  'data',
  'ml',
  'identity',
  'mobile',
  'web',
  'growth',
  'security',
  'infra',
  'analytics',
]

const rules = [
  {
    id: 'support',
    when: [{ field: 'ServiceName', op: 'prefix', value: 'AWS Support' }],
    then: { pool: 'support' },
  },
  {
    id: 'network',
    when: [{ field: 'ServiceCategory', op: 'equals', value: 'Networking' }],
    then: { pool: 'network' },
  },
  { id: 'untagged', when: [{ field: 'tag:team', op: 'missing' }], then: { pool: 'untagged' } },
  ...TEAMS.flatMap((team) => [
    {
      id: `${team}-prod`,
      when: [
        { field: 'tag:team', op: 'equals', value: team },
        { field: 'tag:env', op: 'in', values: ['prod', 'staging'] },
      ],
      then: `${team} (production)`,
    },
    {
      id: `${team}-account`,
      when: [{ field: 'SubAccountName', op: 'regex', pattern: `^acme-${team}-` }],
      then: team,
    },
  ]),
  { id: 'cost-center', then: { field: 'tag:cost-center' } },
]
const pools = [
  { id: 'support', method: 'even' },
  { id: 'network', method: 'proportional' },
  {
    id: 'untagged',
    method: 'driver',
    driver: {
      field: 'ConsumedQuantity',
      when: [{ field: 'ServiceCategory', op: 'equals', value: 'Compute' }],
    },
  },
]

describe(`allocateLines on ${ROWS.toLocaleString('en-US')} synthetic rows`, () => {
  let ws: Workspace
  beforeAll(async () => {
    ws = await freshWorkspace('synthetic')
    await ws.run(
      `INSERT INTO cost_rows BY NAME SELECT * EXCLUDE (ProviderName, PublisherName), 1 AS x_ImportId, row_number() OVER () AS x_SourceRow FROM (${syntheticSelect(ROWS)})`,
    )
  })
  afterAll(() => ws?.close())

  for (const metric of ['BilledCost', 'EffectiveCost'] as const) {
    it(`${metric}: exact per currency and per row, cents per pool part`, async () => {
      const ruleSet = teamRules(rules, pools, {
        policies: { taxes: 'proportional', credits: 'separate', commitments: 'withUsage' },
      })
      const result = await allocateLines(ws, { period: '2025-06', metric, ruleSet })
      try {
        expect(result.reconciliation.map((r) => [r.currency, r.equal])).toEqual([
          ['EUR', true],
          ['USD', true],
        ])
        expect(await expectRowsAddUp(ws, result.table, metric, '2025-06')).toBe(ROWS)
        const parts = await ws.all(
          `SELECT pool, BillingCurrency AS cur, target, sum(amount)::VARCHAR AS t FROM "${result.table}"
           WHERE pool IN ('support', 'network', 'untagged') GROUP BY ALL`,
        )
        expect(parts.length).toBeGreaterThan(20)
        const fractions = new Set(
          result.residues.flatMap((r) =>
            r.placements
              .filter((p) => toScaled(p.amount) % 10n ** 16n !== 0n)
              .map((p) => `${r.pool}|${r.currency}|${p.target}`),
          ),
        )
        const offCent = parts.filter((p) => toScaled(String(p.t)) % 10n ** 16n !== 0n)
        for (const p of offCent) expect(fractions.has(`${p.pool}|${p.cur}|${p.target}`)).toBe(true)
        expect(result.coverage.currencies.map((c) => c.currency)).toEqual(['EUR', 'USD'])
      } finally {
        await dropLines(ws, result.table)
      }
    })
  }
})
