/**
 * Azure legacy usage details (the pre-2019 "usage details" / Consumption API
 * export; reference/mappings.md §1 rule 11 and §3). It carries no
 * amortization, so BilledCost and EffectiveCost are both the pre-tax cost.
 */
import type { FormatMapping } from './mapping-types'

const DATE_FORMATS = ['%m/%d/%Y', '%Y-%m-%d', '%m/%d/%Y %H:%M:%S']

/** Azure legacy usage details. */
export const AZURE_LEGACY: FormatMapping = {
  id: 'azure-legacy-usage',
  title: 'Azure usage details (legacy)',
  caseInsensitive: true,
  signature: {
    all: ['PreTaxCost', 'UsageDateTime', 'SubscriptionGuid', 'MeterCategory', 'Currency'],
    anyOf: [['InstanceId', 'ResourceId']],
  },
  columns: {
    BillingAccountId: { value: { column: 'AccountId' } },
    SubAccountId: { value: { column: 'SubscriptionGuid' } },
    SubAccountName: { value: { column: 'SubscriptionName' } },
    SubAccountType: { value: { constant: 'Subscription' } },
    BillingCurrency: { value: { column: 'Currency' } },
    ChargePeriodStart: { value: { date: { column: 'UsageDateTime' }, formats: DATE_FORMATS } },
    // Daily rows: the day after is the exclusive end.
    ChargePeriodEnd: {
      value: { date: { column: 'UsageDateTime' }, formats: DATE_FORMATS, addDays: 1 },
      fix: 'PERIOD_END_MADE_EXCLUSIVE',
    },
    // Usage details list consumption only.
    ChargeCategory: { value: { constant: 'Usage' }, fix: 'CHARGE_CATEGORY_USAGE_DETAILS' },
    BilledCost: { value: { column: 'PreTaxCost' } },
    EffectiveCost: { value: { column: 'PreTaxCost' }, fix: 'EFFECTIVE_COST_IS_BILLED_COST' },
    ContractedUnitPrice: { value: { column: 'ResourceRate' } },
    ConsumedQuantity: { value: { column: 'UsageQuantity' } },
    ResourceId: { value: { coalesce: [{ column: 'InstanceId' }, { column: 'ResourceId' }] } },
    ServiceName: { value: { column: 'MeterCategory' }, fix: 'SERVICE_NAME_FROM_METER_CATEGORY' },
    SkuMeter: { value: { column: 'MeterName' } },
    ServiceProviderName: { value: { constant: 'Microsoft' } },
    HostProviderName: { value: { constant: 'Microsoft' } },
    Tags: { value: { json: { column: 'Tags' }, braces: true }, fix: 'TAGS_FROM_AZURE_TAGS' },
  },
  reconcile: {
    currency: 'Currency',
    billed: [{ column: 'PreTaxCost' }],
    effective: [{ column: 'PreTaxCost' }],
  },
}
