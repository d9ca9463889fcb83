/**
 * Imports one billing file into a workspace (DESIGN.md, Ingest → normalize →
 * validate → store): detect, read with DuckDB, check values, normalize to
 * FOCUS 1.4, reconcile totals, commit — all of the file or none of it. Every
 * attempt, failed or not, is recorded in the import registry.
 */
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type {
  AzureCostView,
  ImportProgress,
  ImportRecord,
  OverlapChoice,
} from '../../../shared/contract'
import { FocalFailure, fail, type FocalError } from '../../../shared/contract'
import { mapFocusHeader, type HeaderMapping } from '../../../shared/formats/focus-header'
import { NATIVE_FORMATS, type Detection } from '../../../shared/formats/detect'
import type { Workspace } from '../workspace/workspace'
import {
  beginAttempt,
  findImportBySha,
  recordAttempt,
  type Attempt,
} from '../workspace/imports-registry'
import { refuseDuplicateColumns } from './header-checks'
import { diskFullError, failRead, isDatabaseInvalidated, isDiskFull } from './duckdb-errors'
import { detectFileKind } from './file-kind'
import { scanFile, type FileScan } from './file-integrity'
import { sha256File } from './hash'
import { checkValues, currencyFixes, roundingFixes, type FixRule } from './value-checks'
import { settleDelivery, type CostViewChoice } from './delivery-identity'
import { storeRows, TypedReadFailed } from './store-rows'
import { mapNativeStage, refuseUnknownFormat, type NativeStage } from './native-stage'
import { formatOf, refuseUnmappedHeader } from './native-stage'
import type { FormatMapping } from '../../../shared/formats/mapping-types'
import { csvViewSql, dropStageSql, type SourceKind } from './stage-sql'
import { withCurrencyText } from './currency-text-sql'
import {
  addAssumedSql,
  assumeColumns,
  assumedFixes,
  checkAssumedValues,
  hasAssumed,
  type Assumptions,
} from './assumed-columns'
import { planStage, runStage } from './stage-plan'
import { FOCUS_COST_COLUMNS } from './source-columns'
import { csvFeed, startSourceTotals } from './source-totals'
import type { SourceTotals } from './source-columns'
import type { SourceColumns } from './source-terms'
import { watchProgress } from './progress'
import { isContractCommitmentHeader } from '../../../shared/focus/contract-commitment'
import { commitmentMapping, type CommitmentMapping } from '../commitments/commitment-mapping'
import { COMMITMENT_COST_COLUMNS } from '../commitments/commitments-sql'
import { storeCommitments } from '../commitments/store-commitments'
import { refreshRollups } from '../query/rollup'
import { embedSource, embedsSources } from '../sources/embed-source'

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

/** Imports a file; never throws for bad input — the returned record carries status and error. */
export async function importFile(
  ws: Workspace,
  path: string,
  options: ImportOptions = {},
): Promise<ImportRecord> {
  const fileName = options.displayName ?? basename(path)
  const attempt: Attempt = {
    fileName,
    sourcePath: path,
    sha256: '',
    sizeBytes: 0,
    format: 'unknown',
    focusVersion: null,
    startedAt: new Date(),
  }
  // Committed before any work: a kill mid-import leaves this "running" row for the next open to mark.
  await beginAttempt(ws, attempt).catch((cause: unknown) => failBeforeStart(ws, cause, fileName))
  if (options.embedSource ?? (await embedsSources(ws))) {
    const { beforeReconcile } = options
    options = {
      ...options,
      beforeReconcile: async (importId) => {
        await embedSource(ws, importId, path, fileName)
        await beforeReconcile?.(importId)
      },
    }
  }
  try {
    const record = await runImport(
      ws,
      path,
      fileName,
      attempt,
      options,
      options.typedRead ?? true,
    ).catch((cause: unknown) => {
      if (!(cause instanceof TypedReadFailed)) throw cause
      // A value that does not convert, or a row DuckDB refuses: the text stage names the row and column.
      return runImport(ws, path, fileName, attempt, options, false)
    })
    // The pivot rollups follow the rows this import added or superseded (query/rollup.ts).
    if (record.status === 'imported' && options.rollups !== false) await refreshRollups(ws)
    return record
  } catch (cause) {
    const error = toImportError(cause, fileName)
    // A failed checkpoint (a full disk) invalidates DuckDB's database: open it again so the
    // attempt is recorded as failed, with its reason, and the workspace stays usable.
    if (isDatabaseInvalidated(cause)) await ws.restart()
    // Record the failed file's identity too, so the registry says exactly which bytes were refused.
    if (!attempt.sha256 && attempt.sizeBytes > 0)
      attempt.sha256 = await sha256File(path).catch(() => '')
    const status =
      error.code === 'CANCELLED'
        ? 'cancelled'
        : error.code === 'DUPLICATE_FILE'
          ? 'duplicate'
          : error.code === 'OVERLAP' && error.details?.skipped === true
            ? 'skipped'
            : 'failed'
    return recordAttempt(ws, attempt, { status, error })
  }
}

