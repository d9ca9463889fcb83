/**
 * Presentation mode on the budgets tab (budget-status.ts, budget-store.ts through
 * services-budgets.ts) over the crafted workspace: with the mode on, the status, its alerts and
 * the CSV export show the aliases the masked rows show and no real account, resource or tag
 * value, with the same actuals to the cent; a budget over ServiceName stays readable; the
 * export says Masked on its first line; setting, deleting and importing are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, FocalFailure } from '../../../shared/contract'
import { demoServices } from '../services/support'
import { REAL, aliasesOf, craftedWorkspace, expectNoRealValue } from './crafted'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await craftedWorkspace(services, 'budgets-masked')
}, 120_000)
afterAll(() => services.close())

const status = async () =>
  CHANNELS['budgets:status'].response.parse(await services['budgets:status']({ period: '2025-02' }))

const budgets = [
  ['SubAccountId', REAL.SubAccountId],
  ['BillingAccountName', REAL.BillingAccountName],
  ['ResourceId', REAL.ResourceId],
  ['tag:team', REAL.team],
  ['ServiceName', 'Compute'],
] as const

async function refusal(work: Promise<unknown>): Promise<string> {
  const failure = await work.then(
    () => null,
    (cause: unknown) => cause,
  )
  expect(failure).toBeInstanceOf(FocalFailure)
  return (failure as FocalFailure).error.message
}

describe('budgets in presentation mode', () => {
  it('shows aliases with unchanged actuals, exports them marked Masked and refuses changes', async () => {
    for (const [dimension, value] of budgets)
      await services['budgets:set']({
        period: '2025-02',
        dimension,
        value,
        currency: 'USD',
        amount: '100',
        thresholds: [50, 100],
      })
    const real = await status()
    expect(real.budgets).toHaveLength(5)

    await services['presentation:set']({ on: true })
    const alias = await aliasesOf(services)
    const masked = await status()
    expectNoRealValue(JSON.stringify(masked), 'budgets:status')
    const expected: Record<string, string> = {
      SubAccountId: alias.SubAccountId,
      BillingAccountName: alias.BillingAccountName,
      ResourceId: alias.ResourceId,
      'tag:team': alias.team,
      ServiceName: 'Compute',
    }
    // Same budgets, each under the alias the rows show, with the real status's figures.
    expect(masked.budgets.map((b) => [b.dimension, b.value, b.actual, b.forecast])).toEqual(
      real.budgets.map((b) => [b.dimension, expected[b.dimension], b.actual, b.forecast]),
    )
    // February, worked out by hand: the ledger 25 × 12.25 + 80.75 = 387; the account adds the
    // cache's 26 × 3.5 = 91.
    expect(masked.budgets.find((b) => b.dimension === 'ResourceId')?.actual).toBe('387')
    expect(masked.budgets.find((b) => b.dimension === 'SubAccountId')?.actual).toBe('478')
    expect(masked.alerts.length).toBe(real.alerts.length)
    expect(masked.alerts.length).toBeGreaterThan(0)

    const exported = CHANNELS['budgets:export'].response.parse(
      await services['budgets:export']({ period: '2025-02' }),
    )
    expectNoRealValue(exported.text, exported.fileName)
    const lines = exported.text.split('\r\n')
    expect(lines[0]).toMatch(/^Masked,"?Masked: account ids and names/)
    expect(lines[1]).toBe('period,dimension,value,currency,amount,thresholds')
    for (const value of Object.values(expected)) expect(exported.text).toContain(`,${value},`)

    const key = {
      period: '2025-02',
      dimension: 'SubAccountId',
      value: alias.SubAccountId,
      currency: 'USD',
    }
    const editing = await refusal(
      services['budgets:set']({ ...key, amount: '5', thresholds: [100] }),
    )
    expect(editing).toBe('Turn presentation mode off to edit budgets.')
    expect(await refusal(services['budgets:delete'](key))).toBe(
      'Turn presentation mode off to delete budgets.',
    )
    expect(
      await refusal(
        services['budgets:import']({
          fileName: 'budgets.csv',
          text: `period,dimension,value,currency,amount\n2025-02,SubAccountId,${alias.SubAccountId},USD,1\n`,
        }),
      ),
    ).toBe('Turn presentation mode off to import budgets.')

    // Nothing was stored under an alias: off again, the budgets are the real ones, unchanged.
    await services['presentation:set']({ on: false })
    expect(await status()).toEqual(real)
  })
})
