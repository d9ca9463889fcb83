/**
 * Budgets per month, dimension value and currency (electron/core/budgets): their status,
 * forecast and alerts. A budgets CSV is uploaded as its name and text and exported as text,
 * never a path (CONVENTIONS.md #4). Money travels as decimal strings.
 */
import { z } from '../zod'
import { DecimalString } from './models'
import { uploadFields } from './upload'

/** A month, YYYY-MM. */
export const BudgetPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
/** A UTC day, YYYY-MM-DD. */
export const BudgetDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
/** A column of the focus view or `tag:<key>`. */
export const BudgetDimension = z.string().min(1).max(300)
/** An ISO currency code (or a provider's own code), upper case. */
export const BudgetCurrency = z.string().regex(/^[A-Z0-9]{3,10}$/, 'expected a currency code')
/** Alert thresholds in percent of the amount, ascending, e.g. [50, 80, 100]. */
export const BudgetThresholds = z.array(z.number().int().min(1).max(1000)).min(1).max(10)
/** The metric a budget's actual is summed from. */
export const BudgetMetric = z.enum(['BilledCost', 'EffectiveCost'])

/** Which budget: one per period, dimension, value and currency. */
export const BudgetKeySchema = z
  .object({
    period: BudgetPeriod,
    dimension: BudgetDimension,
    value: z.string().min(1).max(500),
    currency: BudgetCurrency,
  })
  .strict()
/** A budget's key. */
export type BudgetKey = z.infer<typeof BudgetKeySchema>

/** What `budgets:set` takes: the budget, and the key it had when an edit renames it. */
export const BudgetSetRequestSchema = BudgetKeySchema.extend({
  amount: DecimalString,
  thresholds: BudgetThresholds,
  previous: BudgetKeySchema.optional(),
}).strict()
/** A budget to save. */
export type BudgetSetRequest = z.infer<typeof BudgetSetRequestSchema>

/** A stored budget. */
export const BudgetSchema = z.object({
  period: BudgetPeriod,
  dimension: BudgetDimension,
  value: z.string(),
  currency: BudgetCurrency,
  amount: DecimalString,
  thresholds: BudgetThresholds,
  updatedBy: z.string(),
  updatedAt: z.string(),
})
/** A stored budget. */
export type StoredBudget = z.infer<typeof BudgetSchema>

/** A threshold a budget crossed, with the first day its cumulative cost reached it. */
export const BudgetCrossingSchema = z.object({ threshold: z.number().int(), day: BudgetDay })
/** A crossed threshold. */
export type BudgetCrossing = z.infer<typeof BudgetCrossingSchema>

/** A budget's status as of a day: actual to date, forecast to the month's end with a range. */
export const BudgetStatusSchema = BudgetSchema.extend({
  actual: DecimalString,
  /** Actual ÷ amount × 100, rounded to 2 decimals; null for a zero amount. */
  percentUsed: DecimalString.nullable(),
  forecast: DecimalString,
  forecastLow: DecimalString,
  forecastHigh: DecimalString,
  crossed: z.array(BudgetCrossingSchema),
  /** The day the cumulative cost reached 100% (crossed), or the day the forecast reaches it; null when neither. */
  day100: BudgetDay.nullable(),
  /** True when day100 is a forecast, false when it was crossed. */
  day100Forecast: z.boolean(),
})
/** A budget's status. */
export type BudgetStatus = z.infer<typeof BudgetStatusSchema>

/** An alert: a budget crossed a threshold on a day. */
export const BudgetAlertSchema = BudgetKeySchema.extend({
  threshold: z.number().int(),
  day: BudgetDay,
  amount: DecimalString,
  actual: DecimalString,
}).strict()
/** An alert. */
export type BudgetAlert = z.infer<typeof BudgetAlertSchema>

/**
 * What `budgets:status` takes: the month (default: the month of the last day with data), an
 * "as of" day (default: the last day with data) and the metric.
 */
export const BudgetStatusRequestSchema = z
  .object({
    period: BudgetPeriod.optional(),
    asOf: BudgetDay.nullable().optional(),
    metric: BudgetMetric.optional(),
  })
  .strict()
/** A status request. */
export type BudgetStatusRequest = z.infer<typeof BudgetStatusRequestSchema>

/** The month's budgets with their status, the alerts, and how the figures were made. */
export const BudgetReportSchema = z.object({
  period: BudgetPeriod,
  /** The last day counted (the "as of" day); null when the workspace has no cost rows. */
  asOf: BudgetDay.nullable(),
  metric: BudgetMetric,
  /** The forecast method in one sentence. */
  method: z.string(),
  budgets: z.array(BudgetStatusSchema),
  alerts: z.array(BudgetAlertSchema),
})
/** A month's budget report. */
export type BudgetReport = z.infer<typeof BudgetReportSchema>

/** What `budgets:import` takes: an uploaded budgets CSV, and the dimension of rows without one. */
export const BudgetImportRequestSchema = z
  .object({ ...uploadFields(4 * 1024 * 1024), by: BudgetDimension.optional() })
  .strict()

/** What an import did: budgets added and budgets replaced. */
export const BudgetImportResultSchema = z.object({
  fileName: z.string(),
  added: z.number().int(),
  replaced: z.number().int(),
})
/** An import's result. */
export type BudgetImportResult = z.infer<typeof BudgetImportResultSchema>

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const BUDGET_CHANNELS = {
  'budgets:status': { request: BudgetStatusRequestSchema, response: BudgetReportSchema },
  'budgets:set': { request: BudgetSetRequestSchema, response: BudgetSchema },
  'budgets:delete': {
    request: BudgetKeySchema,
    response: z.object({ deleted: z.boolean() }),
  },
  'budgets:import': { request: BudgetImportRequestSchema, response: BudgetImportResultSchema },
  'budgets:export': {
    request: z.object({ period: BudgetPeriod.optional() }).strict(),
    response: z.object({ fileName: z.string(), text: z.string() }),
  },
} as const
