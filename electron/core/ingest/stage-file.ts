/**
 * Stages one billing file for import: reads its header, decides what it is (FOCUS, a
 * native export, a person's mapping, the Contract Commitment dataset), refuses what Focal
 * cannot import with a reason, and either opens a view to read it in place or copies it
 * into a text stage table.
 */
import { fail } from '../../../shared/contract'
import { mapFocusHeader, type HeaderMapping } from '../../../shared/formats/focus-header'
import { isContractCommitmentHeader } from '../../../shared/focus/contract-commitment'
import type { Workspace } from '../workspace/workspace'
import { commitmentMapping, type CommitmentMapping } from '../commitments/commitment-mapping'
import { addAssumedSql, assumeColumns, checkAssumedValues, hasAssumed } from './assumed-columns'
import type { detectFileKind } from './file-kind'
import { refuseDuplicateColumns } from './header-checks'
import type { ImportOptions } from './import-options'
import { formatOf, mapNativeStage, refuseUnknownFormat, refuseUnmappedHeader } from './native-stage'
import type { NativeStage } from './native-stage'
import { watchProgress } from './progress'
import { planStage, runStage } from './stage-plan'
import { csvViewSql, dropStageSql } from './stage-sql'

/** Stages the file in `table` (or a view over it, `inPlace`) and returns how its columns map to FOCUS. */
export async function stageFile(
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
