/**
 * allocateLines on the real FOCUS sample with the example rules: the lines
 * table has the contract's columns, every row's lines add up to the row, and
 * per currency the targets plus Unallocated equal the period total of the
 * source file exactly (oracle: the CSV summed in TypeScript).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocateLines, dropLines, listPeriods } from '../../../electron/core/allocate/allocate'
import { ALLOCATED_LINE_COLUMNS, UNALLOCATED } from '../../../electron/core/allocate/lines'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { RuleSetSchema } from '../../../shared/allocate/rule-set'
import { sumDecimals } from '../../../shared/money'
import { csvSums } from '../../helpers/csv-sums'
import { DEMO, demoWorkspace, exampleRules, expectRowsAddUp } from './fixtures'

// The sample's rows by billing period (one row belongs to October).
const oracle = (metric: 'BilledCost' | 'EffectiveCost', period: string): string =>
  csvSums(DEMO, metric, 'BillingPeriodStart')[`${period}-01 00:00:00`]?.sum ?? 'missing'

describe('allocateLines on the FOCUS sample', () => {
  let ws: Workspace
  beforeAll(async () => {
    ws = await demoWorkspace()
  })
  afterAll(() => ws?.close())

  it('knows the sample has two billing periods', async () => {
    expect(await listPeriods(ws)).toEqual([
      { period: '2024-09', rows: 999 },
      { period: '2024-10', rows: 1 },
    ])
  })

  for (const metric of ['BilledCost', 'EffectiveCost'] as const) {
    for (const period of ['2024-09', '2024-10']) {
      it(`${metric} ${period}: targets + Unallocated = the file's period total, exactly; every row adds up`, async () => {
        const result = await allocateLines(ws, { period, metric, ruleSet: exampleRules() })
        try {
          const expected = oracle(metric, period)
          expect(result.reconciliation).toEqual([
            { currency: 'USD', periodTotal: expected, linesTotal: expected, equal: true },
          ])
          expect(sumDecimals(result.summary.map((s) => s.total))).toBe(expected)
          expect(result.summary.some((s) => s.target === UNALLOCATED)).toBe(true)
          const rows = await expectRowsAddUp(ws, result.table, metric, period)
          expect(rows).toBe(period === '2024-09' ? 999 : 1)
        } finally {
          await dropLines(ws, result.table)
        }
      })
    }
  }

  it('produces the lines contract: columns, types, pool/method/rule, the billed split by target', async () => {
    const result = await allocateLines(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      ruleSet: exampleRules(),
    })
    try {
      const columns = await ws.all(
        `SELECT column_name AS c, data_type AS t FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index`,
        [result.table],
      )
      expect(columns.map((c) => c.c)).toEqual([...ALLOCATED_LINE_COLUMNS])
      expect(columns.find((c) => c.c === 'amount')?.t).toBe('DECIMAL(38,18)')
      expect(columns.find((c) => c.c === 'x_SourceRow')?.t).toBe('BIGINT')
      expect(result.ruleVersion).toBeNull()
      expect(result.summary).toEqual([
        {
          currency: 'USD',
          target: 'AI Research',
          direct: '0.7565468899',
          shared: '0.18',
          total: '0.9365468899',
          lines: 276,
        },
        {
          currency: 'USD',
          target: 'Data & Analytics',
          direct: '16.66112678436',
          shared: '-0.5363470191',
          total: '16.12477976526',
          lines: 486,
        },
        {
          currency: 'USD',
          target: 'Engineering',
          direct: '1.2987666923',
          shared: '0.49',
          total: '1.7887666923',
          lines: 404,
        },
        {
          currency: 'USD',
          target: 'Finance',
          direct: '0.5646645676',
          shared: '-0.0119232654',
          total: '0.5527413022',
          lines: 341,
        },
        {
          currency: 'USD',
          target: 'IT',
          direct: '0.3800717221',
          shared: '0.053320695',
          total: '0.4333924171',
          lines: 297,
        },
        {
          currency: 'USD',
          target: 'Product Design',
          direct: '0.18676117753',
          shared: '-0.02',
          total: '0.16676117753',
          lines: 241,
        },
        {
          currency: 'USD',
          target: UNALLOCATED,
          direct: '0.2772384847',
          shared: '0',
          total: '0.2772384847',
          lines: 65,
        },
      ])
      expect(result.coverage).toMatchObject({ target: 95, meetsTarget: true })
      expect(result.coverage.currencies[0]).toMatchObject({
        percent: '98.63',
        unallocated: '0.2772384847',
      })
      const network = await ws.all(
        `SELECT DISTINCT pool, method, rule FROM "${result.table}" WHERE pool = 'network'`,
      )
      expect(network).toEqual([{ pool: 'network', method: 'proportional', rule: null }])
      const direct = await ws.all(
        `SELECT count(*) AS n FROM "${result.table}" WHERE pool IS NULL AND target = 'Engineering' AND rule IN ('bu-engineering', 'untagged-by-account')`,
      )
      expect(Number(direct[0]?.n)).toBe(102)
    } finally {
      await dropLines(ws, result.table)
    }
  })

  it('shows each pool split and where its residue went; pool lines add up to the parts', async () => {
    const result = await allocateLines(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      ruleSet: exampleRules(),
    })
    try {
      expect(
        result.pools.map((p) => [p.pool, p.method, p.basis, p.amount, p.rows, p.targets]),
      ).toEqual([
        ['clusters', 'driver', 'table cluster-cpu-hours', '2.0436529809', 48, 3],
        ['network', 'proportional', 'direct cost', '0.4917767346', 168, 6],
        ['platform', 'fixed', 'percentages', '0.233320695', 85, 3],
        ['policy:credits', 'proportional', 'direct cost', '-2.6137', 1, 6],
      ])
      expect(result.residues.find((r) => r.pool === 'platform')).toEqual({
        pool: 'platform',
        currency: 'USD',
        group: null,
        whole: '0.233320695',
        amount: '0.013320695',
        placements: [
          { target: 'Finance', amount: '0.01' },
          { target: 'IT', amount: '0.003320695' },
        ],
        parts: 3,
      })
      // Fixed 40/40/20 of 0.233320695: 0.09, 0.09 + 0.003320695, 0.04 + 0.01.
      const platform = await ws.all(
        `SELECT target, sum(amount)::VARCHAR AS t FROM "${result.table}" WHERE pool = 'platform' GROUP BY 1 ORDER BY 1`,
      )
      expect(platform.map((r) => [r.target, sumDecimals([String(r.t)])])).toEqual([
        ['Engineering', '0.09'],
        ['Finance', '0.05'],
        ['IT', '0.093320695'],
      ])
      expect(result.inputs.map((i) => [i.kind, i.name, i.rows])).toEqual([
        ['mapping', 'account-cost-center', 6],
        ['driver', 'cluster-cpu-hours', 3],
      ])
    } finally {
      await dropLines(ws, result.table)
    }
  })

  it('at scale 6 the shares are rounded to 6 decimals and still add up exactly', async () => {
    const ruleSet = RuleSetSchema.parse({ ...exampleRules(), scale: 6 })
    const result = await allocateLines(ws, { period: '2024-09', metric: 'BilledCost', ruleSet })
    try {
      expect(result.scale).toBe(6)
      const network = await ws.all(
        `SELECT target, sum(amount)::VARCHAR AS t FROM "${result.table}" WHERE pool = 'network' GROUP BY 1 ORDER BY 1`,
      )
      const parts = network.map((r) => sumDecimals([String(r.t)]))
      expect(sumDecimals(parts)).toBe('0.4917767346')
      const placements = result.residues.find((r) => r.pool === 'network')?.placements ?? []
      expect(placements.filter((p) => p.amount === '0.000001').length).toBeLessThan(6)
      // Only the target that took the sub-micro fraction has more than 6 decimals.
      expect(parts.filter((p) => (p.split('.')[1] ?? '').length > 6)).toHaveLength(1)
      expect(result.reconciliation[0]?.equal).toBe(true)
      await expectRowsAddUp(ws, result.table, 'BilledCost', '2024-09')
    } finally {
      await dropLines(ws, result.table)
    }
  })

  it('allocates another dimension of the same rule set by a tag value (environment)', async () => {
    const result = await allocateLines(ws, {
      period: '2024-09',
      metric: 'EffectiveCost',
      ruleSet: exampleRules(),
      dimension: 'environment',
    })
    try {
      expect(result.dimension).toEqual({ id: 'environment', label: 'Environment' })
      expect(result.summary.map((s) => [s.target, s.total])).toEqual([
        ['dev', '13'],
        ['prod', '0'],
        [UNALLOCATED, '1.97651418586'],
      ])
      expect(result.coverage.currencies[0]).toMatchObject({ percent: '86.80', meetsTarget: false })
    } finally {
      await dropLines(ws, result.table)
    }
  })

  it('refuses an unknown dimension and a malformed period', async () => {
    await expect(
      allocateLines(ws, {
        period: '2024-09',
        metric: 'BilledCost',
        ruleSet: exampleRules(),
        dimension: 'tenant',
      }),
    ).rejects.toThrow(/no dimension "tenant"/)
    await expect(
      allocateLines(ws, { period: '2024-9', metric: 'BilledCost', ruleSet: exampleRules() }),
    ).rejects.toThrow(/not YYYY-MM/)
  })
})
