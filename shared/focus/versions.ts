/**
 * FOCUS versions Focal reads, how to tell them apart from a header, and the
 * renames between them (reference/mappings.md §1, reference/focus-spec.md §1).
 */

/** Versions whose column sets Focal maps onto the canonical 1.4 table. */
export const FOCUS_VERSIONS = ['0.5', '1.0-preview', '1.0', '1.1', '1.2', '1.3', '1.4'] as const

/** A FOCUS version Focal can read. */
export type FocusVersion = (typeof FOCUS_VERSIONS)[number]

/**
 * Older column names and the 1.4 column each became. ProviderName was replaced
 * by ServiceProviderName (1.3); PublisherName has no exact successor, so it is
 * kept as a provider column (x_PublisherName) rather than guessed.
 */
export const COLUMN_RENAMES: Readonly<Record<string, string>> = {
  AmortizedCost: 'EffectiveCost',
  ChargeType: 'ChargeCategory',
  UsageQuantity: 'ConsumedQuantity',
  UsageUnit: 'ConsumedUnit',
  Region: 'RegionId',
  ProviderName: 'ServiceProviderName',
  Provider: 'ServiceProviderName',
  InvoiceIssuer: 'InvoiceIssuerName',
  PublisherName: 'x_PublisherName',
  Publisher: 'x_PublisherName',
  ChargeSubcategory: 'x_ChargeSubcategory',
}

/** Markers, newest first: the first version whose any-of columns appear in a header wins. */
const VERSION_MARKERS: ReadonlyArray<{ version: FocusVersion; anyOf: readonly string[] }> = [
  { version: '1.4', anyOf: ['InvoiceDetailId', 'CommitmentProgramEligibilityDetails'] },
  {
    version: '1.3',
    anyOf: [
      'ServiceProviderName',
      'HostProviderName',
      'ContractApplied',
      'AllocatedMethodId',
      'AllocatedResourceId',
      'AllocatedTags',
    ],
  },
  {
    version: '1.2',
    anyOf: ['BillingAccountType', 'InvoiceId', 'PricingCurrency', 'SubAccountType'],
  },
  {
    version: '1.1',
    anyOf: [
      'ServiceSubcategory',
      'SkuMeter',
      'SkuPriceDetails',
      'CommitmentDiscountQuantity',
      'CapacityReservationId',
    ],
  },
  { version: '1.0', anyOf: ['ChargeClass', 'RegionId', 'ContractedCost', 'ConsumedQuantity'] },
  { version: '1.0-preview', anyOf: ['UsageQuantity', 'ChargeSubcategory', 'Region', 'ListCost'] },
]

/**
 * The FOCUS version a header most likely follows. 1.4 is told from 1.3 by its
 * new columns or by ServiceProviderName without the removed ProviderName.
 */
export function detectFocusVersion(header: readonly string[]): FocusVersion {
  const has = new Set(header)
  if (has.has('ServiceProviderName') && !has.has('ProviderName')) return '1.4'
  for (const marker of VERSION_MARKERS) {
    if (marker.anyOf.some((name) => has.has(name))) return marker.version
  }
  return '0.5'
}
