/** Values that cross process boundaries: workspaces, imports, what's loaded, catalog. */
import { z } from '../zod'
import { FocalErrorSchema } from './errors'

/** Money as an exact decimal string (DESIGN.md, Settled details: Money). */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/)

/** A workspace name: the file is `<name>.focal` in the workspaces folder. No paths. */
export const WorkspaceName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'letters, digits, space, dot, dash and underscore only')
  .refine((name) => !name.includes('..'), 'no ".." in a workspace name')

/** The open workspace. */
export const WorkspaceInfoSchema = z.object({
  name: z.string(),
  scratch: z.boolean(),
  rowCount: z.number().int(),
  importCount: z.number().int(),
  currencies: z.array(z.string()),
  /** ChargePeriodStart range of the loaded rows, ISO timestamps, null when empty. */
  firstCharge: z.string().nullable(),
  lastCharge: z.string().nullable(),
  /**
   * Present when another Focal holds the workspace for writing and this is a read-only
   * snapshot of it: the sentence to show (electron/core/workspace/snapshot.ts).
   */
  readOnlySnapshot: z.string().optional(),
  /** True when the workspace is sealed: its plaintext only in RAM, encrypted back when closed. */
  sealed: z.boolean().optional(),
})
/** Summary of the open workspace. */
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>

/** A workspace in the workspaces folder. */
export const WorkspaceEntrySchema = z.object({
  name: z.string(),
  sizeBytes: z.number(),
  modifiedAt: z.string(),
})
/** A workspace on disk. */
export type WorkspaceEntry = z.infer<typeof WorkspaceEntrySchema>

/** Per-currency totals of one import: in the source file and as stored. */
export const ImportTotalSchema = z.object({
  currency: z.string(),
  rows: z.number().int(),
  billedSource: DecimalString,
  billedStored: DecimalString,
  effectiveSource: DecimalString,
  effectiveStored: DecimalString,
  reconciled: z.boolean(),
})
/** Totals of one import in one currency. */
export type ImportTotal = z.infer<typeof ImportTotalSchema>

/**
 * Status of an import attempt; every attempt is recorded, failed ones with
 * their error. `running` while it runs; `interrupted` when the process ended
 * mid-import (a kill, a crash) and nothing of it was stored.
 */
export const ImportStatus = z.enum([
  'imported',
  'failed',
  'duplicate',
  /** Left out by the user's choice because it overlaps earlier imports (`--on-overlap skip`). */
  'skipped',
  'cancelled',
  'running',
  'interrupted',
])

/**
 * What to do when a file overlaps earlier imports without being their clean restatement
 * (README: What an import guarantees): replace their rows in the shared scopes, keep
 * both, or leave the file out. Absent, such a file is refused with OVERLAP.
 */
export const OverlapChoice = z.enum(['supersede', 'keep-both', 'skip'])
/** One of OverlapChoice. */
export type OverlapChoice = z.infer<typeof OverlapChoice>

/**
 * Which Azure cost details export a file is (reference/mappings.md §1): `actual` (what is invoiced,
 * commitment purchases included) or `amortized` (commitment cost spread over the usage it covered).
 * Told from the rows; a file they do not tell is imported only once the user says which.
 */
export const AzureCostView = z.enum(['actual', 'amortized'])
/** One of AzureCostView. */
export type AzureCostView = z.infer<typeof AzureCostView>

/**
 * Values a person supplies for FOCUS columns a file lacks, by column name (at most 10; the
 * import checks each is a FOCUS column the file lacks and a value its cells could hold).
 */
export const AssumedValues = z
  .record(z.string().regex(/^[A-Za-z]{1,64}$/), z.string().trim().min(1).max(200))
  .refine((values) => Object.keys(values).length <= 10, 'at most 10 assumed columns')
/** One AssumedValues map. */
export type AssumedValues = z.infer<typeof AssumedValues>

/** An Azure import's cost view, and how its rows count beside the other view's imports of the same period. */
export const CostViewFactsSchema = z.object({
  view: AzureCostView,
  /** `data`: told from the file's rows; `user`: the user said which (an ambiguous file). */
  chosenBy: z.enum(['data', 'user']),
  /** Imports of the other view counted for the same billing account and period. */
  mergedWith: z.array(z.number().int()),
  /**
   * Rows of this import the merge leaves out of every total (an actual export's rows other than
   * its commitment purchases and refunds, while an amortized export of the period is counted).
   */
  rowsNotCounted: z.number().int(),
})
/** The cost view facts of an Azure import. */
export type CostViewFacts = z.infer<typeof CostViewFactsSchema>

