/**
 * Closing a month over the contract (issue 10, "Close and reopen"): each
 * month's state with its close and reopen records and its exported packs
 * (each flagged when it no longer matches the data), and the close and
 * reopen requests, which carry a note and never a path.
 */
import { z } from '../zod'
import { CostMetricSchema, PeriodSchema } from './allocation'
import { DecimalString } from './models'
import { ReportSourceSchema } from './report'

const ReportKind = z.enum(['chargeback', 'showback'])

/** A close or reopen as recorded (electron/core/close/period-records.ts). */
export const CloseRecordSchema = z.object({
  period: z.string(),
  action: z.enum(['close', 'reopen']),
  /** ISO 8601 UTC. */
  at: z.string(),
  actor: z.string(),
  note: z.string(),
  metric: z.string().nullable(),
  groupedBy: z.string().nullable(),
  ruleVersion: z.string().nullable(),
  dataFingerprint: z.string().nullable(),
  allocationFingerprint: z.string().nullable(),
  totals: z.array(z.object({ currency: z.string(), amount: DecimalString })),
  figures: z.array(
    z.object({
      target: z.string(),
      currency: z.string(),
      amount: DecimalString,
      lines: z.number().int(),
    }),
  ),
  pack: z
    .object({
      kind: z.string(),
      at: z.string(),
      files: z.array(z.object({ path: z.string(), sha256: z.string() })),
    })
    .nullable(),
})
/** A close or reopen record. */
export type CloseRecordInfo = z.infer<typeof CloseRecordSchema>

/** An exported pack and whether its data fingerprint still matches the data's. */
export const ListedPackSchema = z.object({
  at: z.string(),
  actor: z.string(),
  kind: ReportKind,
  period: z.string(),
  metric: z.string(),
  groupedBy: z.string(),
  ruleVersion: z.string().nullable(),
  dataFingerprint: z.string(),
  allocationFingerprint: z.string(),
  files: z.array(
    z.object({ path: z.string(), kind: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
  current: z.boolean(),
})
/** A listed pack. */
export type ListedPackInfo = z.infer<typeof ListedPackSchema>

/** One month: Open, Closed or Reopened, its records and its packs (newest first). */
export const PeriodEntrySchema = z.object({
  period: z.string(),
  state: z.enum(['open', 'closed', 'reopened']),
  close: CloseRecordSchema.nullable(),
  reopen: CloseRecordSchema.nullable(),
  hasRows: z.boolean(),
  /** Closed, but a tag alias, mapping or rule version its figures read changed since. */
  inputsChanged: z.boolean(),
  packs: z.array(ListedPackSchema),
})
/** A month's entry. */
export type PeriodEntryInfo = z.infer<typeof PeriodEntrySchema>

const Note = z.string().trim().min(1, 'a note saying why').max(1000)

/** What `periods:close` takes: the month, why, and how its figures are made (as a pack's). */
export const PeriodCloseRequestSchema = z
  .object({
    period: PeriodSchema,
    note: Note,
    metric: CostMetricSchema,
    source: ReportSourceSchema,
  })
  .strict()
/** A close request. */
export type PeriodCloseRequest = z.infer<typeof PeriodCloseRequestSchema>

/** What `periods:reopen` takes. */
export const PeriodReopenRequestSchema = z.object({ period: PeriodSchema, note: Note }).strict()
/** A reopen request. */
export type PeriodReopenRequest = z.infer<typeof PeriodReopenRequestSchema>
