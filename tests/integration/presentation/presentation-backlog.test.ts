/**
 * Presentation mode on the cost-debt backlog (services-backlog.ts, mask-backlog.ts) over the
 * crafted workspace: with the mode on, the candidates with their evidence, an item accepted
 * before (stored with real values), the list, realized savings and the CSV hold no real
 * account, resource or tag value but the aliases the masked rows show, with the real figures;
 * the CSV says Masked first; adding, changing or accepting an item is refused; off again the
 * item is as stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, FocalFailure } from '../../../shared/contract'
import { demoServices } from '../services/support'
import { REAL, aliasesOf, craftedWorkspace, expectNoRealValue } from './crafted'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await craftedWorkspace(services, 'backlog-masked')
}, 120_000)
afterAll(() => services.close())

const candidates = async () =>
  CHANNELS['backlog:candidates'].response.parse(await services['backlog:candidates']({}))
const list = async () => CHANNELS['backlog:list'].response.parse(await services['backlog:list']({}))
const realized = async () =>
  CHANNELS['backlog:realized'].response.parse(await services['backlog:realized']({}))

async function refusal(work: Promise<unknown>): Promise<string> {
  const failure = await work.then(
    () => null,
    (cause: unknown) => cause,
  )
  expect(failure).toBeInstanceOf(FocalFailure)
  return (failure as FocalFailure).error.message
}

describe('the backlog in presentation mode', () => {
  it('shows candidates, items, realized savings and the CSV with aliases only', async () => {
    const real = await candidates()
    const ledger = real.candidates.find((c) => c.key === `idle:USD:${REAL.ResourceId}`)
    expect(ledger?.title).toBe(`Idle-looking resource ${REAL.ResourceName}: stop or delete it`)
    await services['backlog:accept']({ key: ledger!.key })
    await services['backlog:update']({ id: 1, status: 'done', changeDate: '2025-02-10' })
    const realItems = await list()
    const realRealized = await realized()
    // The ledger's cost before and after the change is the same 12.25 a day: measured, not empty.
    expect(realRealized.items[0]?.figures.length).toBeGreaterThan(0)

    await services['presentation:set']({ on: true })
    const alias = await aliasesOf(services)
    const masked = await candidates()
    const items = await list()
    const measured = await realized()
    const csv = await services['backlog:csv']({})
    expectNoRealValue(JSON.stringify([masked, items, measured]), 'backlog answers')
    expectNoRealValue(csv.text, csv.fileName)
    expect(masked.candidates.map((c) => [c.cost, c.expectedMonthlySavings, c.rows])).toEqual(
      real.candidates.map((c) => [c.cost, c.expectedMonthlySavings, c.rows]),
    )
    expect(masked.candidates.map((c) => c.title)).toContain(
      `Idle-looking resource ${alias.ResourceName}: stop or delete it`,
    )
    const [item] = items.items
    expect(item?.title).toBe(`Idle-looking resource ${alias.ResourceName}: stop or delete it`)
    expect(item?.source).toBe(`idle:USD:${alias.ResourceId}`)
    expect(item?.scope).toEqual({
      kind: 'filter',
      filters: [
        { dimension: { kind: 'column', name: 'ResourceId' }, op: 'in', values: [alias.ResourceId] },
      ],
      conditions: [],
    })
    // The stored scope reaches the same rows through the masked view: the same figures.
    const figures = (r: typeof measured) =>
      r.items.map((i) => i.figures.map((f) => [f.beforeCost, f.afterCost, f.realizedMonthly]))
    expect(figures(measured)).toEqual(figures(realRealized))
    // Worked out by hand: the 30 days before 10 February and the 17 days from it, 12.25 a day
    // but the last day's 80.75.
    expect(figures(realRealized)[0]?.[0]?.slice(0, 2)).toEqual(['367.5', '276.75'])
    expect(measured.burnDown).toEqual(realRealized.burnDown)
    expect(csv.text.split('\r\n')[0]).toMatch(/^Masked,"?Masked: account ids and names/)
    expect(csv.text).toContain(alias.ResourceName)

    const refused = 'Turn presentation mode off to change the backlog.'
    expect(await refusal(services['backlog:accept']({ key: masked.candidates[0]!.key }))).toBe(
      refused,
    )
    expect(await refusal(services['backlog:update']({ id: 1, owner: 'platform' }))).toBe(refused)

    await services['presentation:set']({ on: false })
    expect(await list()).toEqual(realItems)
  })
})
