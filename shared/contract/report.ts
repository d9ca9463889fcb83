/**
 * Report values that cross process boundaries: what to report on, the
 * summary of the pack shown before it is written, and the export job with
 * its files. The renderer never names a folder: the web host writes packs
 * under its data folder and serves them by job and file name; the desktop
 * host writes them to a folder the user picked in main's dialog.
 */
import { z } from '../zod'
import { IdSchema } from '../allocate/rule-set'
import { CostMetricSchema, PeriodSchema } from './allocation'
import { FocalErrorSchema } from './errors'
import { DecimalString } from './models'
import { uploadFields } from './upload'

/** What a pack may contain (the same names as `focal report --format`). */
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'focus-csv', 'parquet'] as const
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/**
 * Where the targets come from: a FOCUS column or tag (`SubAccountName`,
 * `tag:team`), or the latest saved allocation rules. "saved" is the only
 * rules value, so no rule file path can ever be passed.
 */
export const ReportSourceSchema = z.union([
  z.object({ by: z.string().min(1).max(300) }).strict(),
  z.object({ rules: z.literal('saved'), dimension: IdSchema.optional() }).strict(),
])
/** A report's source of targets. */
export type ReportSource = z.infer<typeof ReportSourceSchema>

const reportFields = {
  kind: z.enum(['chargeback', 'showback']),
  period: PeriodSchema,
  metric: CostMetricSchema,
  source: ReportSourceSchema,
}

/** What `report:preview` takes. */
export const ReportPreviewRequestSchema = z.object(reportFields).strict()
/** A report request. */
export type ReportRequest = z.infer<typeof ReportPreviewRequestSchema>

/** What `report:export` takes: the report plus the formats; never a folder. */
export const ReportExportRequestSchema = z
  .object({
    ...reportFields,
    formats: z.array(z.enum(REPORT_FORMATS)).min(1).max(REPORT_FORMATS.length),
    /** Replace an earlier pack of the same kind and period in the folder (the web host always does). */
    overwrite: z.boolean().optional(),
    /** Also state the figures in this currency, converted with the workspace's rates (fx:import). */
    reportingCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code, e.g. EUR')
      .optional(),
    /** Showback only: add `<pack>-unit-costs.csv`, the month's cost per unit of this business metric (`--unit-metric`). */
    unitMetric: z.string().min(1).max(128).optional(),
  })
  .strict()
/** An export request. */
export type ReportExportRequest = z.infer<typeof ReportExportRequestSchema>

/**
 * Report settings kept in the workspace: the company name on every PDF cover
 * and the account the cloud invoice was booked to (the journal's credit
 * side). A save without `creditAccount` leaves it as it was.
 */
export const ReportSettingsSchema = z
  .object({
    companyName: z.string().trim().max(120).nullable(),
    creditAccount: z.string().trim().max(60).nullable().optional(),
  })
  .strict()
/** Report settings. */
export type ReportSettings = z.infer<typeof ReportSettingsSchema>

/** The ledger mapping kept in the workspace: each cost center's expense account and code. */
export const ReportLedgerSchema = z.object({
  /** The name of the uploaded file (never a path), or null when none is kept. */
  fileName: z.string().nullable(),
  rows: z.array(
    z.object({
      target: z.string(),
      ledgerAccount: z.string().nullable(),
      costCenterCode: z.string().nullable(),
    }),
  ),
})
/** The kept ledger mapping. */
export type ReportLedger = z.infer<typeof ReportLedgerSchema>

/** What `report:saveLedger` takes: an uploaded CSV's name and text, or clear. Never a path. */
export const ReportLedgerRequestSchema = z.union([
  z.object(uploadFields(1024 * 1024)).strict(),
  z.object({ clear: z.literal(true) }).strict(),
])
/** A ledger mapping upload or clear. */
export type ReportLedgerRequest = z.infer<typeof ReportLedgerRequestSchema>

/** A target's or the pack's figures in one currency. */
export const ReportAmountSchema = z.object({
  currency: z.string(),
  exact: DecimalString,
  /** Rounded to the currency's minor unit so every target adds up to the rounded total. */
  charged: DecimalString,
  previous: DecimalString.nullable(),
  lines: z.number().int(),
})
/** Figures in one currency. */
export type ReportAmount = z.infer<typeof ReportAmountSchema>

/** The auditor's line per currency: targets + Unallocated = the period total of the metric. */
export const ReportReconciliationSchema = z.object({
  currency: z.string(),
  targets: DecimalString,
  unallocated: DecimalString,
  sum: DecimalString,
  periodTotal: DecimalString,
  difference: DecimalString,
  ok: z.boolean(),
})

/** The pack's summary as the Reports screen shows it before anything is written. */
export const ReportPreviewSchema = z.object({
  kind: z.enum(['chargeback', 'showback']),
  period: z.string(),
  previousPeriod: z.string(),
  metric: CostMetricSchema,
  groupedBy: z.string(),
  /** "Rule set "…", version 3" or "No rules: grouped by …". */
  ruleSet: z.string(),
  currencies: z.array(z.string()),
  totals: z.array(ReportAmountSchema),
  targets: z.array(
    z.object({
      target: z.string(),
      unallocated: z.boolean(),
      amounts: z.array(ReportAmountSchema),
    }),
  ),
  reconciliation: z.array(ReportReconciliationSchema),
  topServices: z.array(
    z.object({
      label: z.string(),
      currency: z.string(),
      amount: DecimalString,
      lines: z.number().int(),
    }),
  ),
  pools: z.array(
    z.object({ id: z.string(), name: z.string(), method: z.string(), description: z.string() }),
  ),
  imports: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      sha256: z.string(),
      /** Source rows of the file in the period. */
      rows: z.number().int(),
      /** Lines of the pack made from them (a row split among three cost centers makes three). */
      lines: z.number().int(),
    }),
  ),
  detailLines: z.number().int(),
})
/** What `report:preview` answers. */
export type ReportPreview = z.infer<typeof ReportPreviewSchema>

/** A file of a written pack, relative to the pack's folder. */
export const ReportFileSchema = z.object({
  name: z.string(),
  kind: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
})
/** A written file. */
export type ReportFile = z.infer<typeof ReportFileSchema>

/** An export job: progress while the pack is written, then its files (or the error). */
export const ReportJobSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['chargeback', 'showback']),
  period: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** The file being written. */
  file: z.string().nullable(),
  files: z.array(ReportFileSchema),
  /** 'download': the web host serves the files; 'folder': they are in the folder the user chose. */
  delivery: z.enum(['download', 'folder']),
  error: FocalErrorSchema.nullable(),
})
/** An export job's state; also the `report:progress` event's payload. */
export type ReportJob = z.infer<typeof ReportJobSchema>
