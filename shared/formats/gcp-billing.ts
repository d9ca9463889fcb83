/**
 * GCP Cloud Billing export (BigQuery standard or detailed) flattened to CSV:
 * dotted headers (`service.description`), `credits` and the label columns as
 * JSON arrays (reference/mappings.md §1 rule 13, §4); or the same export as
 * Parquet, where `service`, `sku`, `invoice`… are records and `credits` and the
 * labels are lists of records.
 *
 * Credits are netted into the row they belong to: BilledCost = cost +
 * Σ credits.amount, the invoiced amount (mappings.md §4 ★; GCP credits are
 * negative). Each source row stays one FOCUS row; the credits themselves are
 * kept beside it (x_credits) and the row carries the CREDITS_NETTED fix code.
 */
import { GCP_SERVICE_CATEGORIES } from './gcp-service-categories'
import type { Condition, Expression, FormatMapping } from './mapping-types'

/** Google invoices in Pacific time (mappings.md §4): a month starts at 00:00 there. */
const BILLING_ZONE = 'America/Los_Angeles'

/** Rows with at least one credit. */
const CREDITED: Condition = { column: 'credits', notIn: ['[]'], present: true }

/** cost plus the sum of the row's credit amounts, exactly. */
const NET_COST: Expression = {
  sum: [
    { value: { column: 'cost' } },
    { value: { arraySum: { column: 'credits' }, key: 'amount' } },
  ],
}

const month = (addMonths: number): Expression => ({
  date: { column: 'invoice.month' },
  formats: ['%Y%m'],
  zone: BILLING_ZONE,
  addMonths,
})

/** GCP Cloud Billing export (CSV). */
export const GCP_BILLING: FormatMapping = {
  id: 'gcp-billing',
  title: 'GCP Cloud Billing export',
  signature: {
    all: ['billing_account_id', 'usage_start_time', 'cost', 'currency', 'credits'],
    // Flattened to CSV the records are dotted columns; in Parquet they are records (compile-sql reads their fields).
    anyOf: [
      ['service.description', 'service'],
      ['sku.id', 'sku'],
      ['invoice.month', 'invoice'],
    ],
  },
  columns: {
    BillingAccountId: { value: { column: 'billing_account_id' } },
    BillingAccountType: { value: { constant: 'Billing Account' } },
    SubAccountId: { value: { column: 'project.id' } },
    SubAccountName: { value: { column: 'project.name' } },
    SubAccountType: { value: { constant: 'Project' } },
    BillingCurrency: { value: { column: 'currency' } },
    PricingCurrency: { value: { column: 'currency' } },
    BillingPeriodStart: { value: month(0) },
    // FOCUS's end is exclusive: the first moment of the next invoice month.
    BillingPeriodEnd: { value: month(1) },
    ChargePeriodStart: { value: { date: { column: 'usage_start_time' } } },
    ChargePeriodEnd: { value: { date: { column: 'usage_end_time' } } },
    BilledCost: { value: NET_COST, fix: 'CREDITS_NETTED', fixWhen: [[CREDITED]] },
    EffectiveCost: { value: NET_COST, fix: 'CREDITS_NETTED', fixWhen: [[CREDITED]] },
    ListCost: { value: { column: 'cost_at_list' } },
    ContractedUnitPrice: { value: { column: 'price.effective_price' } },
    ChargeCategory: {
      value: {
        lookup: { column: 'cost_type' },
        table: {
          regular: 'Usage',
          tax: 'Tax',
          adjustment: 'Adjustment',
          rounding_error: 'Adjustment',
        },
        lower: true,
        otherwise: { constant: 'Adjustment' },
      },
      fix: 'CHARGE_CATEGORY_FROM_COST_TYPE',
    },
    ChargeClass: {
      value: {
        cases: [
          {
            when: [{ column: 'adjustment_info.id', present: true }],
            then: { constant: 'Correction' },
          },
        ],
      },
      fix: 'CHARGE_CLASS_FROM_ADJUSTMENT',
    },
    ChargeDescription: { value: { column: 'sku.description' } },
    ChargeFrequency: {
      value: {
        cases: [
          { when: [{ column: 'cost_type', in: ['regular'] }], then: { constant: 'Usage-Based' } },
        ],
      },
    },
    PricingCategory: {
      value: {
        cases: [
          {
            when: [{ column: 'credits', contains: 'COMMITTED_USAGE_DISCOUNT' }],
            then: { constant: 'Committed' },
          },
          {
            when: [{ column: 'sku.description', contains: 'commitment' }],
            then: { constant: 'Committed' },
          },
          { when: [{ column: 'cost_type', in: ['regular'] }], then: { constant: 'Standard' } },
        ],
      },
      fix: 'PRICING_CATEGORY_FROM_CREDITS',
    },
    ConsumedQuantity: {
      value: {
        cases: [
          { when: [{ column: 'cost_type', in: ['regular'] }], then: { column: 'usage.amount' } },
        ],
      },
    },
    ConsumedUnit: {
      value: {
        cases: [
          { when: [{ column: 'cost_type', in: ['regular'] }], then: { column: 'usage.unit' } },
        ],
      },
    },
    PricingQuantity: { value: { column: 'usage.amount_in_pricing_units' } },
    PricingUnit: { value: { column: 'usage.pricing_unit' } },
    InvoiceIssuerName: { value: { constant: 'Google Cloud' } },
    // FOCUS 1.3+: a Marketplace seller is the service provider; Google hosts it.
    ServiceProviderName: {
      value: { coalesce: [{ column: 'seller_name' }, { constant: 'Google Cloud' }] },
    },
    HostProviderName: { value: { constant: 'Google Cloud' } },
    RegionId: {
      value: { coalesce: [{ column: 'location.region' }, { column: 'location.location' }] },
    },
    AvailabilityZone: { value: { column: 'location.zone' } },
    ResourceId: { value: { column: 'resource.global_name' } },
    ResourceName: { value: { column: 'resource.name' } },
    ServiceName: { value: { column: 'service.description' } },
    ServiceCategory: {
      value: {
        lookup: { column: 'service.description' },
        table: GCP_SERVICE_CATEGORIES,
        lower: true,
        otherwise: { constant: 'Other' },
      },
      fix: 'SERVICE_CATEGORY_FROM_SERVICE',
    },
    SkuId: { value: { column: 'sku.id' } },
    // A resource's own label wins over its project's; system labels keep their `goog-` keys.
    Tags: {
      value: {
        keyValues: [
          { column: 'labels' },
          { column: 'tags' },
          { column: 'project.labels' },
          { column: 'system_labels' },
        ],
      },
      fix: 'TAGS_FROM_GCP_LABELS',
    },
    // The names Google's own FOCUS view gives these columns (mappings.md §4).
    x_CostType: { value: { column: 'cost_type' } },
    x_CurrencyConversionRate: { value: { column: 'currency_conversion_rate' } },
    x_ExportTime: { value: { column: 'export_time' } },
    x_Location: { value: { column: 'location.location' } },
    x_ServiceId: { value: { column: 'service.id' } },
  },
  reconcile: {
    currency: 'currency',
    billed: [{ column: 'cost' }, { column: 'credits', arrayKey: 'amount' }],
    effective: [{ column: 'cost' }, { column: 'credits', arrayKey: 'amount' }],
  },
}
