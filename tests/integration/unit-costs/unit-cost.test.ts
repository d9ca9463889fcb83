/**
 * The cost per unit over time (electron/core/unit-costs/unit-cost.ts) on the demo sample:
 * EC2's BilledCost per day divided by a crafted metric with missing days and a zero day.
 * Expected costs come from the CSV itself (an independent parser and bigint sums); a day
 * without a metric value has no units and no cost per unit (a gap, never zero), and each
 * cost figure's rows (through rows:page) sum to it.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import { importMetrics } from '../../../electron/core/unit-costs/metrics'
import { unitCostSeries } from '../../../electron/core/unit-costs/unit-cost'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import type { UnitCostRequest } from '../../../shared/contract/unit-costs'
import { fromScaled, sumDecimals, toScaled } from '../../../shared/money'
import { unitCostRowsRequest } from '../../../shared/unit-costs/rows-request'
import { parseCsv } from '../../helpers/csv-sums'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO } from '../report/support'

const EC2 = 'Amazon Elastic Compute Cloud'

/** BilledCost of EC2 rows per charge day (YYYY-MM-DD), summed from the CSV text. */
function ec2PerDay(): Map<string, string> {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const days = new Map<string, string[]>()
  for (const row of rows) {
    if (row[at('ServiceName')] !== EC2) continue
    const day = (row[at('ChargePeriodStart')] ?? '').slice(0, 10)
    const list = days.get(day) ?? []
    list.push(row[at('BilledCost')] ?? '0')
    days.set(day, list)
  }
  return new Map([...days].map(([d, v]) => [d, sumDecimals(v)]))
}

/** a ÷ b where b divides a power of ten, so the quotient is exact at 18 decimals (checked). */
function exactQuotient(a: string, b: string): string {
  const n = toScaled(a) * 10n ** 18n
  const d = toScaled(b)
  expect(n % d).toBe(0n)
  return fromScaled(n / d)
}

// September 2024: orders every day except the 10th and 11th (no value: gaps), zero on the 12th.
const UNITS: Record<number, string> = { 12: '0' }
const SIZES = ['2', '4', '5', '8', '10', '20', '25', '40', '50', '100']
const lines = ['date,metric,value']
for (let day = 1; day <= 30; day++) {
  if (day === 10 || day === 11) continue
  const value = UNITS[day] ?? SIZES[day % SIZES.length] ?? '1'
  UNITS[day] = value
  lines.push(`2024-09-${String(day).padStart(2, '0')},orders,${value}`)
}
const METRICS = `${lines.join('\n')}\n`

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('unit-cost')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
  await importMetrics(ws, METRICS, 'orders.csv', 'sha')
})
afterAll(() => ws.close())

const request = (grain: UnitCostRequest['grain']): UnitCostRequest => ({
  metric: 'orders',
  costMetric: 'BilledCost',
  grain,
  dateRange: null,
  filters: [{ dimension: { kind: 'column', name: 'ServiceName' }, op: 'in', values: [EC2] }],
})

describe('unitCostSeries', () => {
  it('per day: the slice cost from the CSV, units, and gaps on days without a metric value', async () => {
    const series = await unitCostSeries(ws, request('day'))
    const costs = ec2PerDay()
    expect(series.currencies).toEqual(['USD'])
    expect(series.periods.map((p) => p.period)).toEqual(
      Array.from({ length: 30 }, (_, i) => `2024-09-${String(i + 1).padStart(2, '0')}`),
    )
    for (const point of series.points) {
      const day = Number(point.period.slice(8))
      const cost = costs.get(point.period) ?? '0'
      expect(point.cost, point.period).toBe(cost)
      const units = series.periods.find((p) => p.period === point.period)?.units ?? null
      if (day === 10 || day === 11) {
        expect(units).toBeNull()
        expect(point.costPerUnit).toBeNull()
      } else if (day === 12) {
        expect(units).toBe('0')
        expect(point.costPerUnit).toBeNull()
      } else {
        expect(units).toBe(UNITS[day])
        expect(point.costPerUnit, point.period).toBe(exactQuotient(cost, UNITS[day] ?? '1'))
      }
    }
    // The gap days still say what was spent.
    expect(series.points.find((p) => p.period === '2024-09-10')?.cost).toBe(costs.get('2024-09-10'))
    expect(costs.get('2024-09-10')).not.toBe('0')
  })

  it('per week: Monday buckets, units of the days present and how many there were', async () => {
    const series = await unitCostSeries(ws, request('week'))
    const week = series.periods.find((p) => p.period === '2024-09-09')
    // 9th to 15th: the 10th and 11th are missing, the 12th is zero.
    const present = [9, 12, 13, 14, 15].map((d) => UNITS[d] ?? '0')
    expect(week).toEqual({ period: '2024-09-09', units: sumDecimals(present), metricDays: 5 })
    const costs = ec2PerDay()
    const weekCost = sumDecimals(
      [...costs].filter(([d]) => d >= '2024-09-09' && d <= '2024-09-15').map(([, c]) => c),
    )
    expect(series.points.find((p) => p.period === '2024-09-09')?.cost).toBe(weekCost)
    expect(series.periods[0]?.period).toBe('2024-08-26')
  })

  it('per month: each cost figure opens exactly its rows', async () => {
    const req = request('month')
    const series = await unitCostSeries(ws, req)
    expect(series.periods).toEqual([
      { period: '2024-09', units: sumDecimals(Object.values(UNITS)), metricDays: 28 },
    ])
    const [point] = series.points
    expect(point?.cost).toBe(sumDecimals(ec2PerDay().values()))
    const billed: string[] = []
    let total = -1
    for (let offset = 0; offset !== total; offset = billed.length) {
      const page = await rowsPage(ws, {
        ...unitCostRowsRequest(req, '2024-09', 'USD', 500),
        offset,
      })
      total = page.total
      const at = page.columns.indexOf('BilledCost')
      billed.push(...page.rows.map((r) => r[at] ?? '0'))
    }
    expect(total).toBe(point?.costRows)
    expect(total).toBe(554)
    expect(sumDecimals(billed)).toBe(point?.cost)
  })

  it('an unknown metric is refused by name', async () => {
    await expect(unitCostSeries(ws, { ...request('day'), metric: 'signups' })).rejects.toThrow(
      'No metric named signups is imported.',
    )
  })
})
