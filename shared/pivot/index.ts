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

/** A filter keeps (in) or drops (notIn) rows whose dimension value is in a list; null matches null. */
export const FilterSchema = z.object({
  dimension: DimensionSchema,
  op: z.enum(['in', 'notIn']),
  values: z.array(z.string().nullable()).max(10_000),
})
/** A filter on one dimension. */
export type Filter = z.infer<typeof FilterSchema>

/** The whole pivot: group-bys, one measure, time grain, date range, filters, top N. */
export const PivotSpecSchema = z.object({
  rows: z.array(DimensionSchema).max(2),
  measure: z.enum(MEASURES),
  timeGrain: z.enum(['none', 'day', 'month']),
  /** ChargePeriodStart in [start, end), UTC dates; either bound may be open (null). */
  dateRange: z.object({ start: isoDate.nullable(), end: isoDate.nullable() }).nullable(),
  filters: z.array(FilterSchema).max(32),
  /** Keep the N largest values of the first group-by, fold the rest into "Other". */
  topN: z.number().int().min(1).max(10_000).nullable(),
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
