/**
 * Unit economics across the boundary (electron/core/unit-costs): a business metrics CSV
 * uploaded as its name and text (never a path), the metrics stored, and the cost per unit
 * over time of a slice of cost (Explore's own filters and conditions, or an allocation
 * target) and one metric.
 */
import { z } from '../zod'
import { ConditionSchema, FilterSchema } from '../pivot'
import { DecimalString } from './models'
import { uploadFields } from './upload'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const name = z.string().min(1).max(128)

/** What `metrics:import` takes: an uploaded metrics CSV's display name and text. */
export const MetricsImportRequestSchema = z.object(uploadFields(16 * 1024 * 1024)).strict()
/** A metrics file upload. */
export type MetricsImportRequest = z.infer<typeof MetricsImportRequestSchema>

/** What an import did: how many values it stored, and how many of them replaced earlier ones. */
export const MetricsImportResultSchema = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  values: z.number().int(),
  replaced: z.number().int(),
})
/** A metrics import's result. */
export type MetricsImportResult = z.infer<typeof MetricsImportResultSchema>

/** The metrics stored (per metric and dimension value) and the files imported. */
export const MetricsListSchema = z.object({
  metrics: z.array(
    z.object({
      metric: z.string(),
      /** null: the metric as a whole (no dimension column, or an empty one). */
      dimension: z.string().nullable(),
      values: z.number().int(),
      first: z.string(),
      last: z.string(),
    }),
  ),
  imports: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      sha256: z.string(),
      values: z.number().int(),
      replaced: z.number().int(),
      importedAt: z.string(),
      actor: z.string(),
    }),
  ),
})
/** The metrics stored. */
export type MetricsList = z.infer<typeof MetricsListSchema>

/** The cost metrics a cost per unit can be read with; every figure says which. */
export const UnitCostMetricSchema = z.enum(['BilledCost', 'EffectiveCost'])

/** A cost per unit: which metric, which slice of cost, which cost metric and grain. */
export const UnitCostRequestSchema = z
  .object({
    metric: name,
    /** One dimension value of the metric; null: the metric as a whole; absent: every value summed. */
    dimension: name.nullable().optional(),
    costMetric: UnitCostMetricSchema,
    grain: z.enum(['day', 'week', 'month']),
    /** [start, end) on ChargePeriodStart and on the metric's dates; null: all of both. */
    dateRange: z.object({ start: isoDate.nullable(), end: isoDate.nullable() }).nullable(),
    /** The slice of cost, as Explore filters it (a tag value is a filter on tag:<key>). */
    filters: z.array(FilterSchema).max(32),
    conditions: z.array(ConditionSchema).max(32).optional(),
    /**
     * Or the slice is an allocation target of the latest saved rules (its direct cost plus its
     * shares of the pools); then filters and conditions stay empty.
     */
    target: z.string().min(1).max(200).optional(),
  })
  .strict()
/** A cost-per-unit request. */
export type UnitCostRequest = z.infer<typeof UnitCostRequestSchema>

/** The series: units per bucket (null: no metric value, a gap) and cost per bucket and currency. */
export const UnitCostSeriesSchema = z.object({
  metric: z.string(),
  dimension: z.string().nullable().optional(),
  costMetric: UnitCostMetricSchema,
  grain: z.enum(['day', 'week', 'month']),
  /** The currencies of the slice's cost; one series each, never summed across. */
  currencies: z.array(z.string()),
  periods: z.array(
    z.object({
      period: z.string(),
      /** Sum of the metric's values in the bucket; null when it has none (a gap, never zero). */
      units: DecimalString.nullable(),
      /** Days of the bucket with a metric value. */
      metricDays: z.number().int(),
    }),
  ),
  points: z.array(
    z.object({
      period: z.string(),
      currency: z.string(),
      /** Exact sum of the cost metric of the slice's rows in the bucket. */
      cost: DecimalString,
      costRows: z.number().int(),
      /** cost ÷ units at 18 decimals (half away from zero); null without units or with zero units. */
      costPerUnit: DecimalString.nullable(),
      /** A target's slice: the direct part of the cost, the rows the Rows drawer can list. */
      direct: z
        .object({
          cost: DecimalString,
          rows: z.number().int(),
          /** The direct rows per import; null when too many to list. */
          keys: z
            .array(z.object({ importId: z.number().int(), sourceRows: z.array(z.number().int()) }))
            .nullable(),
        })
        .optional(),
    }),
  ),
  /** A target's slice: the rules it was allocated by and, per billing period, its summary total. */
  allocation: z
    .object({
      target: z.string(),
      dimension: z.string(),
      ruleVersion: z.number().int(),
      totals: z.array(
        z.object({
          period: z.string(),
          currency: z.string(),
          direct: DecimalString,
          shared: DecimalString,
          total: DecimalString,
        }),
      ),
    })
    .optional(),
})
/** A cost-per-unit series. */
export type UnitCostSeries = z.infer<typeof UnitCostSeriesSchema>

/** The targets an allocation-target slice can read: those of the latest saved rules in the latest periods. */
export const UnitCostTargetsSchema = z.object({
  /** null: no saved rules (save them first with focal allocate --save, or Allocate → Save). */
  ruleVersion: z.number().int().nullable(),
  dimension: z.string().nullable(),
  /** The billing periods the targets were read from (YYYY-MM), at most the latest three. */
  periods: z.array(z.string()),
  targets: z.array(z.string()),
})
/** The allocation targets to pick from. */
export type UnitCostTargets = z.infer<typeof UnitCostTargetsSchema>

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const UNIT_COST_CHANNELS = {
  'metrics:list': { request: z.object({}).strict(), response: MetricsListSchema },
  'metrics:import': { request: MetricsImportRequestSchema, response: MetricsImportResultSchema },
  'unitCosts:run': { request: UnitCostRequestSchema, response: UnitCostSeriesSchema },
  'unitCosts:targets': { request: z.object({}).strict(), response: UnitCostTargetsSchema },
} as const
