/**
 * anomalies-slice: the app's store over real services (real DuckDB) with the crafted series
 * (tests/integration/anomalies/fixture.ts): a scan with a minimum amount stores it first; an
 * anomaly opens its series from four weeks before the scanned range; an explanation without
 * text is kept as the save's error; Acknowledge re-scans the same range and shows the state.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { servicesTransport } from './services-transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import { anomalyKeyText } from '../../../../shared/anomalies'
import { tempDir } from '../../../helpers/paths'
import { LAST, craftedCsv } from '../../../integration/anomalies/fixture'
import { demoServices, importStaged } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'anomalies' })
  const file = join(tempDir(), 'crafted.csv')
  writeFileSync(file, craftedCsv())
  const done = importStaged(services, file, 'crafted.csv')
  expect((await done).state).not.toBe('running')
  store = createAppStore(servicesTransport(services))
}, 120_000)
afterAll(() => services.close())

describe('anomalies slice', () => {
  it('scans with a stored minimum amount, opens a series, keeps a refused save, acknowledges', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().scanAnomalies({ minAmount: '1' })
    expect(s().anomalies.task.status).toBe('done')
    expect(await services['anomalies:settings']({})).toEqual({ minAmount: '1', sensitivity: 4 })
    const scan = s().anomalies.scan
    expect([scan?.from, scan?.to, scan?.anomalies.length]).toEqual(['2025-01-28', LAST, 2])
    const usd = scan?.anomalies[0]
    if (!usd) throw new Error('no anomaly')

    await s().selectAnomaly(usd)
    expect(s().anomalies.selected).toBe(anomalyKeyText(usd.key))
    // From four weeks before the scan's first day (2024-12-31: the data starts a day later).
    expect(s().anomalies.series?.points[0]?.day).toBe('2025-01-01')
    expect(s().anomalies.series?.points.at(-1)).toMatchObject({ day: LAST, actual: '20' })

    expect(await s().setAnomalyState(usd, 'explained', { note: ' ', owner: '' })).toBe(false)
    expect(s().anomalies.saveTask.error?.message).toBe(
      'An explanation needs its text: say what caused the change.',
    )
    expect(await s().setAnomalyState(usd, 'acknowledged')).toBe(true)
    expect(s().anomalies.saveTask.status).toBe('done')
    expect(s().anomalies.scan?.from).toBe('2025-01-28')
    expect(s().anomalies.scan?.anomalies.map((a) => [a.key.currency, a.state.state])).toEqual([
      ['USD', 'acknowledged'],
      ['EUR', 'new'],
    ])
  })
})
