/**
 * The pivot query model (DESIGN.md, Explore): a serializable value the UI edits
 * and `shared/sql` compiles. Components never see SQL.
 */
import { z } from '../zod'

/** Measures a pivot can show. Money measures are always split by currency. */
export const MEASURES = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ConsumedQuantity',
  'RowCount',
] as const

/** One of MEASURES. */
export type Measure = (typeof MEASURES)[number]

/** Money measures: summed per BillingCurrency, never across currencies. */
export const MONEY_MEASURES: readonly Measure[] = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
]

/** A group-by: a column of the `focus` view, or one key of its Tags JSON. */
export const DimensionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), name: z.string().min(1).max(128) }),
  z.object({ kind: z.literal('tag'), key: z.string().min(1).max(256) }),
])
/** A group-by dimension. */
export type Dimension = z.infer<typeof DimensionSchema>

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const decimalText = z.string().regex(/^-?\d{1,20}(\.\d{1,18})?$/, 'expected a decimal number')

/** A filter keeps (in) or drops (notIn) rows whose dimension value is in a list; null matches null. */
export const FilterSchema = z.object({
  dimension: DimensionSchema,
  op: z.enum(['in', 'notIn']),
  values: z.array(z.string().nullable()).max(10_000),
})
/** A filter on one dimension. */
export type Filter = z.infer<typeof FilterSchema>

/** Time buckets: ISO weeks start on Monday (DuckDB date_trunc('week')). */
export const TIME_GRAINS = ['none', 'day', 'week', 'month', 'quarter'] as const

/** Which period a row's time is: ChargePeriodStart (charge) or BillingPeriodStart (billing). */
export const DateBasisSchema = z.enum(['charge', 'billing'])
/** A date basis. */
export type DateBasis = z.infer<typeof DateBasisSchema>

/**
 * A condition beyond in/notIn: text contains, starts with or equals (case-insensitive), a numeric
 * range of a column, a date range of a timestamp column, or a tag key present or missing.
 */
export const ConditionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('contains'), dimension: DimensionSchema, text: z.string().max(1000) }),
  z.object({ op: z.literal('startsWith'), dimension: DimensionSchema, text: z.string().max(1000) }),
  z.object({ op: z.literal('equals'), dimension: DimensionSchema, text: z.string().max(1000) }),
  z.object({
    op: z.literal('range'),
    column: z.string().min(1).max(128),
    min: decimalText.nullable(),
    max: decimalText.nullable(),
  }),
  z.object({
    op: z.literal('dates'),
    column: z.string().min(1).max(128),
    start: isoDate.nullable(),
    end: isoDate.nullable(),
  }),
  z.object({ op: z.literal('tagPresent'), key: z.string().min(1).max(256) }),
  z.object({ op: z.literal('tagMissing'), key: z.string().min(1).max(256) }),
])
/** One condition. */
export type Condition = z.infer<typeof ConditionSchema>

/** The matrix axis across: a dimension, or the time buckets of the spec's grain. */
export const AxisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), name: z.string().min(1).max(128) }),
  z.object({ kind: z.literal('tag'), key: z.string().min(1).max(256) }),
  z.object({ kind: z.literal('time') }),
])
/** A column axis. */
export type Axis = z.infer<typeof AxisSchema>

/** Table measures worked out from several figures: the grand total's or the previous period's. */
export const DERIVED_MEASURES = [
  'UnitCost',
  'Savings',
  'EffectiveSavingsRate',
  'PercentOfTotal',
  'ChangeVsPrevious',
  'ChangePercentVsPrevious',
] as const

/** Measures of the pivot table: sums, counts and the ratios derived from exact sums. */
export const TABLE_MEASURES = [
  ...MEASURES,
  'PricingQuantity',
  'DistinctCount',
  ...DERIVED_MEASURES,
] as const

/** One of TABLE_MEASURES. */
export type TableMeasure = (typeof TABLE_MEASURES)[number]

/** Money columns, the `of` of UnitCost, PercentOfTotal and the changes. */
export const MoneyColumnSchema = z.enum([
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
])

