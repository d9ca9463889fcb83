/** shared/report/build-model: targets, cents that add up, previous period, budgets, trend, reconciliation. */
import { describe, expect, it } from 'vitest'
import { sumDecimals } from '../../../shared/money'
import { buildReportModel, type ReportFacts } from '../../../shared/report'

function facts(patch: Partial<ReportFacts> = {}): ReportFacts {
  return {
    kind: 'chargeback',
    period: '2024-09',
    metric: 'BilledCost',
    groupedBy: 'tag:team',
    company: 'Acme',
    workspace: 'acme',
    generatedAt: '2024-10-02T08:00:00.000Z',
    topN: 10,
    current: [
      { target: 'Small', currency: 'USD', amount: '0.004', lines: 1 },
      { target: 'Big', currency: 'USD', amount: '10.004', lines: 3 },
      { target: 'Unallocated', currency: 'USD', amount: '0.004', lines: 2 },
      { target: 'Big', currency: 'EUR', amount: '5', lines: 1 },
    ],
    history: [],
    daily: [
      { at: '2024-09-01', target: 'Big', currency: 'USD', amount: '10' },
      { at: '2024-09-02', target: 'Big', currency: 'USD', amount: '0.004' },
      { at: '2024-09-02', target: 'Small', currency: 'USD', amount: '0.004' },
    ],
    services: [],
    resources: [],
    pools: [],
    periodTotals: [
      { currency: 'EUR', amount: '5' },
      { currency: 'USD', amount: '10.012' },
    ],
    imports: [{ id: 1, fileName: 'a.csv', sha256: 'ab'.repeat(32), rows: 7, lines: 9 }],
    allocation: null,
    budgets: [],
    ...patch,
  }
}

