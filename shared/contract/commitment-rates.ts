/**
 * Commitment utilization, coverage and savings per period (electron/core/commitments,
 * issue 13 "Commitments and rates"). Money and ratios travel as exact decimal text; a ratio
 * is a fraction (0.75, not 75) rounded only where it is shown. Every money figure is a row
 * per currency, and says its cost metric in its name (EffectiveCost unless it says ListCost
 * or BilledCost).
 */
import { z } from '../zod'
import { DecimalString } from './models'

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')

/** What `commitments:rates` takes: the billing period (null: the latest) and the "as of" day of the expiry list (null: the last charge day). */
export const CommitmentRatesRequestSchema = z
  .object({ period: month.nullable(), asOf: isoDate.nullable() })
  .strict()
/** A commitment rates request. */
export type CommitmentRatesRequest = z.infer<typeof CommitmentRatesRequestSchema>

/** One commitment discount in one currency of the period (CommitmentDiscountId). */
export const CommitmentRateSchema = z.object({
  id: z.string(),
  currency: z.string().nullable(),
  /** CommitmentDiscountType and CommitmentDiscountCategory (Spend or Usage) as the data names them. */
  type: z.string().nullable(),
  category: z.string().nullable(),
  /** EffectiveCost of its Usage rows with CommitmentDiscountStatus Used plus Unused: the amortized commitment. */
  committed: DecimalString,
  used: DecimalString,
  unused: DecimalString,
  /** used ÷ committed; null when nothing is committed in the period. */
  utilization: DecimalString.nullable(),
  /** CommitmentDiscountQuantity Used ÷ (Used + Unused) in `quantityUnit`; null when the data lacks it or mixes units. */
  quantityUtilization: DecimalString.nullable(),
  quantityUnit: z.string().nullable(),
  /** ListCost − EffectiveCost of the usage it covered; null when a covered row lacks ListCost. */
  savings: DecimalString.nullable(),
  /** ContractedCost − EffectiveCost of the usage it covered: the commitment's own saving beyond negotiated rates. */
  commitmentSavings: DecimalString.nullable(),
  /** (ListCost of covered usage − committed) ÷ that ListCost: the rate net of unused cost; null without ListCost. */
  effectiveSavingsRate: DecimalString.nullable(),
  /** BilledCost of its Purchase rows: shown for reference, never added to committed. */
  purchasesBilled: DecimalString,
  /** From the Contract Commitment dataset when it holds this id (ContractCommitmentId). */
  contract: z
    .object({
      start: z.string().nullable(),
      end: z.string().nullable(),
      term: z.string().nullable(),
    })
    .nullable(),
})
/** A commitment's figures. */
export type CommitmentRate = z.infer<typeof CommitmentRateSchema>

/** The period's figures over all commitments and all usage, per currency. */
export const CommitmentTotalsSchema = z.object({
  currency: z.string().nullable(),
  committed: DecimalString,
  used: DecimalString,
  unused: DecimalString,
  utilization: DecimalString.nullable(),
  /** Covered ÷ eligible usage by ListCost (on-demand equivalent); null when an eligible row lacks ListCost. */
  coverage: DecimalString.nullable(),
  /** Covered ÷ eligible usage by EffectiveCost. */
  coverageEffective: DecimalString.nullable(),
  eligibleList: DecimalString.nullable(),
  coveredList: DecimalString.nullable(),
  eligibleEffective: DecimalString,
  coveredEffective: DecimalString,
  /** ListCost − EffectiveCost of covered usage. */
  savings: DecimalString.nullable(),
  /** ContractedCost − EffectiveCost of covered usage; null when a covered row lacks ContractedCost. */
  commitmentSavings: DecimalString.nullable(),
  /** (ListCost − EffectiveCost) ÷ ListCost over all usage; null when a usage row lacks ListCost. */
  effectiveSavingsRate: DecimalString.nullable(),
  usageList: DecimalString.nullable(),
  usageEffective: DecimalString,
  purchasesBilled: DecimalString,
})
/** A currency's totals. */
export type CommitmentTotals = z.infer<typeof CommitmentTotalsSchema>

/** A contract commitment with its term and, when it ends within 90 days of the "as of" day, its window. */
export const CommitmentTermSchema = z.object({
  id: z.string(),
  type: z.string().nullable(),
  category: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** "1 year", "3 years", "18 months" or "45 days", from start and end. */
  term: z.string().nullable(),
  cost: DecimalString.nullable(),
  currency: z.string().nullable(),
  /** Whole days from the "as of" day to the end; null without an end. */
  daysLeft: z.number().int().nullable(),
  /** The smallest of 30, 60, 90 days the end falls within; null when it ended or ends later. */
  expiresWithin: z.union([z.literal(30), z.literal(60), z.literal(90)]).nullable(),
})
/** A contract commitment's term. */
export type CommitmentTerm = z.infer<typeof CommitmentTermSchema>

/** The answer: the period's figures, the periods there are, and the contract terms with their expiries. */
export const CommitmentRatesSchema = z.object({
  /** The billing period shown (YYYY-MM of BillingPeriodStart, UTC); null when the data has none. */
  period: month.nullable(),
  /** Every billing period of the data, latest first. */
  periods: z.array(month),
  totals: z.array(CommitmentTotalsSchema),
  commitments: z.array(CommitmentRateSchema),
  /** The day expiries count from. */
  asOf: isoDate,
  /** Whether a Contract Commitment dataset is imported. */
  contractsImported: z.boolean(),
  terms: z.array(CommitmentTermSchema),
})
/** Commitment rates of a period. */
export type CommitmentRates = z.infer<typeof CommitmentRatesSchema>

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const COMMITMENT_RATE_CHANNELS = {
  'commitments:rates': { request: CommitmentRatesRequestSchema, response: CommitmentRatesSchema },
} as const
