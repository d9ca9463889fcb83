/**
 * The weekly cost ledger (electron/core/ledger) across the boundary: a week by a dimension with
 * this week, last week and the delta per currency, its top movers with their drivers and
 * explanations; saving an explanation, signing it off, the weeks with data, and the export.
 * Money is exact decimal text; the metric is named in every answer.
 */
import { z } from '../zod'
import { ISO_WEEK_PATTERN } from '../ledger/iso-week'
import { CostMetricSchema } from './allocation'
import { DecimalString } from './models'
import { PivotExportFileSchema } from './pivot-export'

const Week = z.string().regex(ISO_WEEK_PATTERN, 'expected YYYY-Www')
/** A dimension as typed: a focus column or `tag:<key>`. */
const By = z.string().min(1).max(260)
/** A dimension value; null is the rows without one ("(none)"). */
const Value = z.string().max(2000).nullable()

/** What `ledger:week` takes: the week, the dimension (the owner dimension if absent), top N, metric. */
export const LedgerWeekRequestSchema = z
  .object({
    week: Week,
    by: By.optional(),
    top: z.number().int().min(1).max(100).optional(),
    metric: CostMetricSchema.optional(),
  })
  .strict()
/** A ledger request. */
export type LedgerWeekRequest = z.infer<typeof LedgerWeekRequestSchema>

/**
 * The sign-off threshold: a mover without a sign-off is flagged when |delta| ≥ amount (in its
 * currency) or |delta %| ≥ percent; a part that is null is off (never both).
 */
export const LedgerSettingsSchema = z.object({
  amount: DecimalString.nullable(),
  percent: DecimalString.nullable(),
})
/** The sign-off threshold of a workspace. */
export type LedgerSettings = z.infer<typeof LedgerSettingsSchema>

const Change = {
  thisWeek: DecimalString,
  lastWeek: DecimalString,
  delta: DecimalString,
  /** delta / last week × 100, rounded to 2 decimals; null when last week is 0. */
  deltaPercent: DecimalString.nullable(),
}

/** A value's variance explanation as stored (kept by week, dimension and value). */
export const LedgerExplanationSchema = z.object({
  text: z.string(),
  owner: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
})
/** A stored explanation. */
export type LedgerExplanation = z.infer<typeof LedgerExplanationSchema>

/** A driver beneath a mover: one ServiceName, ResourceId or SkuId value and its change. */
export const LedgerDriverSchema = z.object({ value: Value, ...Change })

/** A mover: a dimension value, its change, its drivers, its explanation and whether it needs a sign-off. */
export const LedgerMoverSchema = z.object({
  value: Value,
  ...Change,
  drivers: z.array(z.object({ column: z.string(), items: z.array(LedgerDriverSchema) })),
  explanation: LedgerExplanationSchema.nullable(),
  needsSignOff: z.boolean(),
})
/** One mover of a ledger. */
export type LedgerMover = z.infer<typeof LedgerMoverSchema>

/** One currency of a ledger: its totals, its days, its movers and what the movers leave out. */
export const LedgerCurrencySchema = z.object({
  currency: z.string().nullable(),
  ...Change,
  /** This week's cost per UTC day, Monday first; they add up to thisWeek exactly. */
  days: z.array(z.object({ day: z.string(), cost: DecimalString })),
  movers: z.array(LedgerMoverSchema),
  rest: z.object({ values: z.number().int(), ...Change }),
})
/** One currency's ledger. */
export type LedgerCurrency = z.infer<typeof LedgerCurrencySchema>

/** A week's ledger. */
export const LedgerWeekSchema = z.object({
  week: z.string(),
  start: z.string(),
  end: z.string(),
  lastWeek: z.object({ week: z.string(), start: z.string(), end: z.string() }),
  /** The dimension as typed (`tag:team`, SubAccountName) and why it was used. */
  by: z.string(),
  byReason: z.enum(['requested', 'owner-default']),
  metric: CostMetricSchema,
  top: z.number().int(),
  /** The workspace's sign-off threshold this ledger was flagged by (ledger:settings). */
  threshold: LedgerSettingsSchema,
  currencies: z.array(LedgerCurrencySchema),
})
/** A week's ledger. */
export type LedgerWeek = z.infer<typeof LedgerWeekSchema>

/** What `ledger:set-settings` takes: the parts to change (absent: kept; null or empty: off). */
export const LedgerSettingsRequestSchema = z
  .object({
    amount: z.string().max(40).nullable().optional(),
    percent: z.string().max(40).nullable().optional(),
  })
  .strict()
/** A change of the sign-off threshold. */
export type LedgerSettingsRequest = z.infer<typeof LedgerSettingsRequestSchema>

const Key = { week: Week, by: By.optional(), value: Value }

/** What `ledger:explain` takes: the mover's key, the text and its owner. */
export const LedgerExplainRequestSchema = z
  .object({
    ...Key,
    currency: z.string().max(16).nullable().optional(),
    metric: CostMetricSchema.optional(),
    text: z.string().trim().min(1).max(4000),
    owner: z.string().trim().min(1).max(200),
  })
  .strict()
/** An explain request. */
export type LedgerExplainRequest = z.infer<typeof LedgerExplainRequestSchema>

/** What `ledger:signoff` takes: the mover's key (the signer is the operating-system user). */
export const LedgerSignOffRequestSchema = z.object(Key).strict()
/** A sign-off request. */
export type LedgerSignOffRequest = z.infer<typeof LedgerSignOffRequestSchema>

/** The weeks that have data, latest first, and the latest complete one (the default). */
export const LedgerWeeksSchema = z.object({
  weeks: z.array(z.string()),
  latestComplete: z.string().nullable(),
  ownerDimension: z.string(),
})
/** The weeks with data. */
export type LedgerWeeks = z.infer<typeof LedgerWeeksSchema>

/** What `ledger:export` takes: a ledger request and the format. */
export const LedgerExportRequestSchema = LedgerWeekRequestSchema.extend({
  format: z.enum(['pdf', 'csv']),
}).strict()

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const LEDGER_CHANNELS = {
  'ledger:weeks': { request: z.object({}).strict(), response: LedgerWeeksSchema },
  'ledger:week': { request: LedgerWeekRequestSchema, response: LedgerWeekSchema },
  'ledger:explain': { request: LedgerExplainRequestSchema, response: LedgerExplanationSchema },
  'ledger:signoff': { request: LedgerSignOffRequestSchema, response: LedgerExplanationSchema },
  'ledger:export': { request: LedgerExportRequestSchema, response: PivotExportFileSchema },
  'ledger:settings': { request: z.object({}).strict(), response: LedgerSettingsSchema },
  'ledger:set-settings': { request: LedgerSettingsRequestSchema, response: LedgerSettingsSchema },
} as const
