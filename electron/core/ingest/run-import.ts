/**
 * One read of a billing file, from stat to commit (importFile runs it, and again through
 * the text stage when a typed read fails): scan and hash the bytes while DuckDB reads them,
 * stage, check values, then store the rows (store-rows.ts), in place (store-in-place.ts)
 * or as commitments (commitments/), with the file re-checked unchanged before commit.
 */
import type { ImportProgress, ImportRecord } from '../../../shared/contract'
import { FocalFailure, fail } from '../../../shared/contract'
import { NATIVE_FORMATS, type Detection } from '../../../shared/formats/detect'
import { isContractCommitmentHeader } from '../../../shared/focus/contract-commitment'
import type { Workspace } from '../workspace/workspace'
import type { Attempt } from '../workspace/imports-registry'
import { COMMITMENT_COST_COLUMNS } from '../commitments/commitments-sql'
import { storeCommitments } from '../commitments/store-commitments'
import { anySignal } from './any-signal'
import { assumedFixes, type Assumptions } from './assumed-columns'
import { withCurrencyText } from './currency-text-sql'
import { settleDelivery } from './delivery-identity'
import { failRead } from './duckdb-errors'
import { scanFile } from './file-integrity'
import { statFile, statUnchanged, verifyUnchanged } from './file-identity'
import { detectFileKind } from './file-kind'
import type { ImportOptions } from './import-options'
import { refuseDamaged, refuseDuplicate } from './import-refusals'
import { formatOf } from './native-stage'
import { FOCUS_COST_COLUMNS } from './source-columns'
import type { SourceColumns } from './source-terms'
import { csvFeed, startSourceTotals } from './source-totals'
import { stageFile } from './stage-file'
import { dropStageSql, type SourceKind } from './stage-sql'
import { storeInPlace } from './store-in-place'
import { storeRows } from './store-rows'
import { checkValues, valueFixes } from './value-checks'

