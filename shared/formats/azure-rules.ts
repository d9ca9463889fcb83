/**
 * Azure Cost Management cost details (EA and MCA, actual and amortized) →
 * FOCUS 1.4, after finops-toolkit `docs-mslearn/focus/convert.md`
 * (reference/mappings.md §3). Column names are matched without case, so an
 * EA file's `CostInBillingCurrency` and an MCA file's `costInBillingCurrency`
 * are the same rule.
 *
 * Actual and amortized files share one schema. Each row is mapped on its own:
 * a commitment purchase (actual) keeps its BilledCost and has EffectiveCost 0;
 * usage covered by a commitment and unused commitment (amortized) have
 * BilledCost 0 and their amortized EffectiveCost. So BilledCost and
 * EffectiveCost are never the same money counted twice within a file.
 */
import { AZURE_REGION_IDS, AZURE_REGION_NAMES } from './azure-regions'
import { AZURE_SERVICE_CATEGORIES } from './azure-service-categories'
import { AZURE_PRICING_BLOCK_SIZES, AZURE_PRICING_UNITS } from './pricing-units'
import type { ColumnRule, Condition, Expression, ReconcileColumns } from './mapping-types'

const COMMITMENT_MODELS = ['Reservation', 'SavingsPlan']
/** Rows whose cost is the amortized share of a prepaid commitment: nothing is invoiced for them. */
const AMORTIZED_CHARGES = ['Usage', 'UnusedReservation', 'UnusedSavingsPlan']
/** Rows whose cost is invoiced for a commitment and amortized by other rows. */
const PREPAID_CHARGES = ['Purchase', 'Refund']
/** UnitOfMeasure values whose FOCUS unit is written differently ("1 Hour" → "Hours"). */
const RENAMED_UNITS = Object.keys(AZURE_PRICING_UNITS).filter((k) => AZURE_PRICING_UNITS[k] !== k)
/** UnitOfMeasure values priced per block of more than one unit ("10K", "100 Hours"). */
const BLOCKED_UNITS = Object.keys(AZURE_PRICING_BLOCK_SIZES).filter(
  (k) => AZURE_PRICING_BLOCK_SIZES[k] !== '1',
)
/** Azure date columns: US month/day/year in EA exports, ISO elsewhere. */
const DATE_FORMATS = ['%m/%d/%Y', '%Y-%m-%d', '%m/%d/%Y %H:%M:%S']

/** How one Azure export family names its account and cost columns. */
export interface AzureNames {
  readonly cost: readonly string[]
  readonly currency: readonly string[]
  readonly billingAccountId: string
  readonly billingAccountName: string
  readonly billingAccountType: string
  /** Pay-as-you-go cost in the billing currency (MCA only). */
  readonly listCost?: string
}

