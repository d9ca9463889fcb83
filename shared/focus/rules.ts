/**
 * FOCUS rules as data (reference/focus-spec.md §4, §5): one table that both
 * the import's checks (electron/core/ingest/validate.ts) and `focal validate`
 * compile to SQL (rules-sql.ts), so the two can never disagree. The rules
 * marked `onImport` are the ones an import records in its registry entry.
 */
import { catalogRules, type EnumColumn } from './catalog-rules'
import { FOCUS_COLUMNS } from './columns'
import { CHARGE_CATEGORIES, SERVICE_CATEGORIES } from './index'
import { SERVICE_SUBCATEGORIES } from './service-subcategories'
import type { FocusVersion } from './versions'

/** What a rule looks at. */
export type RuleCheck = 'presence' | 'type' | 'nullability' | 'allowed' | 'format' | 'cross'

/** Whether a broken rule makes a file non-conforming (error) or is advice (warning). */
export type RuleSeverity = 'error' | 'warning'

/** The part of a rule that says what a violating row is. */
export type RuleTest =
  /** The column is in the header (checked once per file, not per row). */
  | { readonly check: 'presence' }
  /** A value is present but does not convert to the column's FOCUS type. */
  | { readonly check: 'type' }
  /** The value is null. */
  | { readonly check: 'nullability' }
  /** The value is not one of `values`; `orNull` also counts a null (the column must hold one of them). */
  | { readonly check: 'allowed'; readonly values: readonly string[]; readonly orNull?: boolean }
  /** The value does not match the pattern (a whole-value regular expression) or is not a JSON object. */
  | {
      readonly check: 'format'
      readonly pattern: string | 'json-object'
      readonly orNull?: boolean
    }
  /** A condition over several FOCUS columns (quoted names); `violated` is true on a breaking row. */
  | { readonly check: 'cross'; readonly violated: string }

/** One FOCUS rule. */
export type FocusRule = RuleTest & {
  /** Stable id: `<Column>.<What>` (e.g. ChargeCategory.Allowed). */
  readonly id: string
  /** The column a sample row shows the value of. */
  readonly column: string
  /** Every column the rule reads; the rule runs only when the file has them all. */
  readonly needs: readonly string[]
  /** The first FOCUS version the rule is part of. */
  readonly since: FocusVersion
  /** Where in the spec it comes from. */
  readonly section: string
  readonly severity: RuleSeverity
  /** What a failure means, in a sentence a person can act on. */
  readonly message: string
  /** Run on every import and kept in its registry entry. */
  readonly onImport?: boolean
}

const q = (name: string): string => `"${name}"`

/**
 * The rules an import has always checked: their ids and messages are stored in
 * import records, so they stay as they are. Allowed-value rules of columns that
 * must not be null count a null too (a null is not one of the allowed values).
 */
