/**
 * AWS Cost and Usage Report → FOCUS 1.4 (reference/mappings.md §2). Legacy CUR
 * (CSV, `lineItem/UnblendedCost`) and the snake_case forms (CUR 2.0 and legacy
 * Parquet, `line_item_unblended_cost`) share one set of rules; each format file
 * names its columns through `name`.
 */
import { AWS_SERVICE_CATEGORIES } from './aws-service-categories'
import { AWS_PRICING_UNITS } from './pricing-units'
import type { ColumnRule, Condition, Expression, ReconcileColumns } from './mapping-types'

/** Line item types whose rows are usage (FOCUS 1.4 §ChargeCategory). */
const USAGE_TYPES = ['Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage', 'SavingsPlanNegation']

/** Line item types whose EffectiveCost is not their UnblendedCost (amortization). */
const AMORTIZED_TYPES = [
  'SavingsPlanCoveredUsage',
  'SavingsPlanNegation',
  'SavingsPlanUpfrontFee',
  'SavingsPlanRecurringFee',
  'DiscountedUsage',
  'RIFee',
  'Fee',
]

/** The column and value rules of an AWS CUR, with column names given by `name` (legacy CSV names in). */
export function awsCurRules(
  name: (legacy: string) => string,
  extra: { tags: Expression; product: (field: string, legacy: string) => Expression },
): { columns: Record<string, ColumnRule>; reconcile: ReconcileColumns } {
  const col = (legacy: string): Expression => ({ column: name(legacy) })
  const type = name('lineItem/LineItemType')
  const isType = (...values: string[]): Condition => ({ column: type, in: values })
  const billed = [name('lineItem/NetUnblendedCost'), name('lineItem/UnblendedCost')]
  const first = (...legacy: string[]): Expression => ({ firstColumn: legacy.map(name) })
  const reservationArn = name('reservation/ReservationARN')
  // Legacy CUR spells it SavingsPlanARN; some exports SavingsPlanArn.
  const savingsPlanArns = [name('savingsPlan/SavingsPlanARN'), name('savingsPlan/SavingsPlanArn')]
  const savingsPlanArn: Expression = { firstColumn: savingsPlanArns }
  const time = (legacy: string): Expression => ({ date: col(legacy) })
  const columns: Record<string, ColumnRule> = {
    BillingAccountId: { value: col('bill/PayerAccountId') },
    BillingAccountName: { value: col('bill/PayerAccountName') },
    SubAccountId: { value: col('lineItem/UsageAccountId') },
    SubAccountName: { value: col('lineItem/UsageAccountName') },
    BillingPeriodStart: { value: time('bill/BillingPeriodStartDate') },
    // AWS's end is already the first instant of the next month: FOCUS's exclusive end.
    BillingPeriodEnd: { value: time('bill/BillingPeriodEndDate') },
    ChargePeriodStart: { value: time('lineItem/UsageStartDate') },
    ChargePeriodEnd: { value: time('lineItem/UsageEndDate') },
    BillingCurrency: { value: col('lineItem/CurrencyCode') },
    InvoiceId: { value: col('bill/InvoiceId') },
    InvoiceIssuerName: {
      value: { coalesce: [col('bill/InvoicingEntity'), col('bill/BillingEntity')] },
    },
    // FOCUS 1.3+: a Marketplace seller is the service provider; AWS hosts it.
    ServiceProviderName: {
      value: {
        cases: [
          {
            when: [{ column: name('bill/BillingEntity'), in: ['AWS Marketplace'] }],
            then: col('lineItem/LegalEntity'),
          },
        ],
        otherwise: { constant: 'AWS' },
      },
      fix: 'SERVICE_PROVIDER_FROM_MARKETPLACE_SELLER',
      fixWhen: [[{ column: name('bill/BillingEntity'), in: ['AWS Marketplace'] }]],
    },
    // The format's own fact, not a change to a value: no fix code on every row.
    HostProviderName: { value: { constant: 'AWS' } },
    ChargeCategory: {
      value: {
        cases: [
          { when: [isType(...USAGE_TYPES)], then: { constant: 'Usage' } },
          {
            when: [isType('Fee', 'RIFee', 'SavingsPlanUpfrontFee', 'SavingsPlanRecurringFee')],
            then: { constant: 'Purchase' },
          },
          { when: [isType('Tax')], then: { constant: 'Tax' } },
          { when: [isType('Credit')], then: { constant: 'Credit' } },
          // A refund takes the category of what it refunds, flagged Correction below.
          {
            when: [isType('Refund'), { column: name('lineItem/TaxType'), present: true }],
            then: { constant: 'Tax' },
          },
          { when: [isType('Refund')], then: { constant: 'Usage' } },
        ],
        otherwise: { constant: 'Adjustment' },
      },
      fix: 'CHARGE_CATEGORY_FROM_LINE_ITEM_TYPE',
    },
    ChargeClass: {
      value: { cases: [{ when: [isType('Refund')], then: { constant: 'Correction' } }] },
      fix: 'CHARGE_CLASS_FROM_REFUND',
    },
    ChargeDescription: { value: col('lineItem/LineItemDescription') },
    ChargeFrequency: {
      value: {
        lookup: { column: type },
        table: {
          ...Object.fromEntries(USAGE_TYPES.map((t) => [t, 'Usage-Based'])),
          Fee: 'One-Time',
          SavingsPlanUpfrontFee: 'One-Time',
          RIFee: 'Recurring',
          SavingsPlanRecurringFee: 'Recurring',
        },
      },
      fix: 'CHARGE_FREQUENCY_FROM_LINE_ITEM_TYPE',
    },
    // Net* columns exist only with private pricing or EDP; then they are what is invoiced.
    BilledCost: { value: { firstColumn: billed } },
    EffectiveCost: {
      value: {
        cases: [
          {
            when: [isType('SavingsPlanCoveredUsage')],
            then: first(
              'savingsPlan/NetSavingsPlanEffectiveCost',
              'savingsPlan/SavingsPlanEffectiveCost',
            ),
          },
          {
            when: [isType('SavingsPlanNegation', 'SavingsPlanUpfrontFee')],
            then: { constant: '0' },
          },
          {
            when: [isType('SavingsPlanRecurringFee')],
            then: {
              sum: [
                { value: col('savingsPlan/TotalCommitmentToDate') },
                { value: col('savingsPlan/UsedCommitment'), negate: true },
              ],
            },
          },
          {
            when: [isType('DiscountedUsage')],
            then: first('reservation/NetEffectiveCost', 'reservation/EffectiveCost'),
          },
          {
            when: [isType('RIFee')],
            then: {
              sum: [
                {
                  value: first(
                    'reservation/NetUnusedAmortizedUpfrontFeeForBillingPeriod',
                    'reservation/UnusedAmortizedUpfrontFeeForBillingPeriod',
                  ),
                },
                {
                  value: first(
                    'reservation/NetUnusedRecurringFee',
                    'reservation/UnusedRecurringFee',
                  ),
                },
              ],
            },
          },
          // An upfront reservation fee is amortized over the term by the rows above.
          {
            when: [isType('Fee'), { column: reservationArn, present: true }],
            then: { constant: '0' },
          },
        ],
        otherwise: { firstColumn: billed },
      },
      fix: 'EFFECTIVE_COST_AMORTIZED',
      fixWhen: [
        [isType(...AMORTIZED_TYPES.filter((t) => t !== 'Fee'))],
        [isType('Fee'), { column: reservationArn, present: true }],
      ],
    },
    ListCost: { value: col('pricing/publicOnDemandCost') },
    ListUnitPrice: { value: col('pricing/publicOnDemandRate') },
    PricingCategory: {
      value: {
        cases: [
          { when: [{ column: type, notIn: USAGE_TYPES }], then: { constant: null } },
          {
            when: [isType('DiscountedUsage', 'SavingsPlanCoveredUsage')],
            then: { constant: 'Committed' },
          },
          {
            when: [{ column: name('lineItem/UsageType'), contains: 'SpotUsage' }],
            then: { constant: 'Dynamic' },
          },
        ],
        otherwise: {
          lookup: {
            coalesce: [
              extra.product('purchase_option', 'pricing/PurchaseOption'),
              col('pricing/term'),
            ],
          },
          table: {
            'On Demand': 'Standard',
            'On-Demand': 'Standard',
            OnDemand: 'Standard',
            'Dedicated Hosts': 'Standard',
            Reserved: 'Committed',
            'Reserved Instances': 'Committed',
            Spot: 'Dynamic',
            'Spot Instances': 'Dynamic',
          },
        },
      },
      fix: 'PRICING_CATEGORY_DERIVED',
    },
    PricingQuantity: usageOnly(type, col('lineItem/UsageAmount')),
    PricingUnit: usageUnit(type, name('pricing/unit')),
    ConsumedQuantity: usageOnly(type, col('lineItem/UsageAmount')),
    ConsumedUnit: usageUnit(type, name('pricing/unit')),
    CommitmentDiscountId: {
      value: { coalesce: [savingsPlanArn, col('reservation/ReservationARN')] },
    },
    CommitmentDiscountCategory: {
      value: commitment(savingsPlanArns, reservationArn, 'Spend', 'Usage'),
      fix: 'COMMITMENT_DISCOUNT_DERIVED',
    },
    CommitmentDiscountType: {
      value: commitment(savingsPlanArns, reservationArn, 'Savings Plan', 'Reserved Instance'),
      fix: 'COMMITMENT_DISCOUNT_DERIVED',
    },
    CommitmentDiscountStatus: {
      value: {
        cases: [
          {
            when: [isType('DiscountedUsage', 'SavingsPlanCoveredUsage')],
            then: { constant: 'Used' },
          },
        ],
      },
      fix: 'COMMITMENT_DISCOUNT_DERIVED',
    },
    RegionId: {
      value: {
        coalesce: [
          extra.product('region_code', 'product/regionCode'),
          extra.product('region', 'product/region'),
        ],
      },
    },
    RegionName: { value: extra.product('location', 'product/location') },
    AvailabilityZone: { value: col('lineItem/AvailabilityZone') },
    ResourceId: { value: col('lineItem/ResourceId') },
    ServiceName: {
      value: {
        coalesce: [
          extra.product('product_name', 'product/ProductName'),
          col('lineItem/ProductCode'),
        ],
      },
    },
    ServiceCategory: {
      value: {
        lookup: col('lineItem/ProductCode'),
        table: AWS_SERVICE_CATEGORIES,
        otherwise: { constant: 'Other' },
      },
      fix: 'SERVICE_CATEGORY_FROM_PRODUCT_CODE',
    },
    SkuId: { value: extra.product('sku', 'product/sku') },
    SkuPriceId: { value: { coalesce: [col('pricing/RateCode'), col('pricing/RateId')] } },
    SkuMeter: { value: col('lineItem/UsageType') },
    Tags: { value: extra.tags, fix: 'TAGS_FROM_RESOURCE_TAGS' },
    // The names AWS's own FOCUS export gives these columns ("FOCUS 1.0 with AWS columns").
    x_ServiceCode: { value: col('lineItem/ProductCode') },
    x_UsageType: { value: col('lineItem/UsageType') },
    x_Operation: { value: col('lineItem/Operation') },
  }
  const typeIs = (...values: string[]): Condition[] => [isType(...values)]
  const reconcile: ReconcileColumns = {
    currency: name('lineItem/CurrencyCode'),
    billed: [{ column: billed }],
    effective: [
      { column: billed, when: [{ column: type, notIn: AMORTIZED_TYPES }] },
      { column: billed, when: [isType('Fee'), { column: reservationArn, present: false }] },
      {
        column: [
          name('savingsPlan/NetSavingsPlanEffectiveCost'),
          name('savingsPlan/SavingsPlanEffectiveCost'),
        ],
        when: typeIs('SavingsPlanCoveredUsage'),
      },
      {
        column: name('savingsPlan/TotalCommitmentToDate'),
        when: typeIs('SavingsPlanRecurringFee'),
      },
      {
        column: name('savingsPlan/UsedCommitment'),
        negate: true,
        when: typeIs('SavingsPlanRecurringFee'),
      },
      {
        column: [name('reservation/NetEffectiveCost'), name('reservation/EffectiveCost')],
        when: typeIs('DiscountedUsage'),
      },
      {
        column: [
          name('reservation/NetUnusedAmortizedUpfrontFeeForBillingPeriod'),
          name('reservation/UnusedAmortizedUpfrontFeeForBillingPeriod'),
        ],
        when: typeIs('RIFee'),
      },
      {
        column: [name('reservation/NetUnusedRecurringFee'), name('reservation/UnusedRecurringFee')],
        when: typeIs('RIFee'),
      },
    ],
  }
  return { columns, reconcile }
}

