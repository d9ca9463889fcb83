/**
 * Presentation mode on the vendor register (services-vendors.ts) over the crafted workspace:
 * the register names vendors (provider, publisher, invoice issuer), which the mode does not
 * mask, and sums their cost through the masked view; with the mode on it holds no real account,
 * resource or tag value and is the same register, to the cent, as with the mode off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { demoServices } from '../services/support'
import { craftedWorkspace, expectNoRealValue } from './crafted'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await craftedWorkspace(services, 'vendors-masked')
  await services['vendors:save']({
    vendor: {
      name: 'Contoso Cloud',
      category: 'cloud',
      owner: 'platform',
      contractStart: '2025-01-01',
      contractEnd: '2025-12-31',
      renewalDate: '2025-03-01',
      noticeDays: 30,
      dataHeld: null,
      exitPlan: null,
      annualValue: '1000',
      currency: 'USD',
    },
  })
}, 120_000)
afterAll(() => services.close())

const register = async () =>
  CHANNELS['vendors:list'].response.parse(await services['vendors:list']({ asOf: '2025-02-26' }))

describe('the vendor register in presentation mode', () => {
  it('is the same register and holds no real value', async () => {
    const real = await register()
    // Worked out by hand: January 31 × 15.75, February 25 × 15.75 + 84.25.
    expect(real.costs.map((c) => [c.name, c.role, c.period, c.billedCost])).toEqual([
      ['Contoso Cloud', 'provider', '2025-01', '488.25'],
      ['Contoso Cloud', 'provider', '2025-02', '478'],
    ])
    await services['presentation:set']({ on: true })
    const masked = await register()
    expectNoRealValue(JSON.stringify(masked), 'vendors:list')
    expect(masked).toEqual(real)
  })
})
