/**
 * The backlog channels of the core services (services-backlog.ts) on the demo sample: the
 * candidates, one accepted by its key, the list, an edit, realized savings and the CSV, every
 * answer valid against its contract; the contract refuses a candidate's content or a path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { demoServices } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

describe('backlog channels', () => {
  it('candidates, accept, list, update, realized and CSV pass their contract', async () => {
    const found = CHANNELS['backlog:candidates'].response.parse(
      await services['backlog:candidates']({}),
    )
    expect(found.window).toEqual({ start: '2024-09-01', end: '2024-10-01', days: 30 })
    const first = found.candidates[0]
    expect(first?.kind).toBe('untagged')
    const item = CHANNELS['backlog:accept'].response.parse(
      await services['backlog:accept']({ key: first?.key ?? '' }),
    )
    expect(item).toMatchObject({
      id: 1,
      owner: 'unassigned',
      source: first?.key,
      status: 'proposed',
    })
    const edited = await services['backlog:update']({ id: 1, owner: 'atlas team', effort: 2 })
    expect(CHANNELS['backlog:update'].response.parse(edited).owner).toBe('atlas team')
    const list = CHANNELS['backlog:list'].response.parse(await services['backlog:list']({}))
    expect(list.items.map((i) => i.id)).toEqual([1])
    const realized = CHANNELS['backlog:realized'].response.parse(
      await services['backlog:realized']({}),
    )
    expect(realized.items).toEqual([])
    const csv = CHANNELS['backlog:csv'].response.parse(await services['backlog:csv']({}))
    expect(csv.fileName).toBe('focal-backlog.csv')
    expect(csv.text.split('\r\n')[1]).toMatch(/^0,1,Tag the owner of /)
  })

  it('the contract takes a candidate by its key only, and no path anywhere', () => {
    const accept = CHANNELS['backlog:accept'].request
    expect(accept.safeParse({ key: 'idle:USD:x' }).success).toBe(true)
    expect(accept.safeParse({ key: 'idle:USD:x', expectedMonthlySavings: '999' }).success).toBe(
      false,
    )
    expect(CHANNELS['backlog:csv'].request.safeParse({ path: '/tmp/x.csv' }).success).toBe(false)
    expect(CHANNELS['backlog:update'].request.safeParse({ id: 1, effort: 9 }).success).toBe(false)
  })
})