/** A quantity or unit on usage rows only (FOCUS: null for purchases, taxes and credits). */
function usageOnly(type: string, value: Expression): ColumnRule {
  return { value: { cases: [{ when: [{ column: type, in: USAGE_TYPES }], then: value }] } }
}

/**
 * A usage row's unit in FOCUS Unit Format where AWS's abbreviation is unambiguous (`Hrs` →
 * `Hours`, flagged PRICING_UNIT_NORMALIZED); any other unit is kept as written.
 */
function usageUnit(type: string, unit: string): ColumnRule {
  const usage: Condition = { column: type, in: USAGE_TYPES }
  return {
    value: {
      cases: [
        {
          when: [usage],
          then: { lookup: { column: unit }, table: AWS_PRICING_UNITS, otherwise: { column: unit } },
        },
      ],
    },
    fix: 'PRICING_UNIT_NORMALIZED',
    fixWhen: [[usage, { column: unit, in: Object.keys(AWS_PRICING_UNITS) }]],
  }
}

function commitment(
  savingsPlanArns: readonly string[],
  reservationArn: string,
  savingsPlan: string,
  reservation: string,
): Expression {
  return {
    cases: [
      ...savingsPlanArns.map((column) => ({
        when: [{ column, present: true }],
        then: { constant: savingsPlan },
      })),
      { when: [{ column: reservationArn, present: true }], then: { constant: reservation } },
    ],
  }
}
