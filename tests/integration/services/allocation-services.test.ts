/**
 * The allocation channels of the core services on the demo data with the
 * bundled example rules: the preview reconciles exactly to the period total
 * per currency (oracle: the CSV summed in TypeScript), bad rules are named by
 * rule and field, and saving makes a version only when the rules changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import type { AllocationPreview } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { demoServices, periodSums } from './support'

let services: FocalServices
let example: Record<string, unknown>

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
  const loaded = await services['allocation:example']({})
  example = loaded.ruleSet as unknown as Record<string, unknown>
  expect(loaded.imported).toEqual([
    { kind: 'mapping', name: 'account-cost-center', rows: 6 },
    { kind: 'driver', name: 'cluster-cpu-hours', rows: 3 },
  ])
})
afterAll(() => services.close())

const total = (preview: AllocationPreview, side: 'before' | 'after'): string =>
  sumDecimals(preview.targets.map((t) => t[side]))

describe('allocation services', () => {
  it('lists the periods with rows', async () => {
    expect(await services['allocation:periods']({})).toEqual([
      { period: '2024-09', rows: 999 },
      { period: '2024-10', rows: 1 },
    ])
  })

  for (const metric of ['BilledCost', 'EffectiveCost'] as const) {
    it(`previews ${metric} 2024-09: before and after both reconcile to the file's period total`, async () => {
      const expected = sumDecimals(Object.values(periodSums(metric, '2024-09', 'BillingCurrency')))
      const preview = await services['allocation:preview']({
        ruleSet: example,
        period: '2024-09',
        metric,
      })
      expect(preview.reconciliation).toEqual([
        { currency: 'USD', periodTotal: expected, linesTotal: expected, equal: true },
      ])
      expect(total(preview, 'after')).toBe(expected)
      // Nothing saved yet: "before" is no rules at all, everything in Unallocated.
      expect(preview.beforeVersion).toBeNull()
      expect(total(preview, 'before')).toBe(expected)
      const unallocated = preview.targets.find((t) => t.unallocated)
      expect(unallocated).toMatchObject({ target: 'Unallocated', before: expected })
      expect(preview.targets.at(-1)?.target).toBe('Unallocated')
      expect(preview.coverage[0]).toMatchObject({ currency: 'USD', total: expected })
      expect(preview.coverageTarget).toBe(95)
    })
  }

  it('explains each pool and each residue, and direct + shared = after for every target', async () => {
    const preview = await services['allocation:preview']({
      ruleSet: example,
      period: '2024-09',
      metric: 'BilledCost',
    })
    expect(preview.dimension).toEqual({ id: 'cost_center', label: 'Cost center' })
    expect(preview.pools.map((p) => [p.pool, p.method])).toEqual(
      expect.arrayContaining([
        ['network', 'proportional'],
        ['platform', 'fixed'],
        ['clusters', 'driver'],
      ]),
    )
    for (const t of preview.targets)
      expect(sumDecimals([t.direct, t.shared]), t.target).toBe(sumDecimals([t.after]))
    for (const r of preview.residues)
      expect(sumDecimals(r.placements.map((p) => p.amount))).toBe(sumDecimals([r.amount]))
    expect(preview.inputs.map((i) => i.name).sort()).toEqual([
      'account-cost-center',
      'cluster-cpu-hours',
    ])
  })

  it('refuses bad rules with every problem named by dimension, rule and field', async () => {
    const broken = structuredClone(example) as {
      dimensions: Array<{ rules: Array<{ when: Array<Record<string, unknown>> }> }>
    }
    const rule = broken.dimensions[0]?.rules[1]
    if (rule?.when[0]) rule.when[0].op = 'contains'
    const refused = services['allocation:preview']({
      ruleSet: broken as never,
      period: '2024-09',
      metric: 'BilledCost',
    })
    await expect(refused).rejects.toMatchObject({
      error: {
        code: 'BAD_VALUE',
        message: expect.stringMatching(/rule "platform-services" \(#2\), when\[0\]/),
        details: { problems: [expect.stringContaining('dimension "cost_center"')] },
      },
    })
  })

  it('saves a version with its note, and an unchanged save makes none and says so', async () => {
    const first = await services['allocation:save']({ ruleSet: example, note: 'Initial rules' })
    expect(first).toEqual({ version: 1, created: true, message: 'Saved as version 1.' })
    const again = await services['allocation:save']({ ruleSet: example, note: 'Same again' })
    expect(again).toMatchObject({ version: 1, created: false })
    expect(again.message).toMatch(/^Unchanged/)

    const changed = { ...example, coverageTarget: 90 }
    expect(
      await services['allocation:save']({ ruleSet: changed, note: 'Lower the target' }),
    ).toMatchObject({ version: 2, created: true })
    const state = await services['allocation:get']({})
    expect(state.latest).toMatchObject({ version: 2, note: 'Lower the target' })
    expect(state.latest?.ruleSet.coverageTarget).toBe(90)
    expect(state.versions.map((v) => [v.version, v.note])).toEqual([
      [2, 'Lower the target'],
      [1, 'Initial rules'],
    ])
    expect(state.versions[0]?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)

    // The preview now compares with the latest saved version and knows the candidate's version.
    const preview = await services['allocation:preview']({
      ruleSet: changed,
      period: '2024-09',
      metric: 'BilledCost',
    })
    expect(preview).toMatchObject({ beforeVersion: 2, ruleVersion: 2 })
    expect(preview.targets.every((t) => t.change === '0')).toBe(true)
  })

  it('leaves tables already in the workspace alone when the example is loaded again', async () => {
    expect((await services['allocation:example']({})).imported).toEqual([])
  })
})
