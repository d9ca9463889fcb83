/**
 * Presentation mode on the unit costs tab (services-unit-costs.ts) over the crafted workspace:
 * the cost side reads the masked view, so with the mode on a slice by an account's or a tag's
 * alias gives the real slice's figures to the cent and no answer holds a real account,
 * resource or tag value. A metric's dimension values are the person's own business labels
 * (a product, a tenant), not values the mode masks, and are shown as imported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, type UnitCostRequest } from '../../../shared/contract'
import { demoServices } from '../services/support'
import { REAL, aliasesOf, craftedWorkspace, expectNoRealValue } from './crafted'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await craftedWorkspace(services, 'unit-costs-masked')
  await services['metrics:import']({
    fileName: 'orders.csv',
    text: 'date,metric,value,dimension\n2025-02-25,orders,10,shop\n2025-02-26,orders,4,shop\n',
  })
}, 120_000)
afterAll(() => services.close())

const run = async (filters: UnitCostRequest['filters']) =>
  CHANNELS['unitCosts:run'].response.parse(
    await services['unitCosts:run']({
      metric: 'orders',
      dimension: 'shop',
      costMetric: 'BilledCost',
      grain: 'day',
      dateRange: { start: '2025-02-25', end: '2025-02-27' },
      filters,
    }),
  )

describe('unit costs in presentation mode', () => {
  it('slices by an alias with the real figures and shows no real value', async () => {
    const byAccount = (value: string): UnitCostRequest['filters'] => [
      { dimension: { kind: 'column', name: 'SubAccountId' }, op: 'in', values: [value] },
    ]
    const byTeam = (value: string): UnitCostRequest['filters'] => [
      { dimension: { kind: 'tag', key: 'team' }, op: 'in', values: [value] },
    ]
    const realAccount = await run(byAccount(REAL.SubAccountId))
    const realTeam = await run(byTeam(REAL.team))
    // Worked out by hand: 12.25 + 3.5 on the 25th, 80.75 + 3.5 on the 26th.
    expect(realAccount.points.map((p) => [p.period, p.cost, p.costPerUnit])).toEqual([
      ['2025-02-25', '15.75', '1.575'],
      ['2025-02-26', '84.25', '21.0625'],
    ])

    await services['presentation:set']({ on: true })
    const alias = await aliasesOf(services)
    const account = await run(byAccount(alias.SubAccountId))
    const team = await run(byTeam(alias.team))
    const list = await services['metrics:list']({})
    expectNoRealValue(JSON.stringify([account, team, list]), 'unit costs')
    expect(account).toEqual(realAccount)
    expect(team).toEqual(realTeam)
    // A real value typed while the mode is on matches nothing, as in Explore.
    expect((await run(byAccount(REAL.SubAccountId))).points).toEqual([])
  })
})