/** Reads, checks and stores one file; throws a FocalFailure (or DuckDB's error) on failure. */
export async function runImport(
  ws: Workspace,
  path: string,
  fileName: string,
  attempt: Attempt,
  options: ImportOptions,
  typed: boolean,
): Promise<ImportRecord> {
  const report = (phase: ImportProgress['phase'], bytesDone: number, rowsDone = 0): void =>
    options.onProgress?.({ fileName, phase, bytesDone, bytesTotal: attempt.sizeBytes, rowsDone })
  const before = await statFile(path, fileName)
  attempt.sizeBytes = before.size
  if (before.size === 0) {
    fail('EMPTY_FILE', `${fileName} is empty (0 bytes).`, {
      hint: 'Export the file again; nothing was imported.',
      location: { file: fileName },
    })
  }
  const kind = await detectFileKind(path)
  attempt.format = kind
  // Hash and check every byte while DuckDB reads: the two run on different threads and the
  // file is read once from cache. A damaged file stops DuckDB's read early.
  let bytesRead = 0
  const damaged = new AbortController()
  const pickColumns = (header: readonly string[]): SourceColumns | null =>
    isContractCommitmentHeader(header)
      ? COMMITMENT_COST_COLUMNS
      : sourceColumnsOf(formatOf(header, options.format), options.assume)
  // A CSV's second reader is fed by the scan, which reads (and decompresses) the file once for both.
  const reading = new AbortController()
  const feed =
    kind === 'csv' || kind === 'csv.gz' ? csvFeed(pickColumns, reading.signal) : undefined
  const scanning = scanFile(path, fileName, kind === 'csv' || kind === 'csv.gz' ? kind : 'other', {
    onBytes: (bytes) => {
      bytesRead = bytes
    },
    onProblem: () => damaged.abort(),
    onText: feed?.push,
  })
  scanning.catch(() => undefined)
  if (kind === 'zip')
    fail('UNSUPPORTED_FORMAT', `${fileName} is a ZIP archive.`, {
      hint: 'Unzip it and import the CSV or Parquet files inside.',
    })
  if (kind === 'unknown') {
    fail('UNSUPPORTED_FORMAT', `${fileName} is neither CSV nor Parquet.`, {
      hint: 'Focal imports CSV, CSV.gz and Parquet billing exports.',
      location: { file: fileName },
    })
  }
  // The file's own totals, read a second time without staging or mapping (reconciliation);
  // a native export's come from its format's own source sums (native-stage.ts).
  // DuckDB reads the file through the workspace's gate folder, the only place it may read (file-gate.ts).
  const readable = await ws.admit(path).catch((cause: unknown) => failRead(cause, fileName))
  const sourceTotals = startSourceTotals(
    ws,
    readable.path,
    kind,
    pickColumns,
    reading.signal,
    feed?.totals(scanning),
  )
  const table = ws.tempName('stage')
  const { mapping, sourceTypes, native, commitments, inPlace } = await stageFile(
    ws,
    readable.path,
    fileName,
    kind,
    table,
    { ...options, signal: anySignal(options.signal, damaged.signal) },
    // DuckDB's CSV progress often stays at 0 until the end; the bytes Focal itself has read are a true floor.
    (fraction) => report('reading', Math.max(Math.round(fraction * attempt.sizeBytes), bytesRead)),
    typed,
  ).catch(async (cause: unknown) => {
    reading.abort()
    await readable.release()
    // A file whose bytes are not all data is refused for that, whatever DuckDB made of it.
    if (!options.signal?.aborted)
      await refuseDamaged(scanning, attempt).catch((scanError: unknown) => {
        if (scanError instanceof FocalFailure) throw scanError
      })
    throw cause
  })
  // A native export is read through its mapped table; the raw stage stays for its source sums.
  if (native) attempt.format = `${native.formatId}/${kind}`
  // The FOCUS Contract Commitment dataset is its own kind, stored in its own table (commitments/).
  if (commitments) attempt.format = `focus-contract-commitment/${kind}`
  // The text stage of a FOCUS file reads money written as currency strings (currency-text-sql.ts).
  const textMapping = commitments ? mapping : withCurrencyText(mapping)
  const stage = native ?? {
    table,
    kind: kind as SourceKind,
    mapping: textMapping,
    sourceTypes,
    fixes: assumedFixes(mapping),
  }
  try {
    attempt.focusVersion = mapping.version
    if (inPlace)
      return await storeInPlace(ws, {
        path,
        attempt,
        options,
        // A native CSV is inserted from its mapping's view over the file.
        table: native?.table ?? table,
        kind: native?.kind ?? (kind as SourceKind),
        mapping,
        sourceTypes: native?.sourceTypes ?? sourceTypes,
        fixes: native?.fixes ?? [],
        costView: hasCostViews(native?.formatId) ? { chosen: options.azureCostView } : undefined,
        scanning,
        damaged: damaged.signal,
        stopReading: () => reading.abort(),
        before,
        sourceTotals,
        // One statement reads and normalizes: its progress is the file's bytes.
        onFraction: (fraction) =>
          report('normalizing', Math.max(Math.round(fraction * attempt.sizeBytes), bytesRead)),
      })
    // A FOCUS Parquet file's values are checked by the insert's own casts: the checks would read
    // every money and date column once more. A value that does not convert fails the insert
    // (TypedReadFailed), and importFile imports the file again with the checks, which name it.
    const unchecked = typed && kind === 'parquet' && !native && !commitments
    const settleRead = async (): Promise<void> => {
      await refuseDamaged(scanning, attempt)
      await refuseDuplicate(ws, attempt)
      await options.afterRead?.()
    }
    // Unchecked, nothing before the insert needs the hash: the read is settled before commit, as
    // for a CSV read in place (store-in-place.ts), so the insert starts while the scan hashes.
    if (!unchecked) await settleRead()
    // Re-hashing runs beside the checks and the insert; the transaction awaits it before commit.
    const verifying = scanning.then((scan) => verifyUnchanged(path, fileName, before, scan.sha256))
    verifying.catch(() => undefined)
    if (options.signal?.aborted)
      fail('CANCELLED', `Import of ${fileName} was cancelled; nothing was added.`)
    const rowCount = Number(
      (await ws.all(`SELECT count(*)::BIGINT AS n FROM "${stage.table}"`))[0]?.n ?? 0,
    )
    if (rowCount === 0) {
      fail('NO_ROWS', `${fileName} has a header but no rows: there is nothing to import.`, {
        location: { file: fileName },
      })
    }
    const checks = unchecked
      ? { fixes: valueFixes(stage.mapping, stage.kind, stage.sourceTypes) }
      : await checkValues(ws, stage.table, stage.mapping, stage.kind, fileName, stage.sourceTypes)
    report('normalizing', attempt.sizeBytes, 0)
    if (commitments)
      return await storeCommitments(ws, {
        table,
        kind: kind as SourceKind,
        header: commitments,
        sourceTypes,
        attempt,
        rowCount,
        fixes: checks.fixes,
        onOverlap: options.onOverlap,
        sourceTotals,
        beforeReconcile: options.beforeReconcile,
        beforeCommit: () => verifying.then(() => statUnchanged(path, fileName, before)),
      })
    return await storeRows(ws, {
      table: stage.table,
      kind: stage.kind,
      mapping: stage.mapping,
      sourceTypes: stage.sourceTypes,
      attempt,
      rowCount,
      unchecked,
      fixes: [...checks.fixes, ...stage.fixes],
      // A native CSV's terms are summed by the second reader; a native Parquet or JSON-lines file's by SQL.
      sourceSums: kind === 'parquet' || kind === 'jsonl' ? native?.sourceSums : undefined,
      signal: options.signal,
      onFraction: (fraction) =>
        report('normalizing', attempt.sizeBytes, Math.round(fraction * rowCount)),
      beforeReconcile: options.beforeReconcile,
      sourceTotals,
      // Parquet is read in place by every step, so the file is also re-checked after the insert.
      // Then the delivery's identity decides: new, already imported, restatement or overlap.
      beforeCommit: () =>
        (unchecked ? settleRead() : Promise.resolve())
          .then(() => verifying)
          .then(() => statUnchanged(path, fileName, before))
          .then(() =>
            settleDelivery(
              ws,
              attempt.id ?? 0,
              fileName,
              options.onOverlap,
              hasCostViews(native?.formatId) ? { chosen: options.azureCostView } : undefined,
            ),
          ),
    })
  } finally {
    reading.abort()
    await ws.run(dropStageSql(table, kind as SourceKind, inPlace)).catch(() => undefined)
    if (native) await ws.run(dropStageSql(native.table, native.kind)).catch(() => undefined)
    await readable.release()
  }
}

/** True for a native format with Azure's actual and amortized cost views (mapping-types.ts `costViews`). */
function hasCostViews(formatId: string | undefined): boolean {
  return NATIVE_FORMATS.some((f) => f.id === formatId && f.costViews === true)
}

/** What reconciliation's second read sums: FOCUS's money columns or a native format's reconcile terms. */
function sourceColumnsOf(detected: Detection, assume?: Assumptions): SourceColumns | null {
  // An assumed currency is every row's: the second reader groups the file's sums under it.
  const currency = assume?.BillingCurrency
  if (detected.kind === 'focus')
    return currency === undefined
      ? FOCUS_COST_COLUMNS
      : { ...FOCUS_COST_COLUMNS, currencyConstant: currency }
  if (detected.kind !== 'native') return null
  const { reconcile, caseInsensitive = false } = detected.mapping
  return { terms: reconcile, caseInsensitive }
}
