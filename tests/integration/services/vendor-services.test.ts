/**
 * The vendor register channels of the core services (services-vendors.ts) over the demo
 * sample: the register, a save and an update, a delete; answers pass their contract, and a
 * request with a field the contract does not know never does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import type { VendorInput } from '../../../shared/contract/vendors'
import { demoServices } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

const SLACK: VendorInput = {
  name: 'Slack',
  category: 'Chat',
  owner: 'IT',
  contractStart: '2026-01-01',
  contractEnd: '2026-12-31',
  renewalDate: '2027-01-01',
  noticeDays: 30,
  dataHeld: 'Messages',
  exitPlan: 'Export workspace',
  annualValue: '12000',
  currency: 'EUR',
}

describe('vendor channels', () => {
  it('list, save, update, delete', async () => {
    const empty = CHANNELS['vendors:list'].response.parse(
      await services['vendors:list']({ asOf: '2026-11-30' }),
    )
    expect(empty.entries).toEqual([])
    expect([...new Set(empty.costs.map((c) => c.name))]).toEqual([
      'AWS',
      'Amazon Web Services Canada, Inc.',
      'Amazon Web Services EMEA SARL',
      'Amazon Web Services, Inc.',
      'Microsoft',
      'Oracle',
      'Red Hat Inc.',
    ])
    const saved = CHANNELS['vendors:save'].response.parse(
      await services['vendors:save']({ vendor: SLACK }),
    )
    expect(saved).toMatchObject({ id: 1, name: 'Slack', annualValue: '12000', dataName: null })
    await services['vendors:save']({ id: 1, vendor: { ...SLACK, renewalDate: '2026-12-15' } })
    const register = CHANNELS['vendors:list'].response.parse(
      await services['vendors:list']({ asOf: '2026-11-30' }),
    )
    expect(register.renewals).toEqual([
      {
        id: 1,
        name: 'Slack',
        renewalDate: '2026-12-15',
        noticeDeadline: '2026-11-15',
        daysToRenewal: 15,
        noticePassed: true,
      },
    ])
    expect(await services['vendors:delete']({ id: 1 })).toEqual({ deleted: true, name: 'Slack' })
  })

  it('the contract refuses unknown fields, bad dates and lowercase currencies', () => {
    const save = CHANNELS['vendors:save'].request
    expect(save.safeParse({ vendor: SLACK }).success).toBe(true)
    expect(save.safeParse({ vendor: { ...SLACK, path: '/etc' } }).success).toBe(false)
    expect(save.safeParse({ vendor: { ...SLACK, renewalDate: '1/1/2027' } }).success).toBe(false)
    expect(save.safeParse({ vendor: { ...SLACK, currency: 'eur' } }).success).toBe(false)
    expect(save.safeParse({ vendor: { ...SLACK, annualValue: '-5' } }).success).toBe(false)
    expect(CHANNELS['vendors:delete'].request.safeParse({ id: 0 }).success).toBe(false)
  })
})