/** A delivery's scope: provider, billing account and billing period (FOCUS ServiceProviderName, BillingAccountId, BillingPeriodStart). */
export const DeliveryScopeSchema = z.object({
  provider: z.string().nullable(),
  billingAccountId: z.string().nullable(),
  /** BillingPeriodStart as an ISO timestamp (UTC). */
  billingPeriodStart: z.string().nullable(),
  rows: z.number().int(),
  /** The import whose rows replaced this import's rows of this scope, if any. */
  supersededBy: z.number().int().nullable(),
})
/** One scope of an import. */
export type DeliveryScope = z.infer<typeof DeliveryScopeSchema>

/** Per currency, how a superseding import changed the superseded rows of the shared scopes. */
export const SupersessionDeltaSchema = z.object({
  currency: z.string(),
  rowsAdded: z.number().int(),
  rowsRemoved: z.number().int(),
  rowsChanged: z.number().int(),
  /** New minus old BilledCost over the shared scopes. */
  billedDifference: DecimalString,
  /** New minus old EffectiveCost over the shared scopes. */
  effectiveDifference: DecimalString,
})
/** A supersession's change in one currency. */
export type SupersessionDelta = z.infer<typeof SupersessionDeltaSchema>

/**
 * Per currency, a FOCUS Contract Commitment import's ContractCommitmentCost in the source
 * file and as stored (electron/core/commitments): commitment terms, never a cost total.
 */
export const CommitmentTotalSchema = z.object({
  currency: z.string(),
  rows: z.number().int(),
  costSource: DecimalString,
  costStored: DecimalString,
  reconciled: z.boolean(),
})
/** A Contract Commitment import's total in one currency. */
export type CommitmentTotal = z.infer<typeof CommitmentTotalSchema>

/**
 * Per currency, what a Contract Commitment import changed in the commitments it superseded:
 * commitments added, removed and changed (matched by ContractCommitmentId), and the counted
 * ContractCommitmentCost it moved (new minus old).
 */
export const CommitmentDeltaSchema = z.object({
  currency: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  costDifference: DecimalString,
})
/** A commitment restatement's change in one currency. */
export type CommitmentDelta = z.infer<typeof CommitmentDeltaSchema>

/** One row of the import registry. */
export const ImportRecordSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  format: z.string(),
  focusVersion: z.string().nullable(),
  rowCount: z.number().int(),
  status: ImportStatus,
  reconciled: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  totals: z.array(ImportTotalSchema),
  error: FocalErrorSchema.nullable(),
  fixes: z.array(z.object({ code: z.string(), rows: z.number().int() })),
  issues: z.array(
    z.object({
      rule: z.string(),
      rows: z.number().int(),
      message: z.string(),
      /** Source row (1-based, as x_SourceRow) of the first row that breaks the rule; absent on older records. */
      firstRow: z.number().int().optional(),
    }),
  ),
  /**
   * Every FOCUS rule run on the stored rows, passed or failed (the failed ones are in `issues`).
   * Records made before this list existed hold only the rules that failed.
   */
  rulesChecked: z.array(z.string()),
  /**
   * Source columns that are not FOCUS 1.4 columns, and where each is kept: an x_ column, or
   * x_Extra (a JSON object keyed by source name, for files with very many such columns).
   * Empty for attempts that stored nothing and for records made before this list existed.
   */
  extraColumns: z.array(
    z.object({ source: z.string(), target: z.string(), note: z.string().optional() }),
  ),
  /**
   * FOCUS columns the file lacked, each filled with the value a person supplied for every row
   * (`focal import --assume`, "Supply the missing values…"); the rows carry VALUE_ASSUMED.
   */
  assumed: z.array(z.object({ column: z.string(), value: z.string() })).optional(),
  /** The scopes of its stored rows; empty for attempts that stored nothing. */
  scopes: z.array(DeliveryScopeSchema),
  /** The newest later import that replaced some or all of its rows; its rows then leave every total. */
  supersededBy: z.number().int().nullable(),
  /** Earlier imports whose rows of shared scopes this one replaced. */
  supersedes: z.array(z.number().int()),
  /** Earlier imports it overlaps and was told to keep beside (`keep-both`). */
  keptBeside: z.array(z.number().int()),
  /** Per currency, what replacing the earlier rows changed; empty when it superseded nothing. */
  delta: z.array(SupersessionDeltaSchema),
  /** An Azure cost details import's view (actual or amortized); null for other imports. */
  costView: CostViewFactsSchema.nullable(),
  /**
   * For a part of an AWS CUR delivery imported with its manifest: the manifest, the delivery
   * (assemblyId), part i of N, and whether it was imported incomplete on request with the
   * parts missing. Absent for other imports.
   */
  delivery: z
    .object({
      manifest: z.string(),
      assemblyId: z.string(),
      part: z.number().int(),
      parts: z.number().int(),
      incomplete: z.boolean(),
      missing: z.array(z.string()),
    })
    .optional(),
  /**
   * For a file read with a column mapping: the mapping's name and the SHA-256 of its canonical
   * text, as recorded with the import (its rules: the `imports:mapping` channel). Absent otherwise.
   */
  mapping: z.object({ name: z.string(), sha256: z.string() }).optional(),
  /**
   * For a FOCUS Contract Commitment dataset: its commitments' cost per currency, reconciled
   * with the file, and what it changed in the commitments it superseded (empty when none).
   * Absent for cost files (whose money is in `totals`).
   */
  commitments: z
    .object({ totals: z.array(CommitmentTotalSchema), delta: z.array(CommitmentDeltaSchema) })
    .optional(),
})
/** An import attempt and its outcome. */
export type ImportRecord = z.infer<typeof ImportRecordSchema>