async function runImport(
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
    await refuseDamaged(scanning, attempt)
    await refuseDuplicate(ws, attempt)
    await options.afterRead?.()
    // Re-hashing runs beside the checks and the insert; the transaction awaits it before commit.
    const verifying = verifyUnchanged(path, fileName, before, attempt.sha256)
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
    // A FOCUS Parquet file's values are checked by the insert's own casts: the checks would read
    // every money and date column once more. A value that does not convert fails the insert
    // (TypedReadFailed), and importFile imports the file again with the checks, which name it.
    const unchecked = typed && kind === 'parquet' && !native && !commitments
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
        verifying
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

async function stageFile(
  ws: Workspace,
  path: string,
  fileName: string,
  kind: Exclude<Awaited<ReturnType<typeof detectFileKind>>, 'zip' | 'unknown'>,
  table: string,
  options: ImportOptions,
  onFraction: (fraction: number) => void,
  typed: boolean,
): Promise<{
  mapping: HeaderMapping
  sourceTypes: string[]
  native?: NativeStage
  commitments?: CommitmentMapping
  /** A FOCUS or native CSV to be read in place: `table` is a view over the file (csvViewSql). */
  inPlace?: boolean
}> {
  const plan = await planStage(ws, { readable: path, fileName, kind, table })
  const { header, sourceTypes } = plan
  const commitments = isContractCommitmentHeader(header) ? commitmentMapping(header) : undefined
  if (commitments) refuseDuplicateColumns(commitments.mapping, fileName, kind)
  if (options.format) refuseUnmappedHeader(options.format, header, kind, fileName)
  const detected = commitments
    ? ({ kind: 'commitments' } as const)
    : formatOf(header, options.format)
  if (detected.kind === 'unknown') refuseUnknownFormat(fileName, detected.closest, kind)
  const assume = options.assume ?? {}
  if (Object.keys(assume).length > 0 && detected.kind !== 'focus')
    fail(
      'BAD_REQUEST',
      `${fileName} is not a FOCUS file: values are assumed for FOCUS files only.`,
      {
        hint: 'Import it without assumed values.',
        location: { file: fileName },
      },
    )
  if (Object.keys(assume).length > 0 && kind === 'parquet')
    fail('BAD_REQUEST', `${fileName} is Parquet: values are assumed for FOCUS CSV files only.`, {
      hint: 'Import it without assumed values, or export it as CSV.',
      location: { file: fileName },
    })
  const mapping =
    commitments?.mapping ?? assumeColumns(mapFocusHeader(header), header.length, assume, fileName)
  // JSON lines are reconciled by their format's source sums, which only a native export has.
  if (kind === 'jsonl' && detected.kind !== 'native')
    fail(
      'UNSUPPORTED_FORMAT',
      `${fileName} is JSON lines, which Focal reads for GCP billing exports only.`,
      {
        hint: 'Export the FOCUS data as CSV or Parquet and import that file.',
        location: { file: fileName },
      },
    )
  if (detected.kind === 'focus') refuseDuplicateColumns(mapping, fileName, kind)
  if (detected.kind === 'focus' && mapping.missing.length > 0) {
    fail(
      'MISSING_COLUMNS',
      `${fileName} lacks required FOCUS column${mapping.missing.length > 1 ? 's' : ''}: ${mapping.missing.join(', ')}.`,
      {
        hint: 'Focal needs BilledCost, BillingCurrency, ChargePeriodStart and ChargePeriodEnd; export the file with FOCUS columns.',
        location: { file: fileName },
        details: { missing: mapping.missing, found: header.slice(0, 50) },
      },
    )
  }
  // A FOCUS CSV is read by the insert itself (storeInPlace): parsed once, with no text copy.
  await checkAssumedValues(ws, mapping, fileName)
  // Assumed values are added to the text stage as columns (assumed-columns.ts).
  if (typed && detected.kind === 'focus' && plan.delimiter !== undefined && !hasAssumed(mapping)) {
    await ws.run(csvViewSql(table, path, header.length, plan.delimiter, kind === 'csv.gz'))
    return { mapping, sourceTypes, inPlace: true }
  }
  // So is a native CSV, through its mapping's view over the file (native-stage.ts).
  if (typed && detected.kind === 'native' && kind !== 'jsonl' && plan.delimiter !== undefined) {
    await ws.run(csvViewSql(table, path, header.length, plan.delimiter, kind === 'csv.gz'))
    const native = await mapNativeStage(ws, detected.mapping, fileName, {
      table,
      kind,
      header,
      sourceTypes,
      sourceRow: 'CAST(NULL AS BIGINT)',
    }).catch(async (cause: unknown) => {
      await ws.run(dropStageSql(table, kind, true)).catch(() => undefined)
      throw cause
    })
    return { mapping: native.mapping, sourceTypes, native, inPlace: true }
  }
  // In the writer's own turn, so an abort interrupts this read and never another job's statement.
  await ws.exclusive(async () => {
    const stopWatching = watchProgress(ws.writer, onFraction)
    const abort = (): void => ws.writer.interrupt()
    options.signal?.addEventListener('abort', abort)
    try {
      // A signal that fired before the read began (a damaged file is often found at once) skips it.
      if (options.signal?.aborted)
        fail('CANCELLED', `Import of ${fileName} was cancelled; nothing was added.`)
      await runStage(ws, plan, fileName)
      for (const sql of addAssumedSql(table, mapping)) await ws.run(sql)
    } finally {
      stopWatching()
      options.signal?.removeEventListener('abort', abort)
    }
  })
  if (detected.kind !== 'native') return { mapping, sourceTypes, commitments }
  const native = await mapNativeStage(ws, detected.mapping, fileName, {
    table,
    kind,
    header,
    sourceTypes,
  }).catch(async (cause: unknown) => {
    await ws.run(dropStageSql(table, kind)).catch(() => undefined)
    throw cause
  })
  return { mapping: native.mapping, sourceTypes, native }
}

/** True for a native format with Azure's actual and amortized cost views (mapping-types.ts `costViews`). */
function hasCostViews(formatId: string | undefined): boolean {
  return NATIVE_FORMATS.some((f) => f.id === formatId && f.costViews === true)
}

/** What storing a FOCUS CSV read in place needs from runImport. */
interface InPlaceInput {
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
async function storeInPlace(ws: Workspace, input: InPlaceInput): Promise<ImportRecord> {
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
    fixes: [...roundingFixes(input.mapping, input.kind, input.sourceTypes), ...input.fixes],
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

/** Fails with DUPLICATE_FILE when a file with the attempt's SHA-256 is already imported. */
async function refuseDuplicate(ws: Workspace, attempt: Attempt): Promise<void> {
  const duplicate = await findImportBySha(ws, attempt.sha256)
  if (duplicate) {
    fail(
      'DUPLICATE_FILE',
      `${attempt.fileName} is already imported (same SHA-256 as import #${duplicate.id}, ${duplicate.fileName}); nothing was added.`,
      {
        details: { importId: duplicate.id },
      },
    )
  }
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

/** Records the scanned file's hash and fails with the scan's problem, if it found one. */
async function refuseDamaged(scanning: Promise<FileScan>, attempt: Attempt): Promise<void> {
  const scan = await scanning
  attempt.sha256 = scan.sha256
  if (scan.problem) throw new FocalFailure(scan.problem)
}

/** A signal that aborts when either given signal does. */
function anySignal(first: AbortSignal | undefined, second: AbortSignal): AbortSignal {
  return first ? AbortSignal.any([first, second]) : second
}

/** What identifies a file's state on disk between two looks. */
interface FileIdentity {
  size: number
  mtimeMs: number
  ino: number
}

async function statFile(path: string, fileName: string): Promise<FileIdentity> {
  try {
    const info = await stat(path)
    if (!info.isFile())
      fail('IO_ERROR', `${fileName} is not a regular file.`, { location: { file: fileName } })
    return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
  } catch (cause) {
    if (cause instanceof FocalFailure) throw cause
    return fail('IO_ERROR', `${fileName} ${unreadableReason(cause)}.`, {
      location: { file: fileName },
    })
  }
}

/** Why a file cannot be read, in words; never Node's text, which carries the full path. */
function unreadableReason(cause: unknown): string {
  switch ((cause as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'does not exist'
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied'
    case 'ELOOP':
      return 'cannot be read: its path loops through links'
    default:
      return `cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'unknown error'})`
  }
}

/** A file is unchanged if its size, mtime and inode are as before reading and its hash still matches. */
async function verifyUnchanged(
  path: string,
  fileName: string,
  before: FileIdentity,
  sha256: string,
): Promise<void> {
  await statUnchanged(path, fileName, before)
  if ((await sha256File(path)) !== sha256) fileChanged(fileName, before.size, before.size)
}

/** Fails with FILE_CHANGED when size, mtime or inode differ from `before`. */
async function statUnchanged(path: string, fileName: string, before: FileIdentity): Promise<void> {
  const after = await statFile(path, fileName)
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino) {
    fileChanged(fileName, before.size, after.size)
  }
}

function fileChanged(fileName: string, sizeBefore: number, sizeAfter: number): never {
  return fail(
    'FILE_CHANGED',
    `${fileName} changed while Focal was reading it (size ${sizeBefore} → ${sizeAfter} bytes); nothing was imported.`,
    {
      hint: 'Wait until the export is completely written, then import it again.',
      location: { file: fileName },
    },
  )
}

/**
 * A disk too full to record even the attempt: nothing can be written, so the import
 * fails with DISK_FULL (the workspace opened again if DuckDB invalidated it) and no record.
 */
async function failBeforeStart(ws: Workspace, cause: unknown, fileName: string): Promise<never> {
  if (!isDiskFull(cause)) throw cause
  if (isDatabaseInvalidated(cause)) await ws.restart()
  const { code, message, ...extra } = diskFullError(fileName)
  return fail(code, `${message} Not even the attempt could be recorded.`, extra)
}

function toImportError(cause: unknown, fileName: string): FocalError {
  if (cause instanceof FocalFailure) return cause.error
  const message = cause instanceof Error ? cause.message : String(cause)
  if (/INTERRUPT/i.test(message))
    return { code: 'CANCELLED', message: `Import of ${fileName} was cancelled; nothing was added.` }
  if (isDiskFull(cause)) return diskFullError(fileName)
  return {
    code: 'INTERNAL',
    message: `${fileName}: ${message.split('\n')[0]}`,
    location: { file: fileName },
  }
}

/** The fixes checkValues would return, without its read of the values (a typed read checks them). */
function valueFixes(
  mapping: HeaderMapping,
  kind: SourceKind,
  sourceTypes: readonly string[],
): FixRule[] {
  return [
    ...roundingFixes(mapping, kind, sourceTypes),
    ...currencyFixes(mapping, kind, sourceTypes),
  ]
}
