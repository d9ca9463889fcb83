/**
 * "Explain this number" for a report figure (electron/core/evidence): a cost center's figure
 * in a recorded pack (by its audit entry, or the latest of a kind and period) or in the
 * Reports preview, explained as a chain — figure, rule version, rules and pools, lines, source
 * files — and its evidence bundle. Amounts are exact decimal strings.
 */
import { z } from '../zod'
import { CostMetricSchema, PeriodSchema } from './allocation'
import { ReportSourceSchema } from './report'

/** Which figure: period, cost center and currency, of a pack (entry or kind) or of the preview. */
export const ExplainRequestSchema = z
  .object({
    period: PeriodSchema,
    target: z.string().min(1).max(300),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    kind: z.enum(['chargeback', 'showback']).optional(),
    /** The number of a report.chargeback|showback audit entry. */
    entry: z.number().int().min(1).max(1_000_000_000).optional(),
    /** The Reports preview's report, when no pack is meant. */
    preview: z.object({ metric: CostMetricSchema, source: ReportSourceSchema }).strict().optional(),
  })
  .strict()
/** A figure to explain. */
export type ExplainRequest = z.infer<typeof ExplainRequestSchema>

/**
 * One part of a figure (its pool's share or its rule's direct cost, both null for the rest),
 * whose source rows the Rows drawer and its evidence bundle read: the engine makes the
 * figure's lines again and keeps the rows of exactly those lines, so no list of rows crosses
 * IPC and a part of any size is exact.
 */
export const ExplainPartSchema = z
  .object({
    figure: ExplainRequestSchema,
    pool: z.string().min(1).max(300).nullable(),
    rule: z.string().min(1).max(300).nullable(),
  })
  .strict()
/** A figure's part whose rows are read. */
export type ExplainPart = z.infer<typeof ExplainPartSchema>

const text = z.string()
const maybe = z.string().nullable()

/** One allocated line behind the figure. */
export const FigureLineSchema = z.object({
  pool: maybe,
  method: maybe,
  rule: maybe,
  importId: z.number().int().nullable(),
  sourceRow: z.number().int().nullable(),
  sourceFile: maybe,
  chargePeriodStart: maybe,
  service: maybe,
  resource: maybe,
  rowAmount: maybe,
  share: maybe,
  amount: text,
})

/** The chain of one figure. */
export const ExplainedFigureSchema = z.object({
  kind: z.enum(['chargeback', 'showback']),
  period: text,
  metric: CostMetricSchema,
  groupedBy: text,
  ruleSet: text,
  target: text,
  currency: text,
  figure: z.object({ exact: text, charged: text, lines: z.number().int() }),
  recorded: z
    .object({
      target: text,
      currency: text,
      exact: text,
      charged: text,
      lines: z.number().int(),
    })
    .nullable(),
  pack: z
    .object({
      at: text,
      actor: text,
      entrySeq: z.number().int().nullable(),
      matches: z.boolean(),
    })
    .nullable(),
  mismatch: maybe,
  rules: z
    .object({
      version: z.number().int(),
      author: text,
      createdAt: text,
      note: text,
      digest: text,
    })
    .nullable(),
  parts: z.array(
    z.object({
      kind: z.enum(['rule', 'pool', 'group']),
      id: maybe,
      name: text,
      method: maybe,
      description: maybe,
      lines: z.number().int(),
      amount: text,
      /**
       * The part's key among the figure's lines (its pool and rule, null for none) and how many
       * distinct source rows it has; the Rows drawer opens them by the key (ExplainPartSchema).
       */
      rows: z.object({ pool: maybe, rule: maybe, count: z.number().int() }),
    }),
  ),
  lines: z.array(FigureLineSchema),
  totalLines: z.number().int(),
  sources: z.array(
    z.object({
      importId: z.number().int(),
      fileName: text,
      sha256: text,
      sizeBytes: z.number().int(),
      format: text,
      rows: z.number().int(),
      firstRow: z.number().int(),
      lastRow: z.number().int(),
      auditSeq: z.number().int().nullable(),
    }),
  ),
})
/** An explained figure as the screen shows it. */
export type ExplainedFigureView = z.infer<typeof ExplainedFigureSchema>

/** The bundle: a ZIP's name without a folder, its bytes in base64, and the lines it holds. */
export const ExplainEvidenceSchema = z.object({
  fileName: text,
  mediaType: text,
  base64: text,
  lines: z.number().int(),
})

/** The channels of "Explain this number" for report figures (spread into CHANNELS). */
export const EXPLAIN_CHANNELS = {
  'explain:figure': { request: ExplainRequestSchema, response: ExplainedFigureSchema },
  'explain:evidence': { request: ExplainRequestSchema, response: ExplainEvidenceSchema },
} as const
