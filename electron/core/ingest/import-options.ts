/**
 * What a caller can ask of one import (importFile, cur-delivery.ts): its display name,
 * progress and cancel, an overlap choice, a person's mapping or Azure cost view, assumed
 * values, and the hooks tests use. Its own file so the import's steps share one type.
 */
import type { AzureCostView, ImportProgress, OverlapChoice } from '../../../shared/contract'
import type { FormatMapping } from '../../../shared/formats/mapping-types'
import type { Assumptions } from './assumed-columns'

/** Options of one import. */
export interface ImportOptions {
  /** Name shown and stored for the file (never an absolute path); defaults to its base name. */
  displayName?: string
  onProgress?: (progress: Omit<ImportProgress, 'jobId' | 'fileIndex' | 'fileCount'>) => void
  signal?: AbortSignal
  /** Called after DuckDB has read the file and before it is verified unchanged (tests use it). */
  afterRead?: () => Promise<void>
  /** What to do if the file overlaps earlier imports without restating them whole (delivery-identity.ts). */
  onOverlap?: OverlapChoice
  /** The format to read the file with instead of detecting one: a person's column mapping (core/mappings). */
  format?: FormatMapping
  /** The cost view of an Azure cost details file whose rows do not tell it (azure-cost-view.ts). */
  azureCostView?: AzureCostView
  /** Runs in the import transaction before totals are compared (tests use it to force a mismatch). */
  beforeReconcile?: (importId: number) => Promise<void>
  /**
   * False stages a FOCUS CSV as text before storing it, as every other file is. By default
   * it is read straight into cost_rows (storeInPlace); a caller that imports inside its own
   * transaction passes false, since a failed typed read is retried only after its rollback.
   */
  typedRead?: boolean
  /** Values for FOCUS columns the file lacks, every row the same (assumed-columns.ts); never silent. */
  assume?: Assumptions
  /**
   * False leaves the pivot rollups to the caller: one that imports several files in one
   * transaction rebuilds them once at its end (cur-delivery.ts), not once per file.
   */
  rollups?: boolean
  /**
   * True stores the file itself, compressed, in the import's transaction (core/sources), so
   * "Show in source" works where the file is not at hand; by default the workspace's setting.
   */
  embedSource?: boolean
}
