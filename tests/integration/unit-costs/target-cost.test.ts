/**
 * The cost per unit of an allocation target (electron/core/unit-costs/target-cost.ts) on
 * crafted FOCUS rows, crafted rules (two teams by service, a support pool split evenly) and a
 * crafted metrics CSV with a missing day. The expected figures are worked out by hand below
 * from the documented split (shared/allocate/lines-sql.ts); the target's days must add up to
 * the allocation summary of the same rules to the cent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocateLines, dropLines } from '../../../electron/core/allocate/allocate'
import { saveRuleVersion } from '../../../electron/core/allocate/store'
import { rowsPage } from '../../../electron/core/rows/rows-page'
import { importMetrics } from '../../../electron/core/unit-costs/metrics'
import { unitCostSeries } from '../../../electron/core/unit-costs/unit-cost'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import type { UnitCostRequest } from '../../../shared/contract/unit-costs'
import { fromScaled, sumDecimals, toScaled } from '../../../shared/money'
import { unitCostDirectRowsRequest } from '../../../shared/unit-costs/rows-request'
import { freshWorkspace } from '../../helpers/workspace'
import { insertRows, teamRules } from '../allocate/fixtures'

/** a ÷ b as a scaled integer with `scale` decimals, rounded half away from zero (both positive). */
function div(a: bigint, b: bigint, scale = 18): bigint {
  const n = a * 10n ** BigInt(scale)
  const q = n / b
  return (n % b) * 2n >= b ? q + 1n : q
}

const day = (d: number): string => `2025-09-0${d} 00:00:00+00`
// September 2025: web and api by service, Support rows into an even pool.
const ROWS = [
  { ChargePeriodStart: day(1), ServiceName: 'WebSvc', BilledCost: '10.00' },
  { ChargePeriodStart: day(1), ServiceName: 'ApiSvc', BilledCost: '5.00' },
  { ChargePeriodStart: day(1), ServiceName: 'Support', BilledCost: '1.00' },
  { ChargePeriodStart: day(2), ServiceName: 'WebSvc', BilledCost: '20.00' },
  { ChargePeriodStart: day(2), ServiceName: 'Support', BilledCost: '0.01' },
  { ChargePeriodStart: day(3), ServiceName: 'ApiSvc', BilledCost: '7.00' },
  { ChargePeriodStart: day(4), ServiceName: 'WebSvc', BilledCost: '3.00' },
  { ChargePeriodStart: day(4), ServiceName: 'Support', BilledCost: '2.00' },
]
const RULES = teamRules(
  [
    { id: 'web', when: [{ field: 'ServiceName', op: 'equals', value: 'WebSvc' }], then: 'web' },
    { id: 'api', when: [{ field: 'ServiceName', op: 'equals', value: 'ApiSvc' }], then: 'api' },
    {
      id: 'support',
      when: [{ field: 'ServiceName', op: 'equals', value: 'Support' }],
      then: { pool: 'p' },
    },
  ],
  [{ id: 'p', method: 'even' }],
)
// Worked out by hand from the split lines-sql.ts documents. The pool, 3.01, splits evenly into
// parts 1.50 (api) and 1.51 (web: the cent goes to the last target by name). Targets are laid
// end to end: api covers [0, hi) with hi = 1.50 / 3.01 at 9 decimals, web [hi, 1); a Support row's
// web line is the row minus row × hi. Web's lines then miss its part 1.51 by a sliver, which is
// added to its line on the pool's largest row (2.00, on the 4th).
const HI = div(toScaled('1.50'), toScaled('3.01'), 9)
const webLine = (row: string): bigint => toScaled(row) - (toScaled(row) * HI) / 10n ** 9n
const SHARES = [webLine('1.00'), webLine('0.01'), webLine('2.00')]
const FIX = toScaled('1.51') - SHARES.reduce((a, b) => a + b, 0n)
const WEB_DAYS: Record<string, bigint> = {
  '2025-09-01': toScaled('10.00') + (SHARES[0] ?? 0n),
  '2025-09-02': toScaled('20.00') + (SHARES[1] ?? 0n),
  '2025-09-03': 0n, // no web row, no Support row
  '2025-09-04': toScaled('3.00') + (SHARES[2] ?? 0n) + FIX,
}
// Orders: none on the 2nd (a gap, never zero).
const METRICS =
  'date,metric,value\n2025-09-01,orders,10\n2025-09-03,orders,4\n2025-09-04,orders,5\n'

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('unit-target')
  await importMetrics(ws, METRICS, 'orders.csv', 'sha')
})
afterAll(() => ws.close())

const request = (change: Partial<UnitCostRequest> = {}): UnitCostRequest => ({
  metric: 'orders',
  costMetric: 'BilledCost',
  grain: 'day',
  dateRange: null,
  filters: [],
  target: 'web',
  ...change,
})

