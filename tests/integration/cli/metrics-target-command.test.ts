/**
 * The built `focal metrics unit-cost --target`: an allocation target of the saved rules as the
 * slice (the demo data with the bundled example rules), its days adding up to what `focal
 * allocate` charges the target; no saved rules, and a target with a filter, refused.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { ROOT, tempDir } from '../../helpers/paths'
import { DEMO } from '../report/support'

const EXAMPLES = join(ROOT, 'resources/examples')

describe('focal metrics unit-cost --target', () => {
  it('reads a cost center of the saved rules per day, equal to its allocation', async () => {
    const dir = tempDir()
    const ws = join(dir, 'w.focal')
    const orders = join(dir, 'orders.csv')
    writeFileSync(orders, 'date,metric,value\n2024-09-01,orders,4\n2024-09-03,orders,5\n')
    expect((await focal('import', DEMO, '-w', ws)).code).toBe(0)
    expect((await focal('metrics', 'import', orders, '-w', ws)).code).toBe(0)
    const args = ['metrics', 'unit-cost', '-w', ws, '--metric', 'orders', '--period', '2024-09']

    const none = await focal(...args, '--target', 'Engineering')
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('no saved allocation rules')
    expect(none.stderr).toContain('focal allocate')

    const allocate = await focal(
      'allocate',
      '-w',
      ws,
      '--rules',
      join(EXAMPLES, 'allocation-rules.json'),
      '--mapping',
      `account-cost-center=${join(EXAMPLES, 'account-cost-center.csv')}`,
      '--driver',
      `cluster-cpu-hours=${join(EXAMPLES, 'cluster-cpu-hours.csv')}`,
      '--period',
      '2024-09',
      '--save',
      '--note',
      'cost centers',
      '--json',
    )
    expect(allocate.code).toBe(0)
    const summary = (
      JSON.parse(allocate.stdout) as {
        summary: Array<{ target: string; currency: string; total: string; shared: string }>
      }
    ).summary
    const engineering = summary.find((s) => s.target === 'Engineering')
    // The example rules give Engineering a share of a pool, so the figure is more than its rows.
    expect(engineering?.shared).not.toBe('0')

    const run = await focal(...args, '--target', 'Engineering', '--json')
    expect(run.code).toBe(0)
    const series = JSON.parse(run.stdout) as {
      periods: Array<{ period: string; units: string | null }>
      points: Array<{ period: string; cost: string; costPerUnit: string | null }>
      allocation: { target: string; totals: Array<{ total: string }> }
    }
    expect(sumDecimals(series.points.map((p) => p.cost))).toBe(engineering?.total)
    expect(series.allocation.totals.map((t) => t.total)).toEqual([engineering?.total])
    expect(series.periods.find((p) => p.period === '2024-09-02')?.units).toBeNull()
    expect(series.points.find((p) => p.period === '2024-09-02')?.costPerUnit).toBeNull()
    expect(series.points.find((p) => p.period === '2024-09-01')?.costPerUnit).not.toBeNull()

    const text = await focal(...args, '--target', 'Engineering')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(
      'target Engineering: its direct cost plus its shares of the pools',
    )
    expect(text.stdout).toMatch(/^2024-09-02\s+USD\s+USD\s[\d,.]+\s+—\s+—$/m)

    const both = await focal(...args, '--target', 'Engineering', '--filter', 'ServiceName=x')
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('--target and --filter')
    const badPeriod = await focal(
      'metrics',
      'unit-cost',
      '-w',
      ws,
      '--metric',
      'orders',
      '--period',
      '2024-9',
    )
    expect(badPeriod.code).toBe(2)
  })
})
