/**
 * Presentation mode on a tag whose alias policy merges two original keys (tag-canonicals.ts,
 * presentation-sql.ts): `team` and `Team` are one tag (shared/tags/normalize.ts), so a value
 * gets one alias whichever key its row stored it under, the alias a budget on tag:team shows;
 * a filter on that alias opens all its rows, with the budget's actual to the cent.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { sumDecimals } from '../../../shared/money'
import { tempDir } from '../../helpers/paths'
import { demoServices, importStaged } from '../services/support'

const HEADER =
  'BillingAccountId,SubAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceName,ProviderName,ResourceId,SkuId,BilledCost,EffectiveCost,ListCost,Tags'
/** Rows of `core` under `team` (3 × 10.25) and under `Team` (2 × 4.5), and one of `edge`. */
const ROWS: ReadonlyArray<[day: string, key: string, value: string, cost: string]> = [
  ['2025-02-01', 'team', 'core', '10.25'],
  ['2025-02-02', 'team', 'core', '10.25'],
  ['2025-02-03', 'team', 'core', '10.25'],
  ['2025-02-01', 'Team', 'core', '4.5'],
  ['2025-02-02', 'Team', 'core', '4.5'],
  ['2025-02-03', 'team', 'edge', '1'],
]
const CORE = sumDecimals(ROWS.filter((r) => r[2] === 'core').map((r) => r[3]))

function csv(): string {
  const lines = ROWS.map(([day, key, value, cost], i) =>
    [
      'acct-1',
      'sub-1',
      'USD',
      '2025-02-01T00:00:00Z',
      '2025-03-01T00:00:00Z',
      `${day}T00:00:00Z`,
      `${day}T23:00:00Z`,
      'Usage',
      'Compute',
      'Contoso Cloud',
      `vm-${i}`,
      'sku-1',
      cost,
      cost,
      cost,
      `"{""${key}"":""${value}""}"`,
    ].join(','),
  )
  return `${[HEADER, ...lines].join('\n')}\n`
}

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'tag-keys-masked' })
  const file = join(tempDir(), 'tags.csv')
  writeFileSync(file, csv())
  expect((await importStaged(services, file, 'tags.csv')).results[0]?.record?.status).toBe(
    'imported',
  )
}, 120_000)
afterAll(() => services.close())

/** The rows whose tag:team is `value`: count, EffectiveCost, the team values their Tags show. */
async function rowsOf(value: string) {
  const page = CHANNELS['rows:page'].response.parse(
    await services['rows:page']({
      dateRange: null,
      filters: [{ dimension: { kind: 'tag', key: 'team' }, op: 'in', values: [value] }],
      period: null,
      sort: null,
      offset: 0,
      limit: 100,
    }),
  )
  const at = (c: string) => page.columns.indexOf(c)
  return {
    rows: page.total,
    effective: sumDecimals(page.rows.map((r) => r[at('EffectiveCost')] ?? '0')),
    shown: [
      ...new Set(
        page.rows.flatMap((r) =>
          Object.values(JSON.parse(String(r[at('Tags')])) as Record<string, string>),
        ),
      ),
    ],
  }
}

describe('a tag merged from two keys in presentation mode', () => {
  it('gives a value one alias under either key, the alias its budget shows', async () => {
    // The same tag typed by either key: both budgets read every `core` row.
    for (const dimension of ['tag:team', 'tag:Team'])
      await services['budgets:set']({
        period: '2025-02',
        dimension,
        value: 'core',
        currency: 'USD',
        amount: '100',
        thresholds: [100],
      })
    const status = async () =>
      CHANNELS['budgets:status'].response.parse(
        await services['budgets:status']({ period: '2025-02' }),
      )
    const real = await status()
    expect(real.budgets.map((b) => [b.value, b.actual])).toEqual([
      ['core', CORE],
      ['core', CORE],
    ])
    expect(await rowsOf('core')).toMatchObject({ rows: 5, effective: CORE })

    await services['presentation:set']({ on: true })
    const masked = await status()
    const [budget] = masked.budgets
    expect(budget?.value).toMatch(/^tag-[0-9a-f]{10}$/)
    expect(masked.budgets.map((b) => [b.value, b.actual])).toEqual([
      [budget?.value, CORE],
      [budget?.value, CORE],
    ])
    // Every row of `core`, under `team` or `Team`, shows the budget's alias and opens by it.
    expect(await rowsOf(budget!.value)).toEqual({
      rows: 5,
      effective: CORE,
      shown: [budget!.value],
    })
    await services['presentation:set']({ on: false })
  })
})
