/**
 * Drill-through (issue 9, Drill-through and provenance): the rows behind a pivot cell, one
 * row's detail with its provenance, and its original line in the source file.
 */
import { z } from '../zod'
import { ConditionSchema, DateBasisSchema, FilterSchema } from '../pivot'
import { ExplainPartSchema } from './explain'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')

/** The columns a page of rows is read by, in the app's Rows drawer and `focal rows`; a row's detail (and --csv/--json) gives every column. */
export const ROW_SUMMARY_COLUMNS = [
  'ChargePeriodStart',
  'ServiceName',
  'ResourceId',
  'ChargeCategory',
  'BillingCurrency',
  'BilledCost',
  'EffectiveCost',
] as const

/** Most rows one page carries: a page is for reading, an export is for everything. */
export const ROWS_PAGE_LIMIT = 500

/** The rows of one pivot cell: the pivot's filters and date range plus the cell's own values. */
export const RowsPageRequestSchema = z
  .object({
    /** The pivot's own range on its date basis, [start, end). */
    dateRange: z.object({ start: isoDate.nullable(), end: isoDate.nullable() }).nullable(),
    /** Which date the range and the time bucket read: the charge period (default) or the billing period. */
    dateBasis: DateBasisSchema.optional(),
    /** The pivot's text, numeric, date and tag presence conditions. */
    conditions: z.array(ConditionSchema).max(32).optional(),
    /** The pivot's filters and one `in` filter per dimension value of the cell ("(none)" is null). */
    filters: z.array(FilterSchema).max(40),
    /** The cell's time bucket as the pivot prints it: 2024-09-16 (day, week), 2024-09, 2024-Q3. */
    period: z
      .object({
        grain: z.enum(['day', 'week', 'month', 'quarter']),
        value: z.string().regex(/^\d{4}-(\d{2}(-\d{2})?|Q[1-4])$/),
      })
      .nullable(),
    sort: z.object({ column: z.string().min(1).max(128), descending: z.boolean() }).nullable(),
    offset: z.number().int().min(0).max(1_000_000_000),
    limit: z.number().int().min(1).max(ROWS_PAGE_LIMIT),
    /** A report figure's part: only its source rows, on top of the filters above (explain.ts). */
    part: ExplainPartSchema.optional(),
  })
  .strict()
/** A request for one page of a cell's rows. */
export type RowsPageRequest = z.infer<typeof RowsPageRequestSchema>

/** One page: column names, each row's values as stored (money as exact decimal text), the total. */
export const RowsPageSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string().nullable())),
  total: z.number().int(),
  offset: z.number().int(),
})
/** One page of rows. */
export type RowsPage = z.infer<typeof RowsPageSchema>

/** A stored row's identity: its import and its data row in the source file (1-based). */
export const RowKeySchema = z
  .object({ importId: z.number().int().positive(), sourceRow: z.number().int().positive() })
  .strict()
/** A stored row's identity. */
export type RowKey = z.infer<typeof RowKeySchema>

/** One row whole: every column, its tags, and where it came from. */
export const RowDetailSchema = z.object({
  key: RowKeySchema,
  /** Every column of the focus view in catalog order, with its stored value as text. */
  values: z.array(z.object({ column: z.string(), value: z.string().nullable() })),
  /** The Tags column parsed; null when absent or not a JSON object. */
  tags: z.record(z.string(), z.unknown()).nullable(),
  provenance: z.object({
    importId: z.number().int(),
    fileName: z.string(),
    sha256: z.string(),
    sizeBytes: z.number(),
    format: z.string(),
    importedAt: z.string(),
    status: z.string(),
    supersededBy: z.number().int().nullable(),
    sourceFile: z.string(),
    sourceRow: z.number().int(),
    sourceFormat: z.string(),
    fixes: z.array(z.object({ code: z.string(), meaning: z.string() })),
  }),
  /** Stored rows with this identity (more than one when the view counts one source row twice). */
  matches: z.number().int(),
})
/** One row's detail. */
export type RowDetail = z.infer<typeof RowDetailSchema>

/** The original line of a row, or why it cannot be shown. */
export const RowSourceSchema = z.discriminatedUnion('found', [
  z.object({
    found: z.literal(true),
    fileName: z.string(),
    /** csv: header and line as written; parquet/jsonl: the fields by name. */
    kind: z.enum(['csv', 'csv.gz', 'parquet', 'jsonl']),
    header: z.string().nullable(),
    line: z.string(),
    fields: z.array(z.object({ name: z.string(), value: z.string().nullable() })),
  }),
  z.object({ found: z.literal(false), fileName: z.string(), message: z.string() }),
])
/** The source line of a row. */
export type RowSource = z.infer<typeof RowSourceSchema>

/** "Explain this number": the rows of a figure, named, as an evidence bundle (core/rows/evidence.ts). */
export const RowsEvidenceRequestSchema = z
  .object({ request: RowsPageRequestSchema, title: z.string().min(1).max(300) })
  .strict()

/** The bundle: a ZIP's name without a folder, its bytes in base64, and the rows it holds. */
export const RowsEvidenceSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  base64: z.string(),
  rows: z.number().int(),
})
/** An evidence bundle as the screen receives it. */
export type RowsEvidence = z.infer<typeof RowsEvidenceSchema>