const IMPORT_RULES: readonly FocusRule[] = [
  {
    id: 'BilledCost.NotNull',
    check: 'nullability',
    column: 'BilledCost',
    needs: ['BilledCost'],
    since: '0.5',
    section: 'FOCUS 1.4 §BilledCost',
    severity: 'error',
    message: 'BilledCost is empty (FOCUS: must not be null).',
    onImport: true,
  },
  {
    id: 'ChargeCategory.Allowed',
    check: 'allowed',
    values: CHARGE_CATEGORIES,
    orNull: true,
    column: 'ChargeCategory',
    needs: ['ChargeCategory'],
    since: '0.5',
    section: 'FOCUS 1.4 §ChargeCategory',
    severity: 'error',
    message: 'ChargeCategory is not one of Usage, Purchase, Tax, Credit, Adjustment.',
    onImport: true,
  },
  {
    id: 'ChargeClass.Allowed',
    check: 'allowed',
    values: ['Correction'],
    column: 'ChargeClass',
    needs: ['ChargeClass'],
    since: '1.0',
    section: 'FOCUS 1.4 §ChargeClass',
    severity: 'error',
    message: 'ChargeClass must be empty or Correction.',
    onImport: true,
  },
  {
    id: 'ServiceCategory.Allowed',
    check: 'allowed',
    values: SERVICE_CATEGORIES,
    orNull: true,
    column: 'ServiceCategory',
    needs: ['ServiceCategory'],
    since: '0.5',
    section: 'FOCUS 1.4 §ServiceCategory',
    severity: 'error',
    message: 'ServiceCategory is not a FOCUS 1.4 value.',
    onImport: true,
  },
  {
    id: 'BillingCurrency.Format',
    check: 'format',
    pattern: '[A-Z]{3}',
    orNull: true,
    column: 'BillingCurrency',
    needs: ['BillingCurrency'],
    since: '0.5',
    section: 'FOCUS 1.4 §CurrencyFormat',
    severity: 'error',
    message: 'BillingCurrency is not a three-letter ISO 4217 code.',
    onImport: true,
  },
  {
    id: 'ChargePeriod.Order',
    check: 'cross',
    violated: `${q('ChargePeriodStart')} IS NULL OR ${q('ChargePeriodEnd')} IS NULL OR ${q('ChargePeriodEnd')} <= ${q('ChargePeriodStart')}`,
    column: 'ChargePeriodEnd',
    needs: ['ChargePeriodStart', 'ChargePeriodEnd'],
    since: '0.5',
    section: 'FOCUS 1.4 §ChargePeriodEnd',
    severity: 'error',
    message: 'ChargePeriodEnd is missing or not after ChargePeriodStart.',
    onImport: true,
  },
  {
    id: 'Tags.JsonObject',
    check: 'format',
    pattern: 'json-object',
    column: 'Tags',
    needs: ['Tags'],
    since: '1.0',
    section: 'FOCUS 1.4 §KeyValueFormat',
    severity: 'error',
    message:
      'Tags is not a JSON object (malformed JSON or another JSON type); the value is kept as written and tag columns read it as empty. Fix the tags in the source and import it again to use them.',
    onImport: true,
  },
]

/** Allowed values of nullable enumerated columns (focus-spec.md §4.2). */
const ENUMS: readonly EnumColumn[] = [
  { column: 'ChargeFrequency', values: ['One-Time', 'Recurring', 'Usage-Based'] },
  { column: 'PricingCategory', values: ['Standard', 'Dynamic', 'Committed', 'Other'] },
  { column: 'CommitmentDiscountCategory', values: ['Spend', 'Usage'] },
  { column: 'CommitmentDiscountStatus', values: ['Used', 'Unused'] },
  { column: 'CapacityReservationStatus', values: ['Used', 'Unused'] },
]

/**
 * The catalog's rules. Presence: ServiceProviderName was ProviderName
 * (Mandatory since 0.5) before 1.3. Not-null: columns an import rule already
 * holds to not-null (BilledCost.NotNull, an allowed or format rule with orNull)
 * are left to it, so a null is counted once.
 */
const CATALOG_RULES = catalogRules(FOCUS_COLUMNS, {
  requiredBy: 'FOCUS',
  presenceSince: { ServiceProviderName: '0.5' },
  notNullChecked: new Set(
    IMPORT_RULES.filter(
      (r) =>
        r.check === 'nullability' || ((r.check === 'allowed' || r.check === 'format') && r.orNull),
    ).map((r) => r.column),
  ),
  enums: ENUMS,
  jsonChecked: new Set(['Tags']),
})

const PURCHASE = `${q('ChargeCategory')} = 'Purchase'`
const COMMITMENT = `${q('CommitmentDiscountId')} IS NOT NULL`

/** Every allowed "ServiceCategory/ServiceSubcategory" pair, as SQL literals. */
const SUBCATEGORY_PAIRS = Object.entries(SERVICE_SUBCATEGORIES)
  .flatMap(([category, subcategories]) => subcategories.map((sub) => `${category}/${sub}`))
  .map((pair) => `'${pair.replaceAll("'", "''")}'`)
  .join(', ')

