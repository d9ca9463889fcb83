/**
 * What each x_FixCodes code means, in a sentence a person reads in a row's detail. The codes
 * are written by the format rules (shared/formats, `fix:`) and the value checks (ingest).
 */

const MEANINGS: Readonly<Record<string, string>> = {
  VALUE_ASSUMED: 'A column the file lacked was filled with the value a person supplied at import.',
  ROUNDED_TO_18_DECIMALS:
    'An amount with more than 18 decimals was rounded half away from zero to 18.',
  CURRENCY_STRING_PARSED:
    'An amount written with a currency symbol or separators was read as a plain number.',
  BILLED_COST_ZERO_FOR_AMORTIZED_COMMITMENT:
    'BilledCost is 0: the row amortizes a commitment whose purchase is billed on its own row.',
  EFFECTIVE_COST_ZERO_FOR_PREPAID_COMMITMENT:
    'EffectiveCost is 0: the row buys a prepaid commitment whose cost is spread over its usage rows.',
  EFFECTIVE_COST_AMORTIZED: 'EffectiveCost was taken from the amortized cost the provider wrote.',
  EFFECTIVE_COST_IS_BILLED_COST:
    'The export has no amortized cost, so EffectiveCost equals BilledCost.',
  CHARGE_CATEGORY_FROM_CHARGE_TYPE: "ChargeCategory was derived from the provider's charge type.",
  CHARGE_CATEGORY_FROM_COST_TYPE: "ChargeCategory was derived from the provider's cost type.",
  CHARGE_CATEGORY_FROM_LINE_ITEM_TYPE:
    "ChargeCategory was derived from the provider's line item type.",
  CHARGE_CATEGORY_USAGE_ASSUMED: 'ChargeCategory is Usage: the export holds metered usage only.',
  CHARGE_CATEGORY_USAGE_DETAILS: 'ChargeCategory is Usage: usage details list consumption only.',
  CHARGE_CLASS_FROM_ADJUSTMENT:
    'ChargeClass is Correction: the provider marked the row an adjustment.',
  CHARGE_CLASS_FROM_IS_CORRECTION:
    'ChargeClass is Correction: the provider marked the row a correction.',
  CHARGE_CLASS_FROM_REFUND: 'ChargeClass is Correction: the provider marked the row a refund.',
  CHARGE_FREQUENCY_FROM_FREQUENCY: "ChargeFrequency was derived from the provider's frequency.",
  CHARGE_FREQUENCY_FROM_LINE_ITEM_TYPE:
    "ChargeFrequency was derived from the provider's line item type.",
  COMMITMENT_DISCOUNT_DERIVED:
    "Commitment discount columns were derived from the provider's reservation or savings plan columns.",
  CONSUMED_QUANTITY_FROM_PRICING_BLOCKS:
    'ConsumedQuantity is the quantity the provider priced in blocks times the block size, in single units.',
  CREDITS_NETTED: "The provider's credits were netted into the cost.",
  PERIOD_END_MADE_EXCLUSIVE:
    'A period end the provider wrote as its last day was made exclusive (the next day), as FOCUS counts it.',
  PRICING_CATEGORY_DERIVED: "PricingCategory was derived from the provider's pricing columns.",
  PRICING_CATEGORY_FROM_CREDITS: "PricingCategory was derived from the provider's credits.",
  PRICING_CATEGORY_FROM_PRICING_MODEL:
    "PricingCategory was derived from the provider's pricing model.",
  PRICING_QUANTITY_PER_BLOCK:
    'PricingQuantity counts blocks of the pricing unit (e.g. per 100 hours), not single units.',
  PRICING_UNIT_NORMALIZED: "PricingUnit was renamed from the provider's unit to the FOCUS unit.",
  PRICING_UNIT_UNKNOWN:
    'The unit is not in the unit table: it is kept as written and its block size is unknown.',
  REGION_MAPPED: "RegionId and RegionName were looked up from the provider's location.",
  SERVICE_CATEGORY_FROM_CONSUMED_SERVICE:
    "ServiceCategory was looked up from the provider's consumed service.",
  SERVICE_CATEGORY_FROM_PRODUCT_CODE:
    "ServiceCategory was looked up from the provider's product code.",
  SERVICE_CATEGORY_FROM_SERVICE: "ServiceCategory was looked up from the provider's service.",
  SERVICE_NAME_FROM_METER_CATEGORY: "ServiceName was taken from the provider's meter category.",
  SERVICE_PROVIDER_FROM_MARKETPLACE_PUBLISHER: 'ServiceProviderName is the marketplace publisher.',
  SERVICE_PROVIDER_FROM_MARKETPLACE_SELLER: 'ServiceProviderName is the marketplace seller.',
  TAGS_FROM_AZURE_TAGS: "Tags were read from the provider's tags column into a JSON object.",
  TAGS_FROM_GCP_LABELS: "Tags were read from the provider's labels into a JSON object.",
  TAGS_FROM_OCI_TAG_COLUMNS:
    "Tags were gathered from the provider's tag columns into a JSON object.",
  TAGS_FROM_RESOURCE_TAGS:
    "Tags were gathered from the provider's resource tag columns into a JSON object.",
}

/** The meaning of a fix code; a code this build does not know says so rather than guessing. */
export function fixMeaning(code: string): string {
  return MEANINGS[code] ?? 'A fix Focal applied on import (no description in this version).'
}

/** Every fix code with a description, for tests that check each written code has one. */
export const DESCRIBED_FIX_CODES: readonly string[] = Object.keys(MEANINGS)