/** The column and value rules of an Azure cost details export. */
export function azureRules(names: AzureNames): {
  columns: Record<string, ColumnRule>
  reconcile: ReconcileColumns
} {
  const cost: Expression = { firstColumn: names.cost }
  const model = (values: string[]): Condition => ({ column: 'PricingModel', in: values })
  const charge = (values: string[]): Condition => ({ column: 'ChargeType', in: values })
  const amortizedRow = [model(COMMITMENT_MODELS), charge(AMORTIZED_CHARGES)]
  const prepaidRow = [model(COMMITMENT_MODELS), charge(PREPAID_CHARGES)]
  const date = (column: string, addDays = 0): Expression => ({
    date: { column },
    formats: DATE_FORMATS,
    addDays,
  })
  const benefit = (capacity: string, billingBenefits: string): Expression => ({
    cases: [
      {
        when: [{ column: 'benefitId', contains: '/microsoft.capacity/' }],
        then: { constant: capacity },
      },
      {
        when: [{ column: 'benefitId', contains: '/microsoft.billingbenefits/' }],
        then: { constant: billingBenefits },
      },
      { when: [{ column: 'ReservationId', present: true }], then: { constant: capacity } },
    ],
  })
  const usage = charge(['Usage'])
  const quantity: Expression = { column: 'Quantity' }
  const unitOfMeasure: Expression = { column: 'UnitOfMeasure' }
  const blockSize: Expression = { lookup: unitOfMeasure, table: AZURE_PRICING_BLOCK_SIZES }
  const unit: Expression = {
    lookup: unitOfMeasure,
    table: AZURE_PRICING_UNITS,
    otherwise: unitOfMeasure,
  }
  // Consumption is stated for usage rows only (FOCUS 1.4 §ConsumedUnit).
  const usageUnit: Expression = { cases: [{ when: [usage], then: unitOfMeasure }] }
  const renamedUnit: Condition = { column: 'UnitOfMeasure', in: RENAMED_UNITS }
  const blockedUnit: Condition = { column: 'UnitOfMeasure', in: BLOCKED_UNITS }
  const columns: Record<string, ColumnRule> = {
    BillingAccountId: { value: { column: names.billingAccountId } },
    BillingAccountName: { value: { column: names.billingAccountName } },
    BillingAccountType: { value: { constant: names.billingAccountType } },
    SubAccountId: { value: { column: 'SubscriptionId' } },
    SubAccountName: { value: { column: 'SubscriptionName' } },
    SubAccountType: { value: { constant: 'Subscription' } },
    BillingCurrency: { value: { firstColumn: names.currency } },
    PricingCurrency: { value: { firstColumn: ['PricingCurrency', ...names.currency] } },
    BillingPeriodStart: { value: date('BillingPeriodStartDate') },
    // Azure writes the last day of the period; FOCUS's end is exclusive (convert.md: + 1 day).
    BillingPeriodEnd: { value: date('BillingPeriodEndDate', 1), fix: 'PERIOD_END_MADE_EXCLUSIVE' },
    ChargePeriodStart: { value: date('Date') },
    ChargePeriodEnd: { value: date('Date', 1), fix: 'PERIOD_END_MADE_EXCLUSIVE' },
    BilledCost: {
      value: { cases: [{ when: amortizedRow, then: { constant: '0' } }], otherwise: cost },
      fix: 'BILLED_COST_ZERO_FOR_AMORTIZED_COMMITMENT',
      fixWhen: [amortizedRow],
    },
    EffectiveCost: {
      value: { cases: [{ when: prepaidRow, then: { constant: '0' } }], otherwise: cost },
      fix: 'EFFECTIVE_COST_ZERO_FOR_PREPAID_COMMITMENT',
      fixWhen: [prepaidRow],
    },
    ...(names.listCost ? { ListCost: { value: { column: names.listCost } } } : {}),
    ListUnitPrice: names.listCost
      ? { value: { constant: null } }
      : { value: { column: 'PayGPrice' } },
    ContractedUnitPrice: { value: { column: 'UnitPrice' } },
    ChargeCategory: {
      value: {
        lookup: { column: 'ChargeType' },
        table: {
          Usage: 'Usage',
          Purchase: 'Purchase',
          Credit: 'Credit',
          Tax: 'Tax',
          UnusedReservation: 'Usage',
          UnusedSavingsPlan: 'Usage',
          Refund: 'Purchase',
        },
        otherwise: { constant: 'Adjustment' },
      },
      fix: 'CHARGE_CATEGORY_FROM_CHARGE_TYPE',
    },
    ChargeClass: {
      value: { cases: [{ when: [charge(['Refund'])], then: { constant: 'Correction' } }] },
      fix: 'CHARGE_CLASS_FROM_REFUND',
    },
    ChargeDescription: { value: { firstColumn: ['ProductName', 'Product'] } },
    ChargeFrequency: {
      value: {
        lookup: { column: 'Frequency' },
        table: { OneTime: 'One-Time', Recurring: 'Recurring', UsageBased: 'Usage-Based' },
      },
      fix: 'CHARGE_FREQUENCY_FROM_FREQUENCY',
    },
    CommitmentDiscountId: {
      value: { coalesce: [{ column: 'benefitId' }, { column: 'ReservationId' }] },
    },
    CommitmentDiscountName: {
      value: { coalesce: [{ column: 'benefitName' }, { column: 'ReservationName' }] },
    },
    CommitmentDiscountCategory: {
      value: benefit('Usage', 'Spend'),
      fix: 'COMMITMENT_DISCOUNT_DERIVED',
    },
    CommitmentDiscountType: {
      value: benefit('Reservation', 'Savings Plan'),
      fix: 'COMMITMENT_DISCOUNT_DERIVED',
    },
    CommitmentDiscountStatus: {
      value: {
        cases: [
          {
            when: [charge(['UnusedReservation', 'UnusedSavingsPlan'])],
            then: { constant: 'Unused' },
          },
          { when: [model(COMMITMENT_MODELS), charge(['Usage'])], then: { constant: 'Used' } },
        ],
      },
      fix: 'COMMITMENT_DISCOUNT_DERIVED',
    },
    // UnitOfMeasure carries a block size ("10K", "100 Hours") and Quantity counts blocks: in
    // the real exports Cost = UnitPrice × Quantity. So, as in Microsoft's FOCUS export,
    // PricingQuantity is Quantity (priced per block of x_PricingBlockSize PricingUnits) and
    // ConsumedQuantity is Quantity × block in single units; unit and block come from
    // finops-toolkit's PricingUnits.csv.
    ConsumedQuantity: {
      value: { product: { cases: [{ when: [usage], then: quantity }] }, factor: blockSize },
      fix: 'CONSUMED_QUANTITY_FROM_PRICING_BLOCKS',
      fixWhen: [[usage, { column: 'Quantity', present: true }, blockedUnit]],
    },
    ConsumedUnit: {
      value: { lookup: usageUnit, table: AZURE_PRICING_UNITS, otherwise: usageUnit },
      fix: 'PRICING_UNIT_NORMALIZED',
      fixWhen: [[usage, renamedUnit]],
    },
    PricingQuantity: {
      value: quantity,
      fix: 'PRICING_QUANTITY_PER_BLOCK',
      fixWhen: [[{ column: 'Quantity', present: true }, blockedUnit]],
    },
    PricingUnit: { value: unit, fix: 'PRICING_UNIT_NORMALIZED', fixWhen: [[renamedUnit]] },
    x_PricingBlockSize: {
      value: blockSize,
      // A unit the table lacks is kept as written, its block unknown: said on the row.
      fix: 'PRICING_UNIT_UNKNOWN',
      fixWhen: [
        [
          {
            column: 'UnitOfMeasure',
            present: true,
            notIn: Object.keys(AZURE_PRICING_UNITS),
          },
        ],
      ],
    },
    PricingCategory: {
      value: {
        lookup: { column: 'PricingModel' },
        table: {
          OnDemand: 'Standard',
          Spot: 'Dynamic',
          Reservation: 'Committed',
          SavingsPlan: 'Committed',
        },
      },
      fix: 'PRICING_CATEGORY_FROM_PRICING_MODEL',
    },
    InvoiceId: { value: { column: 'InvoiceId' } },
    InvoiceIssuerName: {
      value: { coalesce: [{ column: 'PartnerName' }, { constant: 'Microsoft' }] },
    },
    // FOCUS 1.3+: a Marketplace publisher is the service provider; Microsoft hosts it.
    ServiceProviderName: {
      value: {
        cases: [
          {
            when: [
              { column: 'PublisherType', in: ['Marketplace'] },
              { column: 'PublisherName', present: true },
            ],
            then: { column: 'PublisherName' },
          },
        ],
        otherwise: { constant: 'Microsoft' },
      },
      fix: 'SERVICE_PROVIDER_FROM_MARKETPLACE_PUBLISHER',
      fixWhen: [
        [
          { column: 'PublisherType', in: ['Marketplace'] },
          { column: 'PublisherName', present: true },
        ],
      ],
    },
    HostProviderName: { value: { constant: 'Microsoft' } },
    RegionId: {
      value: { lookup: { column: 'ResourceLocation' }, table: AZURE_REGION_IDS, lower: true },
      fix: 'REGION_MAPPED',
    },
    RegionName: {
      value: { lookup: { column: 'ResourceLocation' }, table: AZURE_REGION_NAMES, lower: true },
      fix: 'REGION_MAPPED',
    },
    AvailabilityZone: { value: { column: 'AvailabilityZone' } },
    ResourceId: { value: { column: 'ResourceId' } },
    ResourceName: { value: { column: 'ResourceName' } },
    ServiceName: { value: { column: 'MeterCategory' }, fix: 'SERVICE_NAME_FROM_METER_CATEGORY' },
    ServiceCategory: {
      value: {
        lookup: { column: 'ConsumedService' },
        table: AZURE_SERVICE_CATEGORIES,
        lower: true,
        otherwise: { constant: 'Other' },
      },
      fix: 'SERVICE_CATEGORY_FROM_CONSUMED_SERVICE',
    },
    SkuId: { value: { column: 'ProductId' } },
    SkuMeter: { value: { column: 'MeterName' } },
    // EA writes tags without the enclosing braces.
    Tags: { value: { json: { column: 'Tags' }, braces: true }, fix: 'TAGS_FROM_AZURE_TAGS' },
    // The names Microsoft's own FOCUS export gives these columns (finops-toolkit mapping.md).
    x_SkuMeterCategory: { value: { column: 'MeterCategory' } },
    x_SkuMeterSubcategory: { value: { column: 'MeterSubCategory' } },
    x_SkuMeterId: { value: { column: 'MeterId' } },
    x_SkuServiceFamily: { value: { column: 'ServiceFamily' } },
    x_SkuTerm: { value: { column: 'Term' } },
    x_SkuPartNumber: { value: { column: 'PartNumber' } },
    x_ResourceGroupName: { value: { firstColumn: ['ResourceGroupName', 'ResourceGroup'] } },
    x_CostCenter: { value: { column: 'CostCenter' } },
    x_InvoiceSectionId: { value: { column: 'InvoiceSectionId' } },
    x_InvoiceSectionName: { value: { firstColumn: ['InvoiceSectionName', 'InvoiceSection'] } },
    x_BillingExchangeRate: { value: { column: 'ExchangeRatePricingToBilling' } },
  }
  const notCommitment: Condition = { column: 'PricingModel', notIn: COMMITMENT_MODELS }
  const reconcile: ReconcileColumns = {
    currency: names.currency,
    billed: [
      { column: names.cost, when: [notCommitment] },
      {
        column: names.cost,
        when: [model(COMMITMENT_MODELS), { column: 'ChargeType', notIn: AMORTIZED_CHARGES }],
      },
    ],
    effective: [
      { column: names.cost, when: [notCommitment] },
      {
        column: names.cost,
        when: [model(COMMITMENT_MODELS), { column: 'ChargeType', notIn: PREPAID_CHARGES }],
      },
    ],
  }
  return { columns, reconcile }
}