describe('buildReportModel', () => {
  it('orders targets by size with Unallocated last, and never adds currencies', () => {
    const model = buildReportModel(facts())
    expect(model.targets.map((t) => t.target)).toEqual(['Big', 'Small', 'Unallocated'])
    expect(model.currencies).toEqual(['EUR', 'USD'])
    expect(model.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', exact: '5', charged: '5', lines: 1 }),
      expect.objectContaining({ currency: 'USD', exact: '10.012', charged: '10.01', lines: 6 }),
    ])
    expect(model.ruleSet).toBe('No rules: grouped by tag:team')
    expect(model.detailLines).toBe(7)
  })

  it('rounds each target to cents so they add up to the rounded period total', () => {
    const model = buildReportModel(facts())
    const usd = model.targets.map(
      (t) => t.amounts.find((a) => a.currency === 'USD')?.charged ?? '0',
    )
    expect(usd).toEqual(['10.01', '0', '0'])
    expect(sumDecimals(usd)).toBe('10.01')
    const big = model.targets[0]?.amounts.find((a) => a.currency === 'USD')
    expect(big).toMatchObject({ exact: '10.004', charged: '10.01', roundingAdjustment: '0.01' })
  })

  it('reconciles against the period total and flags a difference', () => {
    expect(buildReportModel(facts()).reconciliation).toEqual([
      {
        currency: 'EUR',
        targets: '5',
        unallocated: '0',
        sum: '5',
        periodTotal: '5',
        difference: '0',
        ok: true,
      },
      {
        currency: 'USD',
        targets: '10.008',
        unallocated: '0.004',
        sum: '10.012',
        periodTotal: '10.012',
        difference: '0',
        ok: true,
      },
    ])
    const off = buildReportModel(facts({ periodTotals: [{ currency: 'USD', amount: '10.02' }] }))
    expect(off.reconciliation.find((l) => l.currency === 'USD')).toMatchObject({
      ok: false,
      difference: '-0.008',
    })
    expect(off.reconciliation.find((l) => l.currency === 'EUR')).toMatchObject({
      ok: false,
      difference: '5',
    })
  })

  it('always shows Unallocated, at zero when nothing is unallocated', () => {
    const model = buildReportModel(
      facts({
        current: [{ target: 'A', currency: 'USD', amount: '1', lines: 1 }],
        periodTotals: [{ currency: 'USD', amount: '1' }],
      }),
    )
    expect(model.targets.at(-1)).toMatchObject({
      target: 'Unallocated',
      unallocated: true,
      amounts: [expect.objectContaining({ currency: 'USD', exact: '0', charged: '0', lines: 0 })],
    })
  })

  it('uses a daily trend for a first month and a monthly one when earlier months have data', () => {
    const daily = buildReportModel(facts())
    expect(daily.trend.grain).toBe('day')
    const usd = daily.trend.series.find((s) => s.currency === 'USD')
    expect(usd?.points).toHaveLength(30)
    expect(usd?.points.slice(0, 2)).toEqual([
      { label: '2024-09-01', amount: '10' },
      { label: '2024-09-02', amount: '0.008' },
    ])

    const monthly = buildReportModel(
      facts({
        history: [
          { at: '2024-07', target: 'Big', currency: 'USD', amount: '4' },
          { at: '2024-08', target: 'Big', currency: 'USD', amount: '8' },
          { at: '2024-08', target: 'Gone', currency: 'USD', amount: '1' },
        ],
      }),
    )
    expect(monthly.trend.grain).toBe('month')
    const big = monthly.targets.find((t) => t.target === 'Big')
    expect(big?.trend.series.find((s) => s.currency === 'USD')?.points).toEqual([
      { label: '2024-07', amount: '4' },
      { label: '2024-08', amount: '8' },
      { label: '2024-09', amount: '10.004' },
    ])
    expect(big?.amounts.find((a) => a.currency === 'USD')?.previous).toBe('8')
    // The previous period has data, so a target absent from it had 0 there, not "no data".
    expect(monthly.targets.find((t) => t.target === 'Small')?.amounts[0]?.previous).toBe('0')
    expect(monthly.totals.find((t) => t.currency === 'USD')?.previous).toBe('9')
    expect(buildReportModel(facts()).totals[0]?.previous).toBeNull()
  })

  it('carries budgets, including a cost center with a budget and no cost', () => {
    const model = buildReportModel(
      facts({
        kind: 'showback',
        budgets: [
          { target: 'Big', currency: 'USD', amount: '9' },
          { target: 'Idle', currency: 'USD', amount: '2' },
        ],
      }),
    )
    expect(model.targets.map((t) => t.target)).toEqual(['Big', 'Small', 'Idle', 'Unallocated'])
    expect(model.targets.find((t) => t.target === 'Idle')?.amounts).toEqual([
      expect.objectContaining({ currency: 'USD', exact: '0', budget: '2', lines: 0 }),
    ])
    expect(model.totals.find((t) => t.currency === 'USD')?.budget).toBe('11')
    expect(model.totals.find((t) => t.currency === 'EUR')?.budget).toBeNull()
  })

  it('states the rule set and computes pool shares when allocation facts are given', () => {
    const model = buildReportModel(
      facts({
        allocation: {
          ruleSetName: 'FY25',
          ruleVersion: '7',
          pools: [
            {
              id: 'p1',
              name: 'Shared network',
              method: 'proportional',
              description: 'By direct cost.',
            },
          ],
          residues: [],
        },
        pools: [
          { target: 'Big', pool: 'p1', method: 'proportional', currency: 'USD', amount: '3' },
          { target: 'Small', pool: 'p1', method: 'proportional', currency: 'USD', amount: '1' },
        ],
      }),
    )
    expect(model.ruleSet).toBe('Rule set "FY25", version 7')
    expect(model.targets[0]?.pools).toEqual([
      {
        pool: 'p1',
        poolName: 'Shared network',
        method: 'proportional',
        description: 'By direct cost.',
        currency: 'USD',
        amount: '3',
        poolTotal: '4',
      },
    ])
  })
})
