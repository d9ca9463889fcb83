/**
 * The allocation-target slice of the unit economics channels (services-unit-costs.ts) on the
 * demo data with the bundled example rules: before rules are saved the targets are none and a
 * run says to save rules first; after, the targets are the saved rules' cost centers and a
 * target's days add up to what the allocation preview charges it. Answers pass their contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, type FocalFailure, type UnitCostRequest } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { demoServices } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  await services['metrics:import']({
    fileName: 'orders.csv',
    text: 'date,metric,value\n2024-09-01,orders,4\n2024-09-03,orders,5\n',
  })
})
afterAll(() => services.close())

const request: UnitCostRequest = {
  metric: 'orders',
  costMetric: 'EffectiveCost',
  grain: 'day',
  dateRange: { start: '2024-09-01', end: '2024-10-01' },
  filters: [],
  target: 'Engineering',
}

describe('unit costs of an allocation target', () => {
  it('without saved rules: no targets, and a run says to save rules first', async () => {
    const targets = CHANNELS['unitCosts:targets'].response.parse(
      await services['unitCosts:targets']({}),
    )
    expect(targets).toEqual({
      ruleVersion: null,
      dimension: null,
      periods: ['2024-09', '2024-10'],
      targets: [],
    })
    const refused = await services['unitCosts:run'](request).catch((cause: unknown) => cause)
    expect((refused as FocalFailure).error.code).toBe('NOT_FOUND')
    expect((refused as FocalFailure).error.hint).toContain('Save rules first')
  })

  it('after saving: the targets, and a target per day equal to its allocation', async () => {
    const example = (await services['allocation:example']({})).ruleSet
    await services['allocation:save']({ ruleSet: example, note: 'Initial rules' })
    const targets = CHANNELS['unitCosts:targets'].response.parse(
      await services['unitCosts:targets']({}),
    )
    expect(targets.ruleVersion).toBe(1)
    expect(targets.targets).toContain('Engineering')
    expect(targets.targets).toContain('Finance')

    const series = CHANNELS['unitCosts:run'].response.parse(
      await services['unitCosts:run'](request),
    )
    const preview = await services['allocation:preview']({
      ruleSet: example,
      period: '2024-09',
      metric: 'EffectiveCost',
    })
    const charged = preview.targets.find((t) => t.target === 'Engineering')
    expect(sumDecimals(series.points.map((p) => p.cost))).toBe(charged?.after)
    expect(series.costMetric).toBe('EffectiveCost')
    expect(series.allocation?.totals).toEqual([
      {
        period: '2024-09',
        currency: 'USD',
        direct: charged?.direct,
        shared: charged?.shared,
        total: charged?.after,
      },
    ])
    expect(series.periods.find((p) => p.period === '2024-09-02')?.units).toBeNull()
  })

  it('refuses an unknown field and a filter beside the target', async () => {
    expect(() => CHANNELS['unitCosts:targets'].request.parse({ period: '2024-09' })).toThrow()
    const both = await services['unitCosts:run']({
      ...request,
      filters: [{ dimension: { kind: 'column', name: 'ServiceName' }, op: 'in', values: ['x'] }],
    }).catch((cause: unknown) => cause)
    expect((both as FocalFailure).error.code).toBe('BAD_REQUEST')
  })
})
