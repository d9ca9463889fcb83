/**
 * Oracle OCI cost report (legacy CSV: `lineItem/…`, `cost/…`, `product/…`,
 * `tags/<namespace>.<key>`), after focus_converters' `oci.csv` plan
 * (reference/mappings.md §1 rule 14, §5). `cost/myCost` is the row's whole
 * cost and is both BilledCost and EffectiveCost: the report has no
 * amortization (focus_converters' overage-only BilledCost would lose money).
 */
import type { Expression, FormatMapping } from './mapping-types'

/** OCI `product/service` → FOCUS 1.4 §ServiceCategory; anything else is `Other`. */
const OCI_SERVICE_CATEGORIES: Readonly<Record<string, string>> = {
  compute: 'Compute',
  database: 'Databases',
  mysql: 'Databases',
  nosql: 'Databases',
  network: 'Networking',
  load_balancer: 'Networking',
  block_storage: 'Storage',
  objectstore: 'Storage',
  file_storage: 'Storage',
  telemetry: 'Management and Governance',
  oracle_streaming_service: 'Integration',
}

const usageStart: Expression = { column: 'lineItem/intervalUsageStart' }

/** OCI cost report (CSV). */
export const OCI_COST_REPORT: FormatMapping = {
  id: 'oci-cost-report',
  title: 'OCI cost report',
  signature: {
    all: [
      'lineItem/referenceNo',
      'lineItem/tenantId',
      'lineItem/intervalUsageStart',
      'cost/myCost',
      'product/service',
    ],
  },
  columns: {
    BillingAccountId: { value: { column: 'cost/subscriptionId' } },
    BillingAccountType: { value: { constant: 'Subscription' } },
    SubAccountId: { value: { column: 'lineItem/tenantId' } },
    SubAccountType: { value: { constant: 'Tenancy' } },
    BillingCurrency: { value: { column: 'cost/currencyCode' } },
    PricingCurrency: { value: { column: 'cost/currencyCode' } },
    // The report has no billing period: the calendar month (UTC) of the usage.
    BillingPeriodStart: { value: { date: usageStart, monthStart: true } },
    BillingPeriodEnd: { value: { date: usageStart, monthStart: true, addMonths: 1 } },
    ChargePeriodStart: { value: { date: usageStart } },
    ChargePeriodEnd: { value: { date: { column: 'lineItem/intervalUsageEnd' } } },
    BilledCost: { value: { column: 'cost/myCost' } },
    EffectiveCost: { value: { column: 'cost/myCost' } },
    ContractedUnitPrice: { value: { column: 'cost/unitPrice' } },
    // The cost report holds metered usage only (it has no charge type column).
    ChargeCategory: { value: { constant: 'Usage' }, fix: 'CHARGE_CATEGORY_USAGE_ASSUMED' },
    ChargeClass: {
      value: {
        cases: [
          {
            when: [{ column: 'lineItem/isCorrection', in: ['true', 'TRUE', 'True'] }],
            then: { constant: 'Correction' },
          },
        ],
      },
      fix: 'CHARGE_CLASS_FROM_IS_CORRECTION',
    },
    ChargeDescription: { value: { column: 'product/Description' } },
    ChargeFrequency: { value: { constant: 'Usage-Based' } },
    ConsumedQuantity: { value: { column: 'usage/billedQuantity' } },
    ConsumedUnit: { value: { column: 'cost/skuUnitDescription' } },
    PricingQuantity: { value: { column: 'usage/billedQuantity' } },
    PricingUnit: { value: { column: 'cost/skuUnitDescription' } },
    InvoiceIssuerName: { value: { constant: 'Oracle' } },
    ServiceProviderName: { value: { constant: 'Oracle' } },
    HostProviderName: { value: { constant: 'Oracle' } },
    RegionId: { value: { column: 'product/region' } },
    AvailabilityZone: { value: { column: 'product/availabilityDomain' } },
    ResourceId: { value: { column: 'product/resourceId' } },
    ServiceName: { value: { column: 'product/service' } },
    ServiceCategory: {
      value: {
        lookup: { column: 'product/service' },
        table: OCI_SERVICE_CATEGORIES,
        lower: true,
        otherwise: { constant: 'Other' },
      },
      fix: 'SERVICE_CATEGORY_FROM_SERVICE',
    },
    SkuId: { value: { column: 'cost/productSku' } },
    // `tags/Oracle-Tags.CreatedBy` → key `Oracle-Tags.CreatedBy`: the namespace keeps keys apart.
    Tags: { value: { tagColumns: { prefixes: ['tags/'] } }, fix: 'TAGS_FROM_OCI_TAG_COLUMNS' },
    x_CompartmentId: { value: { column: 'product/compartmentId' } },
    x_CompartmentName: { value: { column: 'product/compartmentName' } },
    x_ReferenceNo: { value: { column: 'lineItem/referenceNo' } },
  },
  reconcile: {
    currency: 'cost/currencyCode',
    billed: [{ column: 'cost/myCost' }],
    effective: [{ column: 'cost/myCost' }],
  },
}
