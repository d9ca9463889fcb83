/**
 * A crafted workspace for the presentation mode tests: one billing account and sub account
 * with names, two resources with names, a team tag, 57 days (2025-01-01 to 2025-02-26) of
 * USD cost from one provider with a spike on the last day on the ledger database. Every real value a masked
 * answer must not show is in REAL; the aliases are read back through the masked rows page,
 * which the view (presentation-sql.ts) makes, not through the code under test.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { addDays } from '../../../shared/anomalies'
import { CHANNELS } from '../../../shared/contract'
import { tempDir } from '../../helpers/paths'
import { importStaged } from '../services/support'

/** The real values presentation mode must hide, by column. */
export const REAL = {
  BillingAccountId: '731940258166',
  BillingAccountName: 'Northwind Holdings',
  SubAccountId: '418836207595',
  SubAccountName: 'Northwind Payments Prod',
  ResourceId: 'i-0cafe5ec12e7b00f1',
  ResourceName: 'payments-ledger-db',
  OtherResourceId: 'i-0beef1d9a4c3b2a10',
  OtherResourceName: 'checkout-cache-node',
  team: 'payments-secret-squad',
} as const

/** Every real string, for searching answers and files. */
export const REAL_STRINGS: readonly string[] = Object.values(REAL)

/** The first and last day of the data; the last has the spike. */
export const FIRST = '2025-01-01'
export const LAST = addDays(FIRST, 56)

const HEADER = [
  'BillingAccountId',
  'BillingAccountName',
  'SubAccountId',
  'SubAccountName',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ServiceName',
  'ProviderName',
  'ResourceId',
  'ResourceName',
  'SkuId',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'Tags',
]

function line(day: string, resource: 'ledger' | 'cache', cost: string): string {
  const month = `${day.slice(0, 7)}-01`
  const next = new Date(`${month}T00:00:00Z`)
  next.setUTCMonth(next.getUTCMonth() + 1)
  const ledger = resource === 'ledger'
  return [
    REAL.BillingAccountId,
    REAL.BillingAccountName,
    REAL.SubAccountId,
    REAL.SubAccountName,
    'USD',
    `${month}T00:00:00Z`,
    next.toISOString().replace('.000', ''),
    `${day}T00:00:00Z`,
    `${addDays(day, 1)}T00:00:00Z`,
    'Usage',
    'Compute',
    'Contoso Cloud',
    ledger ? REAL.ResourceId : REAL.OtherResourceId,
    ledger ? REAL.ResourceName : REAL.OtherResourceName,
    ledger ? 'sku-ledger' : 'sku-cache',
    cost,
    cost,
    cost,
    `"{""team"":""${REAL.team}""}"`,
  ].join(',')
}

/** The CSV: the ledger at 12.25 a day (80.75 on the last), the cache at 3.5 a day. */
export function craftedCsv(): string {
  const lines = [HEADER.join(',')]
  for (let d = 0; d <= 56; d++) {
    const day = addDays(FIRST, d)
    lines.push(line(day, 'ledger', d === 56 ? '80.75' : '12.25'), line(day, 'cache', '3.5'))
  }
  return `${lines.join('\n')}\n`
}

/** Creates workspace `name` through the services and imports the crafted file as an upload. */
export async function craftedWorkspace(services: FocalServices, name: string): Promise<void> {
  await services['workspace:create']({ name })
  const file = join(tempDir(), 'crafted.csv')
  writeFileSync(file, craftedCsv())
  const job = await importStaged(services, file, 'crafted.csv')
  expect(job.results[0]?.record?.status).toBe('imported')
}

/** The aliases of the real values, as the masked rows page shows the ledger's rows. */
export interface Aliases {
  readonly BillingAccountId: string
  readonly BillingAccountName: string
  readonly SubAccountId: string
  readonly SubAccountName: string
  readonly ResourceId: string
  readonly ResourceName: string
  readonly team: string
}

/** Reads the aliases through `rows:page` (the masked view); the mode must be on. */
export async function aliasesOf(services: FocalServices): Promise<Aliases> {
  const page = CHANNELS['rows:page'].response.parse(
    await services['rows:page']({
      dateRange: null,
      filters: [{ dimension: { kind: 'column', name: 'SkuId' }, op: 'in', values: ['sku-ledger'] }],
      period: null,
      sort: null,
      offset: 0,
      limit: 1,
    }),
  )
  const row = page.rows[0] ?? []
  const at = (column: string): string => String(row[page.columns.indexOf(column)])
  const tags = JSON.parse(at('Tags')) as Record<string, string>
  return {
    BillingAccountId: at('BillingAccountId'),
    BillingAccountName: at('BillingAccountName'),
    SubAccountId: at('SubAccountId'),
    SubAccountName: at('SubAccountName'),
    ResourceId: at('ResourceId'),
    ResourceName: at('ResourceName'),
    team: String(tags.team),
  }
}

/** Fails naming the real value when `text` (an answer as JSON, a file's bytes) holds one. */
export function expectNoRealValue(text: string, where: string): void {
  for (const real of REAL_STRINGS) expect(text.includes(real), `${where} holds ${real}`).toBe(false)
}