/** Rules across columns (focus-spec.md §4.1, §4.2, §5.3 commitments, §5.4, §5.5). */
const CROSS_RULES: readonly FocusRule[] = [
  {
    id: 'ServiceSubcategory.Allowed',
    check: 'cross',
    // A null category or subcategory makes the pair null: not counted here (the NotNull rules say it).
    violated: `${q('ServiceCategory')} || '/' || ${q('ServiceSubcategory')} NOT IN (${SUBCATEGORY_PAIRS})`,
    column: 'ServiceSubcategory',
    needs: ['ServiceCategory', 'ServiceSubcategory'],
    since: '1.1',
    section: 'FOCUS 1.4 §ServiceSubcategory',
    severity: 'error',
    message:
      'ServiceSubcategory is not one of the FOCUS values of its ServiceCategory (each subcategory has exactly one parent category).',
  },
  {
    id: 'BillingPeriod.Order',
    check: 'cross',
    violated: `${q('BillingPeriodEnd')} <= ${q('BillingPeriodStart')}`,
    column: 'BillingPeriodEnd',
    needs: ['BillingPeriodStart', 'BillingPeriodEnd'],
    since: '0.5',
    section: 'FOCUS 1.4 §BillingPeriodEnd',
    severity: 'error',
    message: 'BillingPeriodEnd is not after BillingPeriodStart (periods are [start, end)).',
  },
  {
    id: 'ChargeFrequency.Purchase',
    check: 'cross',
    violated: `${PURCHASE} AND ${q('ChargeFrequency')} = 'Usage-Based'`,
    column: 'ChargeFrequency',
    needs: ['ChargeCategory', 'ChargeFrequency'],
    since: '1.0',
    section: 'FOCUS 1.4 §ChargeFrequency',
    severity: 'error',
    message: 'A Purchase row has ChargeFrequency Usage-Based (must be One-Time or Recurring).',
  },
  {
    id: 'PricingCategory.CommitmentPurchase',
    check: 'cross',
    violated: `${PURCHASE} AND ${COMMITMENT} AND ${q('PricingCategory')} = 'Committed'`,
    column: 'PricingCategory',
    needs: ['ChargeCategory', 'CommitmentDiscountId', 'PricingCategory'],
    since: '1.1',
    section: 'FOCUS 1.4 §PricingCategory',
    severity: 'error',
    message:
      'A commitment purchase has PricingCategory Committed (Committed is for usage a commitment covers, not the purchase).',
  },
  {
    id: 'CommitmentDiscountId.PurchaseResource',
    check: 'cross',
    violated: `${PURCHASE} AND ${COMMITMENT} AND ${q('ResourceId')} IS DISTINCT FROM ${q('CommitmentDiscountId')}`,
    column: 'ResourceId',
    needs: ['ChargeCategory', 'CommitmentDiscountId', 'ResourceId'],
    since: '1.4',
    section: 'FOCUS 1.4 §CommitmentDiscountId',
    severity: 'error',
    message: 'A commitment purchase row has a ResourceId other than its CommitmentDiscountId.',
  },
  {
    id: 'CommitmentDiscountId.UnusedResource',
    check: 'cross',
    violated: `${q('CommitmentDiscountStatus')} = 'Unused' AND ${q('ResourceId')} IS DISTINCT FROM ${q('CommitmentDiscountId')}`,
    column: 'ResourceId',
    needs: ['CommitmentDiscountStatus', 'CommitmentDiscountId', 'ResourceId'],
    since: '1.4',
    section: 'FOCUS 1.4 §CommitmentDiscountId',
    severity: 'error',
    message: 'An unused-commitment row has a ResourceId other than its CommitmentDiscountId.',
  },
  {
    id: 'BilledCost.Unused',
    check: 'cross',
    violated: `${q('CommitmentDiscountStatus')} = 'Unused' AND ${q('BilledCost')} <> 0`,
    column: 'BilledCost',
    needs: ['CommitmentDiscountStatus', 'BilledCost'],
    since: '1.0',
    section: 'FOCUS 1.4 §BilledCost',
    severity: 'warning',
    message:
      'An unused-commitment row has a BilledCost other than 0 (its cost is billed on the purchase; the row carries EffectiveCost).',
  },
  {
    id: 'CommitmentDiscountQuantity.Purchase',
    check: 'cross',
    violated: `${PURCHASE} AND ${COMMITMENT} AND ${q('CommitmentDiscountQuantity')} IS NULL`,
    column: 'CommitmentDiscountId',
    needs: ['ChargeCategory', 'CommitmentDiscountId', 'CommitmentDiscountQuantity'],
    since: '1.1',
    section: 'FOCUS 1.4 §CommitmentDiscountQuantity',
    severity: 'warning',
    message: 'A commitment purchase row has no CommitmentDiscountQuantity (the units bought).',
  },
  {
    id: 'CommitmentDiscountCategory.WithId',
    check: 'cross',
    violated: `(${COMMITMENT}) <> (${q('CommitmentDiscountCategory')} IS NOT NULL)`,
    column: 'CommitmentDiscountId',
    needs: ['CommitmentDiscountId', 'CommitmentDiscountCategory'],
    since: '1.0',
    section: 'FOCUS 1.4 §CommitmentDiscountCategory',
    severity: 'error',
    message:
      'CommitmentDiscountCategory must be set exactly on the rows with a CommitmentDiscountId.',
  },
  {
    id: 'CommitmentDiscountStatus.CoveredUsage',
    check: 'cross',
    violated: `${COMMITMENT} AND ${q('ChargeCategory')} = 'Usage' AND ${q('CommitmentDiscountStatus')} IS NULL`,
    column: 'CommitmentDiscountId',
    needs: ['ChargeCategory', 'CommitmentDiscountId', 'CommitmentDiscountStatus'],
    since: '1.0',
    section: 'FOCUS 1.4 §CommitmentDiscountStatus',
    severity: 'error',
    message:
      'A Usage row with a CommitmentDiscountId has no CommitmentDiscountStatus (Used or Unused).',
  },
  {
    id: 'ConsumedQuantity.Unused',
    check: 'cross',
    violated: `${q('CommitmentDiscountStatus')} = 'Unused' AND ${q('ConsumedQuantity')} IS NOT NULL`,
    column: 'ConsumedQuantity',
    needs: ['CommitmentDiscountStatus', 'ConsumedQuantity'],
    since: '1.1',
    section: 'FOCUS 1.4 §ConsumedQuantity',
    severity: 'error',
    message: 'An unused-commitment row has a ConsumedQuantity (it must be empty).',
  },
  {
    id: 'PricingCategory.Tax',
    check: 'cross',
    violated: `${q('ChargeCategory')} = 'Tax' AND ${q('PricingCategory')} IS NOT NULL`,
    column: 'PricingCategory',
    needs: ['ChargeCategory', 'PricingCategory'],
    since: '1.0',
    section: 'FOCUS 1.4 §PricingCategory',
    severity: 'error',
    message: 'A Tax row has a PricingCategory (it must be empty).',
  },
  {
    id: 'RegionName.WithRegionId',
    check: 'cross',
    violated: `(${q('RegionId')} IS NULL) <> (${q('RegionName')} IS NULL)`,
    column: 'RegionName',
    needs: ['RegionId', 'RegionName'],
    since: '1.0',
    section: 'FOCUS 1.4 §RegionName',
    severity: 'error',
    message: 'RegionName must be empty exactly when RegionId is.',
  },
  {
    id: 'SubAccountName.WithId',
    check: 'cross',
    violated: `${q('SubAccountId')} IS NULL AND ${q('SubAccountName')} IS NOT NULL`,
    column: 'SubAccountName',
    needs: ['SubAccountId', 'SubAccountName'],
    since: '0.5',
    section: 'FOCUS 1.4 §SubAccountName',
    severity: 'error',
    message: 'A row has a SubAccountName but no SubAccountId.',
  },
  {
    id: 'EffectiveCost.Credit',
    check: 'cross',
    violated: `${q('ChargeCategory')} = 'Credit' AND ${q('EffectiveCost')} IS DISTINCT FROM ${q('BilledCost')}`,
    column: 'EffectiveCost',
    needs: ['ChargeCategory', 'EffectiveCost', 'BilledCost'],
    since: '1.0',
    section: 'FOCUS 1.4 §EffectiveCost',
    severity: 'warning',
    message:
      'A Credit row has an EffectiveCost other than its BilledCost (true for credits unrelated to other charges).',
  },
]

/** Every rule, in the order they are reported: presence, then per-row rules. */
export const FOCUS_RULES: readonly FocusRule[] = [
  ...CATALOG_RULES.presence,
  ...IMPORT_RULES,
  ...CATALOG_RULES.perColumn,
  ...CROSS_RULES,
]