describe('unitCostSeries for an allocation target', () => {
  it('without saved rules: says to save rules first', async () => {
    await insertRows(ws, ROWS)
    await expect(unitCostSeries(ws, request())).rejects.toThrow(/no saved allocation rules[\s\S]*/)
    await expect(unitCostSeries(ws, request())).rejects.toMatchObject({
      error: { hint: expect.stringContaining('focal allocate') as unknown },
    })
    await saveRuleVersion(ws, RULES, 'teams')
  })

  it('per day: direct cost plus pool shares, divided by the units, with a gap where no orders', async () => {
    const series = await unitCostSeries(ws, request())
    expect(series.currencies).toEqual(['USD'])
    expect(series.points.map((p) => [p.period, p.cost])).toEqual(
      Object.entries(WEB_DAYS).map(([d, v]) => [d, fromScaled(v)]),
    )
    expect(series.periods.map((p) => [p.period, p.units])).toEqual([
      ['2025-09-01', '10'],
      ['2025-09-02', null],
      ['2025-09-03', '4'],
      ['2025-09-04', '5'],
    ])
    const per = (d: string, units: bigint): string =>
      fromScaled(div(WEB_DAYS[d] ?? 0n, toScaled(String(units))))
    expect(series.points.map((p) => p.costPerUnit)).toEqual([
      per('2025-09-01', 10n),
      null,
      '0',
      per('2025-09-04', 5n),
    ])
    expect(series.points.map((p) => p.direct?.cost)).toEqual(['10', '20', '0', '3'])
    expect(series.allocation).toMatchObject({ target: 'web', dimension: 'team', ruleVersion: 1 })
  })

  it('the days add up to the allocation summary of the same rules, to the cent', async () => {
    const series = await unitCostSeries(ws, request())
    const days = sumDecimals(series.points.map((p) => p.cost))
    expect(days).toBe('34.51')
    const result = await allocateLines(ws, { period: '2025-09', metric: 'BilledCost' })
    await dropLines(ws, result.table)
    const summary = result.summary.find((s) => s.target === 'web')
    expect(summary?.total).toBe(days)
    expect(series.allocation?.totals).toEqual([
      { period: '2025-09', currency: 'USD', direct: '33', shared: '1.51', total: '34.51' },
    ])
  })

  it('per month: the month’s cost over its 19 orders, exact at 18 decimals', async () => {
    const series = await unitCostSeries(ws, request({ grain: 'month' }))
    const expected = fromScaled(div(toScaled('34.51'), toScaled('19')))
    expect(series.points).toEqual([
      expect.objectContaining({ period: '2025-09', cost: '34.51', costPerUnit: expected }),
    ])
  })

  it('a cost figure opens the rows of its direct part', async () => {
    const series = await unitCostSeries(ws, request())
    const point = series.points[0]
    if (!point) throw new Error('no point')
    const rows = unitCostDirectRowsRequest(request(), point)
    if (!rows) throw new Error('no rows request')
    const page = await rowsPage(ws, rows)
    expect(page.total).toBe(1)
    const cost = page.columns.indexOf('BilledCost')
    expect(page.rows.map((r) => r[cost])).toEqual(['10'])
    const empty = series.points[2]
    expect(empty && unitCostDirectRowsRequest(request(), empty)).toBeNull()
  })

  it('refuses a target with filters, and names the targets of an unknown one', async () => {
    await expect(
      unitCostSeries(
        ws,
        request({
          filters: [
            { dimension: { kind: 'column', name: 'ServiceName' }, op: 'in', values: ['x'] },
          ],
        }),
      ),
    ).rejects.toThrow(/filters or for an allocation target, not both/)
    await expect(unitCostSeries(ws, request({ target: 'mobile' }))).rejects.toMatchObject({
      message: expect.stringContaining('"mobile"') as unknown,
      error: { hint: expect.stringContaining('api, Unallocated, web') as unknown },
    })
  })
})

describe('a week across two billing periods', () => {
  it('adds the target’s lines of both allocations, and a date range keeps one month’s days', async () => {
    const two = await freshWorkspace('unit-target-weeks')
    try {
      await importMetrics(two, 'date,metric,value\n2025-09-30,orders,2\n', 'orders.csv', 'sha')
      await insertRows(two, [
        { ChargePeriodStart: '2025-09-30 00:00:00+00', ServiceName: 'WebSvc', BilledCost: '1.25' },
        {
          BillingPeriodStart: '2025-10-01 00:00:00+00',
          ChargePeriodStart: '2025-10-01 00:00:00+00',
          ServiceName: 'WebSvc',
          BilledCost: '2.50',
        },
      ])
      await saveRuleVersion(two, RULES, 'teams')
      // Monday 2025-09-29 starts the week of both rows; 3.75 over the week's 2 orders.
      const week = await unitCostSeries(two, request({ grain: 'week' }))
      expect(week.points).toEqual([
        expect.objectContaining({ period: '2025-09-29', cost: '3.75', costPerUnit: '1.875' }),
      ])
      expect(week.allocation?.totals.map((t) => [t.period, t.total])).toEqual([
        ['2025-09', '1.25'],
        ['2025-10', '2.5'],
      ])
      const october = await unitCostSeries(
        two,
        request({ dateRange: { start: '2025-10-01', end: '2025-11-01' } }),
      )
      expect(october.points.map((p) => [p.period, p.cost, p.costPerUnit])).toEqual([
        ['2025-10-01', '2.5', null],
      ])
    } finally {
      two.close()
    }
  })
})
