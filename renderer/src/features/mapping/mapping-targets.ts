/** The FOCUS columns the mapping screen offers, required first, and how a rule reads in words. */
import { focusColumn, REQUIRED_TO_IMPORT, type FocusType } from '../../../../shared/focus'

/** Columns offered beyond the required ones: what a chargeback or internal export usually has. */
const OPTIONAL = [
  'EffectiveCost',
  'ChargeCategory',
  'ChargeDescription',
  'ServiceName',
  'ServiceCategory',
  'ServiceProviderName',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'BillingAccountId',
  'BillingAccountName',
  'SubAccountId',
  'SubAccountName',
  'RegionId',
  'ResourceId',
  'ResourceName',
  'PricingQuantity',
  'PricingUnit',
  'InvoiceId',
] as const

/** One column the screen offers: its name, FOCUS type and whether an import needs it. */
export interface MappingTarget {
  readonly name: string
  readonly type: FocusType
  readonly required: boolean
}

/** Every column offered, required first. */
export const MAPPING_TARGETS: readonly MappingTarget[] = [
  ...REQUIRED_TO_IMPORT.map((name) => ({ name, required: true })),
  ...OPTIONAL.map((name) => ({ name, required: false })),
].map((t) => ({ ...t, type: focusColumn(t.name)?.type ?? 'string' }))
