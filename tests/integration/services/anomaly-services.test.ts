/**
 * The anomaly channels through the core services (services-anomalies.ts) on the crafted series
 * (tests/integration/anomalies/fixture.ts) imported as a person's upload: scan, series, a
 * state change and the settings, each answer valid against its contract; the contract refuses
 * an explanation key with a bad day, an unknown state and a negative minimum amount.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { tempDir } from '../../helpers/paths'
import { LAST, craftedCsv } from '../anomalies/fixture'
import { demoServices, importStaged } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'anomalies' })
  const file = join(tempDir(), 'crafted.csv')
  writeFileSync(file, craftedCsv())
  const done = importStaged(services, file, 'crafted.csv')
  expect((await done).results[0]?.record?.status).toBe('imported')
}, 120_000)
afterAll(() => services.close())

describe('anomaly channels', () => {
  it('settings, scan, series and a state change, each valid against its contract', async () => {
    const settings = CHANNELS['anomalies:settings'].response.parse(
      await services['anomalies:settings']({}),
    )
    expect(settings).toEqual({ minAmount: '10', sensitivity: 4 })
    expect(await services['anomalies:settings']({ minAmount: '1' })).toEqual({
      minAmount: '1',
      sensitivity: 4,
    })
    // No range: the last 30 days with data, ending on the last day.
    const scan = CHANNELS['anomalies:scan'].response.parse(await services['anomalies:scan']({}))
    expect([scan.from, scan.to, scan.settings.minAmount]).toEqual(['2025-01-28', LAST, '1'])
    expect(
      scan.anomalies.map((a) => [a.key.currency, a.expected, a.actual, a.state.state]),
    ).toEqual([
      ['USD', '10.5', '20', 'new'],
      ['EUR', '100', '95', 'new'],
    ])
    const usd = scan.anomalies[0]
    if (!usd) throw new Error('no anomaly')
    const series = CHANNELS['anomalies:series'].response.parse(
      await services['anomalies:series']({ ...usd.key, from: LAST, to: LAST }),
    )
    expect(series.points).toEqual([
      { day: LAST, actual: '20', expected: '10.5', lower: '7.3788', upper: '13.6212' },
    ])
    const stored = CHANNELS['anomalies:setState'].response.parse(
      await services['anomalies:setState']({ key: usd.key, state: 'acknowledged' }),
    )
    expect(stored).toMatchObject({ state: 'acknowledged', note: null, owner: null })
    const again = await services['anomalies:scan']({ states: ['acknowledged'] })
    expect(again.anomalies.map((a) => a.key.currency)).toEqual(['USD'])
  })

  it('the contract refuses a bad key, state or amount', () => {
    const key = {
      by: ['ServiceName', 'SubAccountId'],
      values: ['Compute', 'a1'],
      currency: 'USD',
      day: LAST,
    }
    const setState = CHANNELS['anomalies:setState'].request
    expect(setState.safeParse({ key, state: 'acknowledged' }).success).toBe(true)
    expect(setState.safeParse({ key: { ...key, day: '2025-2-26' }, state: 'new' }).success).toBe(
      false,
    )
    expect(setState.safeParse({ key, state: 'snoozed' }).success).toBe(false)
    expect(setState.safeParse({ key: { ...key, path: '/etc' }, state: 'new' }).success).toBe(false)
    const settings = CHANNELS['anomalies:settings'].request
    expect(settings.safeParse({ minAmount: '-1' }).success).toBe(false)
    expect(settings.safeParse({ sensitivity: 0 }).success).toBe(false)
  })
})
