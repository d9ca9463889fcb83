/**
 * presentation-slice: the app's store over real services (real DuckDB, the crafted workspace of
 * tests/integration/presentation): switching the mode drops the kept anomaly scan (the tab
 * scans again when it sees none), so no scan of the other mode, with real values, stays on
 * screen under the Masked badge; the scan made then shows aliases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import { REAL, craftedWorkspace } from '../../../integration/presentation/crafted'
import { demoServices } from '../../../integration/services/support'
import { servicesTransport } from './services-transport'

let services: FocalServices
beforeEach(async () => {
  services = (await demoServices()).services
  await craftedWorkspace(services, 'presented-store')
  await services['anomalies:settings']({ minAmount: '1' })
}, 120_000)
afterEach(() => services.close())

describe('presentation slice', () => {
  it('drops the anomaly scan of the other mode when the mode switches', async () => {
    const store: AppStore = createAppStore(servicesTransport(services))
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().loadPresentation()
    await s().scanAnomalies()
    expect(s().anomalies.scan?.anomalies.map((a) => a.key.values[1])).toEqual([REAL.SubAccountId])
    const version = s().dataVersion

    await s().setPresentation(true)
    expect(s().presentation.mode?.on).toBe(true)
    expect(s().dataVersion).toBe(version + 1)
    expect(s().anomalies).toMatchObject({ scan: null, selected: null, series: null })
    expect(s().anomalies.task.status).toBe('idle')
    await s().scanAnomalies()
    expect(JSON.stringify(s().anomalies.scan)).not.toContain(REAL.SubAccountId)
    expect(s().anomalies.scan?.anomalies[0]?.key.values[1]).toMatch(/^acct-[0-9a-f]{10}$/)
  })
})
