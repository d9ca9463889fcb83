/**
 * commitment-rates-slice: the app's store over real services (real DuckDB, the demo sample):
 * the latest period read first, another period asked, and of two periods asked quickly the
 * last asked is shown even when the first answer comes back after it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../../electron/core/host'
import { servicesTransport } from './services-transport'
import { createAppStore, type AppStore } from '../../../../renderer/src/state/store'
import type { CommitmentRatesRequest } from '../../../../shared/contract'
import { demoServices } from '../../../integration/services/support'

let services: FocalServices
let store: AppStore
/** Holds back the answer for this period until released. */
let held: { period: string; release: Promise<void> } | null = null
beforeEach(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  held = null
  store = createAppStore(transport())
})
afterEach(() => services.close())

/** The services answered in-process; an answer for the held period waits for its release. */
function transport(): ReturnType<typeof servicesTransport> {
  return servicesTransport(services, {
    afterAnswer: async (name, request) => {
      const asked = (request as CommitmentRatesRequest | undefined)?.period
      if (name === 'commitments:rates' && held && asked === held.period) await held.release
    },
  })
}

describe('commitment rates slice', () => {
  it('reads the latest period, then the one asked; a late answer to an earlier ask is dropped', async () => {
    const s = (): ReturnType<AppStore['getState']> => store.getState()
    await s().loadCommitmentRates()
    const first = s().commitmentRates
    expect(first.task.status).toBe('done')
    expect(first.rates?.periods.length).toBeGreaterThan(1)
    expect(first.rates?.period).toBe(first.rates?.periods[0])
    const [latest = '', earlier = ''] = first.rates?.periods ?? []

    await s().setCommitmentPeriod(earlier)
    expect(s().commitmentRates.rates?.period).toBe(earlier)

    let release = (): void => undefined
    held = { period: earlier, release: new Promise((resolve) => (release = resolve)) }
    const slow = s().setCommitmentPeriod(earlier)
    await s().setCommitmentPeriod(latest)
    release()
    await slow
    expect(s().commitmentRates).toMatchObject({ period: latest, task: { status: 'done' } })
    expect(s().commitmentRates.rates?.period).toBe(latest)
  })
})