/** Progress of a running import job. */
export const ImportProgressSchema = z.object({
  jobId: z.string(),
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  fileName: z.string(),
  phase: z.enum(['hashing', 'reading', 'normalizing', 'reconciling', 'committing', 'done']),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  rowsDone: z.number().int(),
})
/** Progress of an import job. */
export type ImportProgress = z.infer<typeof ImportProgressSchema>

/** An import job: several files, each imported in its own transaction. */
export const ImportJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: ImportProgressSchema.nullable(),
  results: z.array(
    z.object({
      fileName: z.string(),
      record: ImportRecordSchema.nullable(),
      error: FocalErrorSchema.nullable(),
      /** The index of the requested file it came from: a ZIP gives one result per billing file inside. */
      source: z.number().int().nonnegative().optional(),
    }),
  ),
  /** Files inside imported ZIP archives that are not billing files (`<archive>.zip/<inner path>`), and why. */
  skipped: z.array(z.object({ fileName: z.string(), reason: z.string() })).optional(),
})
/** State of an import job. */
export type ImportJob = z.infer<typeof ImportJobSchema>

/** One line of "What's loaded": billing period × provider × billing account × currency. */
export const LoadedRowSchema = z.object({
  billingPeriod: z.string().nullable(),
  provider: z.string().nullable(),
  billingAccountId: z.string().nullable(),
  billingAccountName: z.string().nullable(),
  currency: z.string().nullable(),
  rows: z.number().int(),
  billedCost: DecimalString,
  effectiveCost: DecimalString,
})
/** A "What's loaded" line. */
export type LoadedRow = z.infer<typeof LoadedRowSchema>

/** A column of the `focus` view as the UI offers it. */
export const ColumnInfoSchema = z.object({
  name: z.string(),
  type: z.enum(['string', 'decimal', 'datetime', 'json', 'number']),
  kind: z.enum(['focus', 'provider', 'provenance']),
})
/** A column the pivot can group by. */
export type ColumnInfo = z.infer<typeof ColumnInfoSchema>

/** The columns and tag keys present in the open workspace. */
export const CatalogSchema = z.object({
  columns: z.array(ColumnInfoSchema),
  /** Canonical tag keys of the tag alias policy (electron/core/tags), most used first. */
  tagKeys: z.array(z.string()),
  /** Each canonical tag key's original keys in reading order, with the rows carrying each. */
  tagAliases: z.array(
    z.object({
      canonical: z.string(),
      aliases: z.array(z.object({ key: z.string(), rows: z.number().int() })),
    }),
  ),
})
/** The catalog of the open workspace. */
export type Catalog = z.infer<typeof CatalogSchema>

/** Facts about a pivot result that travel beside its Arrow bytes. */
export const PivotMetaSchema = z.object({
  rowCount: z.number().int(),
  currencies: z.array(z.string()),
  /** True when the result had more rows than the pivot row limit and was cut. */
  truncated: z.boolean(),
  /** Result columns in Arrow column order, with display name and role for the table and chart. */
  columns: z.array(
    z.object({
      name: z.string(),
      // 'other' flags the row that folds everything outside the top N (1) apart from real values (0).
      role: z.enum(['time', 'dimension', 'unit', 'value', 'chart', 'count', 'other']),
    }),
  ),
  elapsedMs: z.number(),
  /** True when the answer came from the cache of answered specs (elapsedMs is then the first run's). */
  cached: z.boolean().optional(),
})
/** Meta of a pivot result. */
export type PivotMeta = z.infer<typeof PivotMetaSchema>

/** A running pivot query: time since it started and DuckDB's progress (0–100, null while unknown). */
export const PivotProgressSchema = z.object({
  elapsedMs: z.number(),
  percent: z.number().nullable(),
})
/** Progress of a running pivot query. */
export type PivotProgress = z.infer<typeof PivotProgressSchema>

/** A file a host staged for import (from a dialog, a drop or an upload); the engine sees only the token. */
export const StagedFileSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  name: z.string(),
  sizeBytes: z.number(),
})
/** A staged file. */
export type StagedFile = z.infer<typeof StagedFileSchema>

/** Facts about the host the UI runs in. */
export const AppInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  sampleAvailable: z.boolean(),
  workspace: WorkspaceInfoSchema.nullable(),
})
/** Host facts. */
export type AppInfo = z.infer<typeof AppInfoSchema>
