/**
 * Stores a FOCUS or native CSV read in place (storeInPlace below): the checks that
 * otherwise come before the insert run after it, inside its transaction.
 */
import type { ImportRecord } from '../../../shared/contract'
import type { HeaderMapping } from '../../../shared/formats/focus-header'
import type { Workspace } from '../workspace/workspace'
import type { Attempt } from '../workspace/imports-registry'
import { anySignal } from './any-signal'
import { settleDelivery, type CostViewChoice } from './delivery-identity'
import type { FileScan } from './file-integrity'
import { statUnchanged, type FileIdentity } from './file-identity'
import type { ImportOptions } from './import-options'
import { refuseDamaged, refuseDuplicate } from './import-refusals'
import type { SourceTotals } from './source-columns'
import type { SourceKind } from './stage-sql'
import { storeRows } from './store-rows'
import { roundingFixes, type FixRule } from './value-checks'

/** What storing a FOCUS CSV read in place needs from runImport. */
export interface InPlaceInput {
  readonly path: string
  readonly attempt: Attempt
  readonly options: ImportOptions
  readonly table: string
  readonly kind: SourceKind
  readonly mapping: HeaderMapping
  readonly sourceTypes: readonly string[]
  /** Fix codes a native format's mapping sets (native-stage.ts). */
  readonly fixes: readonly FixRule[]
  /** The Azure cost view settleDelivery is told, for a format that has them. */
  readonly costView: CostViewChoice | undefined
  readonly scanning: Promise<FileScan>
  readonly damaged: AbortSignal
  /** Stops the second reader (source-totals.ts), which would hold up the scan's report on Node's thread. */
  readonly stopReading: () => void
  readonly before: FileIdentity
  readonly sourceTotals: () => Promise<SourceTotals>
  readonly onFraction: (fraction: number) => void
}

/**
 * Stores a FOCUS or native CSV read in place: one INSERT … SELECT casts the file's text
 * (a native file's through its mapping's view) straight into cost_rows, so DuckDB parses
 * the file once and writes no text copy of it. What
 * otherwise comes before the insert follows it, in its transaction: a value that does not
 * convert fails the insert's own cast (TypedReadFailed: importFile then reads the file
 * through the text stage, which names the row and column); the scan of the bytes, the
 * duplicate check and the unchanged-file check are awaited before commit. The scan hashes
 * the bytes while DuckDB reads them, so they are not hashed again: a later write shows in
 * the file's size, mtime or inode.
 */
export async function storeInPlace(ws: Workspace, input: InPlaceInput): Promise<ImportRecord> {
  const { path, attempt, options, before } = input
  const { fileName } = attempt
  input.onFraction(0)
  return storeRows(ws, {
    table: input.table,
    kind: input.kind,
    mapping: input.mapping,
    sourceTypes: input.sourceTypes,
    attempt,
    rowCount: null,
    fixes: [...roundingFixes(input.mapping, input.kind, input.sourceTypes, true), ...input.fixes],
    // Bytes the scan finds damaged stop the insert as a cancel does.
    signal: anySignal(options.signal, input.damaged),
    onFraction: input.onFraction,
    beforeReconcile: options.beforeReconcile,
    sourceTotals: input.sourceTotals,
    beforeCommit: async () => {
      await refuseDamaged(input.scanning, attempt)
      await refuseDuplicate(ws, attempt)
      await options.afterRead?.()
      await statUnchanged(path, fileName, before)
      await settleDelivery(ws, attempt.id ?? 0, fileName, options.onOverlap, input.costView)
    },
  }).catch(async (cause: unknown) => {
    // An insert the scan stopped is refused for what the scan found in the bytes.
    if (input.damaged.aborted && !options.signal?.aborted) {
      input.stopReading()
      await refuseDamaged(input.scanning, attempt)
    }
    throw cause
  })
}
