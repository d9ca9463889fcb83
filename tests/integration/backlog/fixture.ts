/**
 * Crafted FOCUS daily rows for the backlog tests, written as a CSV to a temp folder (never into
 * the project): one row per resource and day with the cost, quantity and tags a test sets. The
 * figures a test expects are written beside it by hand from these few numbers.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { addDays } from '../../../shared/backlog/dates'
import { tempDir } from '../../helpers/paths'

/** What one crafted row sets; the rest is a plain USD usage row. */
export interface CraftedRow {
  day: string
  resource: string | null
  cost: string
  quantity?: string | null
  tags?: Record<string, string> | null
  subAccount?: string
  currency?: string
  commitmentId?: string
  commitmentStatus?: string
}

const HEADER = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'CommitmentDiscountId',
  'CommitmentDiscountStatus',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'RegionId',
  'ResourceId',
  'ResourceName',
  'ServiceCategory',
  'ServiceName',
  'SubAccountId',
  'SubAccountName',
  'Tags',
]

/** One row per day of [start, end) with the same fields. */
export function daily(start: string, end: string, row: Omit<CraftedRow, 'day'>): CraftedRow[] {
  const rows: CraftedRow[] = []
  for (let day = start; day < end; day = addDays(day, 1)) rows.push({ ...row, day })
  return rows
}

/** Writes `rows` as a FOCUS CSV named `name` in a new temp folder; returns its path. */
export function writeRows(name: string, rows: readonly CraftedRow[]): string {
  const quote = (v: string): string => `"${v.replaceAll('"', '""')}"`
  const lines = rows.map((r) => {
    const month = r.day.slice(0, 7)
    const next = addDays(`${month}-28`, 7).slice(0, 7)
    const values: Record<string, string> = {
      BilledCost: r.cost,
      BillingAccountId: 'acct-1',
      BillingAccountName: 'Main',
      BillingCurrency: r.currency ?? 'USD',
      BillingPeriodEnd: `${next}-01 00:00:00`,
      BillingPeriodStart: `${month}-01 00:00:00`,
      ChargeCategory: 'Usage',
      ChargeDescription: 'crafted',
      ChargeFrequency: 'Usage-Based',
      ChargePeriodEnd: `${addDays(r.day, 1)} 00:00:00`,
      ChargePeriodStart: `${r.day} 00:00:00`,
      CommitmentDiscountId: r.commitmentId ?? '',
      CommitmentDiscountStatus: r.commitmentStatus ?? '',
      ConsumedQuantity: r.quantity === undefined ? '1' : (r.quantity ?? ''),
      ConsumedUnit: 'Hours',
      ContractedCost: r.cost,
      EffectiveCost: r.cost,
      InvoiceIssuerName: 'Cloud',
      ListCost: r.cost,
      PricingCategory: 'Standard',
      PricingQuantity: '1',
      PricingUnit: 'Hours',
      ProviderName: 'Cloud',
      PublisherName: 'Cloud',
      RegionId: 'eu-1',
      ResourceId: r.resource ?? '',
      ResourceName: r.resource ? `${r.resource}-name` : '',
      ServiceCategory: 'Compute',
      ServiceName: 'Virtual Machines',
      SubAccountId: `sub-${r.subAccount ?? 'Prod'}`,
      SubAccountName: r.subAccount ?? 'Prod',
      Tags: r.tags ? JSON.stringify(r.tags) : '',
    }
    return HEADER.map((h) => quote(values[h] ?? '')).join(',')
  })
  const path = join(tempDir('focal-backlog-'), name)
  writeFileSync(path, [HEADER.join(','), ...lines].join('\n') + '\n')
  return path
}
