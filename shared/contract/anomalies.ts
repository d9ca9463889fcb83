/**
 * Daily cost anomalies across the boundary (electron/core/anomalies): a scan with its settings,
 * each anomaly with its band, drivers and state, one series' days for its chart, a state
 * change and the settings. Money is exact decimal text in the series' currency.
 */
import { ANOMALY_METRICS, ANOMALY_STATES } from '../anomalies'
import { z } from '../zod'
import { DecimalString } from './models'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const dimensionText = z.string().min(1).max(260)
const valueText = z.string().max(2048).nullable()
const amountText = z.string().regex(/^\d{1,20}(\.\d{1,18})?$/, 'expected an amount of 0 or more')
const sensitivity = z.number().min(0.5).max(100)

/** Which anomaly: its series (two dimensions and their values), currency and first day. */
export const AnomalyKeySchema = z
  .object({
    by: z.tuple([dimensionText, dimensionText]),
    values: z.tuple([valueText, valueText]),
    currency: z.string().max(16).nullable(),
    day: isoDate,
  })
  .strict()

/** A stored state: who set it, when, with the explanation and owner when given. */
export const AnomalyStateRecordSchema = z.object({
  state: z.enum(ANOMALY_STATES),
  note: z.string().nullable(),
  owner: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
})
/** A state record. */
export type AnomalyStateRecord = z.infer<typeof AnomalyStateRecordSchema>

/** A ResourceId and SkuId whose cost on the day moved most against its own baseline. */
export const AnomalyDriverSchema = z.object({
  resourceId: z.string().nullable(),
  skuId: z.string().nullable(),
  actual: DecimalString,
  expected: DecimalString,
  change: DecimalString,
})

/** One anomaly: its first day's figures, its run of days and the run's total excess. */
export const AnomalySchema = z.object({
  key: AnomalyKeySchema,
  /** The last day of the run of consecutive flagged days, and its length. */
  through: isoDate,
  days: z.number().int(),
  kind: z.enum(['spike', 'sustained']),
  direction: z.enum(['up', 'down']),
  actual: DecimalString,
  expected: DecimalString,
  deviation: DecimalString,
  score: z.number(),
  lower: DecimalString,
  upper: DecimalString,
  /** Σ (actual − expected) over the run's days. */
  excess: DecimalString,
  drivers: z.array(AnomalyDriverSchema),
  state: AnomalyStateRecordSchema,
})
/** An anomaly. */
export type Anomaly = z.infer<typeof AnomalySchema>

/** The settings: minimum amount (decimal text) and sensitivity (deviations). */
export const AnomalySettingsSchema = z.object({ minAmount: amountText, sensitivity })

/** What `anomalies:scan` takes: every field optional (the stored settings, the last 30 days, service × sub account). */
export const AnomalyScanRequestSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    by: z.tuple([dimensionText, dimensionText]).optional(),
    metric: z.enum(ANOMALY_METRICS).optional(),
    minAmount: amountText.optional(),
    sensitivity: sensitivity.optional(),
    states: z.array(z.enum(ANOMALY_STATES)).max(4).optional(),
  })
  .strict()
/** A scan request. */
export type AnomalyScanRequest = z.infer<typeof AnomalyScanRequestSchema>

/** A scan's result: what was scanned and how, and the anomalies newest first. */
export const AnomalyScanSchema = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  by: z.tuple([z.string(), z.string()]),
  metric: z.enum(ANOMALY_METRICS),
  settings: AnomalySettingsSchema,
  method: z.string(),
  anomalies: z.array(AnomalySchema),
  /** More anomalies were found than a scan returns (the newest are kept). */
  truncated: z.boolean(),
})
/** A scan result. */
export type AnomalyScan = z.infer<typeof AnomalyScanSchema>

/** What `anomalies:series` takes: one series and the days to chart. */
export const AnomalySeriesRequestSchema = z
  .object({
    by: z.tuple([dimensionText, dimensionText]),
    values: z.tuple([valueText, valueText]),
    currency: z.string().max(16).nullable(),
    from: isoDate,
    to: isoDate,
    metric: z.enum(ANOMALY_METRICS).optional(),
  })
  .strict()

/** One series' days: actual, and expected with the band once the series has enough history. */
export const AnomalySeriesSchema = z.object({
  sensitivity,
  points: z.array(
    z.object({
      day: isoDate,
      actual: DecimalString,
      expected: DecimalString.nullable(),
      lower: DecimalString.nullable(),
      upper: DecimalString.nullable(),
    }),
  ),
})
/** A charted series. */
export type AnomalySeries = z.infer<typeof AnomalySeriesSchema>

/** What `anomalies:setState` takes: explained needs a note. */
export const AnomalySetStateRequestSchema = z
  .object({
    key: AnomalyKeySchema,
    state: z.enum(ANOMALY_STATES),
    note: z.string().max(4000).optional(),
    owner: z.string().max(200).optional(),
  })
  .strict()
/** A state change. */
export type AnomalySetStateRequest = z.infer<typeof AnomalySetStateRequestSchema>

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const ANOMALY_CHANNELS = {
  'anomalies:scan': { request: AnomalyScanRequestSchema, response: AnomalyScanSchema },
  'anomalies:series': { request: AnomalySeriesRequestSchema, response: AnomalySeriesSchema },
  'anomalies:setState': {
    request: AnomalySetStateRequestSchema,
    response: AnomalyStateRecordSchema,
  },
  /** An empty request reads the settings; a field changes it. */
  'anomalies:settings': {
    request: AnomalySettingsSchema.partial().strict(),
    response: AnomalySettingsSchema,
  },
} as const