/**
 * A measure of the table. `column` is what DistinctCount counts; `of` is the amount UnitCost,
 * PercentOfTotal and the changes read (EffectiveCost for UnitCost, BilledCost otherwise);
 * `per` the quantity UnitCost divides by (ConsumedQuantity unless said).
 */
export const MeasureSpecSchema = z.object({
  measure: z.enum(TABLE_MEASURES),
  column: z.string().min(1).max(128).optional(),
  of: z
    .union([MoneyColumnSchema, z.enum(['ConsumedQuantity', 'PricingQuantity', 'RowCount'])])
    .optional(),
  per: z.enum(['ConsumedQuantity', 'PricingQuantity']).optional(),
})
/** A measure of the table. */
export type MeasureSpec = z.infer<typeof MeasureSpecSchema>

/** Chart kinds of a view: 'auto' is a line over time and bars otherwise. */
export const CHART_KINDS = [
  'auto',
  'bar',
  'area',
  'line',
  'treemap',
  'sunburst',
  'pareto',
  'heatmap',
] as const

/** One of CHART_KINDS. */
export type ChartKind = (typeof CHART_KINDS)[number]

/** The whole pivot: group-bys, one measure, time grain, date range, filters, top N. */
export const PivotSpecSchema = z.object({
  rows: z.array(DimensionSchema).max(2),
  measure: z.enum(MEASURES),
  timeGrain: z.enum(TIME_GRAINS),
  /** The date basis's start in [start, end), UTC dates; either bound may be open (null). */
  dateRange: z.object({ start: isoDate.nullable(), end: isoDate.nullable() }).nullable(),
  filters: z.array(FilterSchema).max(32),
  /** Keep the N largest values of the first group-by, fold the rest into "Other". */
  topN: z.number().int().min(1).max(10_000).nullable(),
  /** Charge period unless said otherwise (what Explore always used). */
  dateBasis: DateBasisSchema.optional(),
  /** Text, numeric, date and tag presence conditions, all of which a row must meet. */
  conditions: z.array(ConditionSchema).max(32).optional(),
  /** The matrix axis across: a dimension or the time grain (table.ts). */
  columns: AxisSchema.nullable().optional(),
  /** Several measures side by side (table.ts); when set, `measure` is only the screen's chart measure. */
  measures: z.array(MeasureSpecSchema).min(1).max(16).optional(),
  /** Result column to sort the rows by (a measure's label), largest first unless `asc`. */
  sort: z
    .object({ by: z.string().min(1).max(200), direction: z.enum(['asc', 'desc']) })
    .nullable()
    .optional(),
  /** Subtotals per first-level row and a grand total per currency (on unless false). */
  totals: z.boolean().optional(),
  /** How the screen charts the result; the compilers ignore it (absent reads as 'auto'). */
  chart: z.object({ kind: z.enum(CHART_KINDS) }).optional(),
})
/** A pivot definition. */
export type PivotSpec = z.infer<typeof PivotSpecSchema>

/**
 * How the row folding everything outside the top N reads. The fold is told apart by its own
 * flag column ('other' role), never by this text, so a real value "(Other)" stays a real value.
 */
export const OTHER_LABEL = '(Other)'

/** How a missing (NULL) dimension value reads, in the table and the chart alike. */
export const NONE_LABEL = '(none)'

/** The pivot a newcomer sees first: billed cost by service, monthly. */
export const DEFAULT_PIVOT: PivotSpec = {
  rows: [{ kind: 'column', name: 'ServiceName' }],
  measure: 'BilledCost',
  timeGrain: 'month',
  dateRange: null,
  filters: [],
  topN: 20,
}

/** A readable name for a dimension ("ServiceName", "tag:team"). */
export function dimensionLabel(dimension: Dimension): string {
  return dimension.kind === 'column' ? dimension.name : `tag:${dimension.key}`
}

/** Parses "tag:key" or a column name, as typed in the CLI or a URL. */
export function parseDimension(text: string): Dimension {
  return text.startsWith('tag:')
    ? { kind: 'tag', key: text.slice(4) }
    : { kind: 'column', name: text }
}
