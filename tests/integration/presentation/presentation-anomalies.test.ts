/**
 * Presentation mode on the anomalies tab (services-anomalies.ts, mask-anomalies.ts) over the
 * crafted workspace: with the mode on, a scan's series values and drivers show the aliases the
 * masked rows show and no real account, resource or tag value, with the same figures; a chart
 * and a state change sent with the aliases reach the real series, so the state is found again
 * with the mode off under the real key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, type AnomalyScan } from '../../../shared/contract'
import { demoServices } from '../services/support'
import { LAST, REAL, aliasesOf, craftedWorkspace, expectNoRealValue } from './crafted'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await craftedWorkspace(services, 'anomalies-masked')
  await services['anomalies:settings']({ minAmount: '1' })
}, 120_000)
afterAll(() => services.close())

const scan = async (by: [string, string]): Promise<AnomalyScan> =>
  CHANNELS['anomalies:scan'].response.parse(await services['anomalies:scan']({ by }))

/** The parts of a scan that must not change with the mode: figures, days and drivers' figures. */
const figures = (s: AnomalyScan) =>
  s.anomalies.map((a) => [
    a.key.day,
    a.key.currency,
    a.actual,
    a.expected,
    a.excess,
    a.drivers.map((d) => [d.skuId, d.actual, d.expected, d.change]),
  ])

describe('anomalies in presentation mode', () => {
  it('masks series values and drivers, and takes the aliases back for a chart and a state', async () => {
    const byAccount: [string, string] = ['ServiceName', 'SubAccountId']
    const byTeam: [string, string] = ['SubAccountName', 'tag:team']
    const realAccount = await scan(byAccount)
    const realTeam = await scan(byTeam)
    expect(realAccount.anomalies.map((a) => [a.key.values, a.key.day, a.actual])).toEqual([
      [['Compute', REAL.SubAccountId], LAST, '84.25'],
    ])
    expect(realAccount.anomalies[0]?.drivers[0]?.resourceId).toBe(REAL.ResourceId)

    await services['presentation:set']({ on: true })
    const alias = await aliasesOf(services)
    const account = await scan(byAccount)
    const team = await scan(byTeam)
    expectNoRealValue(JSON.stringify([account, team]), 'anomalies:scan')
    expect(figures(account)).toEqual(figures(realAccount))
    expect(figures(team)).toEqual(figures(realTeam))
    const [spike] = account.anomalies
    if (!spike) throw new Error('no anomaly')
    expect(spike.key.values).toEqual(['Compute', alias.SubAccountId])
    expect(spike.drivers[0]?.resourceId).toBe(alias.ResourceId)
    expect(team.anomalies[0]?.key.values).toEqual([alias.SubAccountName, alias.team])

    // The chart of the aliased series is the real series' chart.
    const chart = await services['anomalies:series']({ ...spike.key, from: LAST, to: LAST })
    await services['presentation:set']({ on: false })
    const realChart = await services['anomalies:series']({
      ...realAccount.anomalies[0]!.key,
      from: LAST,
      to: LAST,
    })
    expect(chart).toEqual(realChart)
    expect(realChart.points[0]?.actual).toBe('84.25')

    // A state given to the aliased key is kept under the real key.
    await services['presentation:set']({ on: true })
    const stored = await services['anomalies:setState']({ key: spike.key, state: 'acknowledged' })
    expectNoRealValue(JSON.stringify(stored), 'anomalies:setState')
    await services['presentation:set']({ on: false })
    const again = await scan(byAccount)
    expect(again.anomalies.map((a) => [a.key.values, a.state.state])).toEqual([
      [['Compute', REAL.SubAccountId], 'acknowledged'],
    ])
  })
})
