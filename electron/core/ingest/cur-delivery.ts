/**
 * Imports one AWS CUR delivery (a month written as N parts plus a manifest) as
 * one delivery: all its parts in one transaction, so either every part counts
 * or none does. Each part keeps its own import record (SHA-256, rows, totals
 * reconciled against that part's own bytes) naming the manifest, the delivery's
 * assemblyId and its place (part i of N).
 *
 * AWS rewrites the month several times a day, each time as a new assemblyId with
 * every part again; so a later delivery of the same report, account and billing
 * period restates the earlier one whole: all of the earlier parts' scopes leave
 * the totals, superseded by the new delivery's first part, with one delta per
 * currency for the delivery as a whole. Parts of one delivery are not compared
 * with each other (they are the same month, split); against any other import
 * they are checked like any file (delivery-identity.ts's OVERLAP rule).
 */
import { readCsvHeader } from './csv-header'
import {
  fail,
  toFocalError,
  type FocalError,
  type ImportRecord,
  type OverlapChoice,
} from '../../../shared/contract'
import { recordAttempt, readImport, type Attempt } from '../workspace/imports-registry'
import { recordKeptOverlaps, supersedeScopes, type ScopeOfImport } from '../workspace/supersede'
import type { Row, Workspace } from '../workspace/workspace'
import {
  earlierDeliveriesSql,
  INSERT_PART_SQL,
  insertDeliveryDeltaSql,
  SAME_DELIVERY_SQL,
} from './cur-delivery-sql'
import type { PlannedDelivery, SourceFile } from './cur-delivery-plan'
import { insertScopesSql, OVERLAPS_SQL } from './delivery-identity-sql'
import { asDeliveryParts } from './cur-delivery-context'
import { importFile } from './import-file'
import type { ImportOptions } from './import-options'
import { refreshRollups } from '../query/rollup'

/** Options of a delivery's import: each part's, plus whether a delivery missing parts may be imported. */
export interface DeliveryOptions extends ImportOptions {
  /** Import a delivery whose manifest lists parts that are not there (each record says so). */
  allowIncomplete?: boolean
}

/** A part that did not import: the delivery is rolled back and this is what is recorded. */
class PartFailed extends Error {
  constructor(
    readonly record: ImportRecord | null,
    readonly part: SourceFile,
    readonly failure: unknown,
  ) {
    super('part failed')
  }
}

/** Imports the delivery's parts as one; never throws for bad input: the records say what happened. */
export async function importDelivery(
  ws: Workspace,
  delivery: PlannedDelivery,
  options: DeliveryOptions = {},
): Promise<ImportRecord[]> {
  const { manifest, manifestFile, parts, missing } = delivery
  const startedAt = new Date()
  const refusal = (error: FocalError, status: 'failed' | 'duplicate' = 'failed') =>
    recordAttempt(ws, manifestAttempt(manifestFile, startedAt), { status, error })
  const incomplete = missing.length > 0
  try {
    if (parts.length === 0 || (incomplete && !options.allowIncomplete))
      refuseIncomplete(delivery, parts.length === 0)
    await refuseSameDelivery(ws, delivery, incomplete)
    await checkHeaders(delivery)
  } catch (cause) {
    const error = toFocalError(cause)
    return [await refusal(error, error.code === 'DUPLICATE_FILE' ? 'duplicate' : 'failed')]
  }
  const ids: number[] = []
  try {
    // Scopes are recorded as each part is stored; the delivery is settled once every part is in.
    const settle = (importId: number): Promise<void> =>
      ws.run(insertScopesSql('c.x_ImportId = $1'), [importId])
    await ws.transaction(async () => {
      for (const [index, part] of parts.entries()) {
        const record = await asDeliveryParts({ settle }, () =>
          // Inside the delivery's transaction a failed typed read could not be rolled back and retried.
          importFile(ws, part.path, {
            ...options,
            displayName: part.displayName,
            typedRead: false,
            rollups: false,
          }),
        ).catch((cause: unknown) => {
          throw new PartFailed(null, part, cause)
        })
        if (record.status !== 'imported') throw new PartFailed(record, part, null)
        ids.push(record.id)
        await ws.run(INSERT_PART_SQL, [
          record.id,
          manifest.fileName,
          manifest.reportName,
          manifest.account,
          manifest.billingPeriod,
          manifest.assemblyId,
          delivery.numbers[index] ?? index + 1,
          manifest.partKeys.length,
          incomplete,
          JSON.stringify(missing),
        ])
      }
      await settleDelivery(ws, delivery, ids, parts, options.onOverlap)
    })
    // The pivot rollups once for the whole delivery (query/rollup.ts).
    await refreshRollups(ws)
  } catch (cause) {
    return [await recordPartFailure(ws, delivery, cause, startedAt)]
  }
  return Promise.all(ids.map((id) => readImport(ws, id)))
}

/** Refuses a delivery with parts missing (INCOMPLETE_DELIVERY), naming them and the manifest. */
function refuseIncomplete(delivery: PlannedDelivery, none: boolean): never {
  const { manifest, missing } = delivery
  const listed = manifest.partKeys.length
  fail(
    'INCOMPLETE_DELIVERY',
    `${manifest.fileName} lists ${listed} part${listed === 1 ? '' : 's'} of AWS CUR delivery ${manifest.assemblyId} (${manifest.reportName}, billing period ${manifest.billingPeriod.slice(0, 7)}); ${none ? 'none of them is here' : `${missing.length} ${missing.length === 1 ? 'is' : 'are'} missing`}: ${missing.join(', ')}. Nothing of this delivery was imported.`,
    {
      hint: none
        ? 'Put the parts the manifest lists beside it and import the folder again.'
        : 'Put the missing parts beside the manifest and import again, or import the parts that are there, each marked incomplete (the Import screen offers it; focal import --allow-incomplete).',
      location: { file: manifest.fileName },
      details: { assemblyId: manifest.assemblyId, missing: [...missing] },
    },
  )
}

/** A delivery already imported whole (or incomplete again) adds nothing: refused as a duplicate. */
async function refuseSameDelivery(
  ws: Workspace,
  delivery: PlannedDelivery,
  incomplete: boolean,
): Promise<void> {
  const { manifest } = delivery
  const earlier = await ws.all(SAME_DELIVERY_SQL, [
    manifest.reportName,
    manifest.account,
    manifest.assemblyId,
  ])
  // An incomplete import of it is restated by the whole delivery; nothing else is new.
  if (earlier.length === 0 || (earlier.every((r) => Boolean(r.incomplete)) && !incomplete)) return
  const ids = earlier.map((r) => Number(r.import_id))
  fail(
    'DUPLICATE_FILE',
    `${manifest.fileName}: AWS CUR delivery ${manifest.assemblyId} is already imported (imports ${ids.map((id) => `#${id}`).join(', ')}); nothing was added.`,
    { location: { file: manifest.fileName }, details: { importId: ids[0], importIds: ids } },
  )
}

/** Each CSV part's header must be the columns the manifest lists; the first part that differs is named. */
async function checkHeaders(delivery: PlannedDelivery): Promise<void> {
  const expected = delivery.manifest.columns
  if (!expected) return
  for (const part of delivery.parts) {
    const name = part.relativePath.toLowerCase()
    // Parquet parts carry their own schema; their columns are checked by the import's mapping.
    if (!name.endsWith('.csv') && !name.endsWith('.csv.gz')) continue
    const header = await readCsvHeader(part.path, name.endsWith('.gz'), part.displayName)
    const lacks = expected.filter((c) => !header.columns.includes(c))
    const extra = header.columns.filter((c) => !expected.includes(c))
    if (lacks.length === 0 && extra.length === 0) continue
    const list = (names: string[]): string =>
      names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '')
    fail(
      'MANIFEST_MISMATCH',
      `${part.displayName}, line 1: its header differs from the columns ${delivery.manifest.fileName} lists${lacks.length ? `; it lacks ${list(lacks)}` : ''}${extra.length ? `; it has ${list(extra)}, which the manifest does not list` : ''}. Nothing of AWS CUR delivery ${delivery.manifest.assemblyId} was imported.`,
      {
        hint: 'The part belongs to another delivery or was changed: download the delivery (parts and manifest) again.',
        location: { file: part.displayName, line: 1, column: lacks[0] ?? extra[0] },
        details: { lacks, extra },
      },
    )
  }
}

/**
 * Inside the delivery's transaction, every part stored: earlier deliveries of the month
 * leave the totals whole, then any other import sharing rows with a part is an overlap.
 */
async function settleDelivery(
  ws: Workspace,
  delivery: PlannedDelivery,
  ids: readonly number[],
  parts: readonly SourceFile[],
  onOverlap?: OverlapChoice,
): Promise<void> {
  const { manifest } = delivery
  const head = ids[0] ?? 0
  const earlier = (
    await ws.all(earlierDeliveriesSql(ids), [
      manifest.reportName,
      manifest.account,
      manifest.billingPeriod,
    ])
  ).map(toScope)
  if (earlier.length > 0) {
    await supersedeScopes(ws, head, parts[0]?.displayName ?? manifest.fileName, earlier, {
      deltaSql: insertDeliveryDeltaSql(ids),
    })
  }
  for (const [index, id] of ids.entries()) {
    const fileName = parts[index]?.displayName ?? manifest.fileName
    const others = (await ws.all(OVERLAPS_SQL, [id]))
      .filter((row) => !ids.includes(Number(row.import_id)) && Boolean(row.shares_rows))
      .map(toScope)
    if (others.length === 0) continue
    if (onOverlap === 'supersede') await supersedeScopes(ws, id, fileName, others)
    else if (onOverlap === 'keep-both') await recordKeptOverlaps(ws, id, fileName, others)
    else refuseOverlap(fileName, manifest.assemblyId, others, onOverlap === 'skip')
  }
}

function refuseOverlap(
  fileName: string,
  assemblyId: string,
  others: readonly ScopeOfImport[],
  skipped: boolean,
): never {
  const imports = [...new Set(others.map((o) => `import #${o.importId} (${o.fileName})`))]
  fail(
    'OVERLAP',
    `${fileName} shares rows with ${imports.join(', ')}, which ${imports.length === 1 ? 'is' : 'are'} not an earlier delivery of its AWS CUR report; ${skipped ? 'skipped as asked, ' : ''}nothing of delivery ${assemblyId} was added.`,
    {
      hint: skipped
        ? undefined
        : 'Import it again choosing what to do: supersede the earlier rows of the shared scopes, keep both, or skip it (focal import --on-overlap supersede|keep-both|skip).',
      location: { file: fileName },
      details: { skipped, importIds: [...new Set(others.map((o) => o.importId))] },
    },
  )
}

/** After the rollback: the part that failed is recorded with its own error, which says the delivery was not imported. */
async function recordPartFailure(
  ws: Workspace,
  delivery: PlannedDelivery,
  cause: unknown,
  startedAt: Date,
): Promise<ImportRecord> {
  const { manifest } = delivery
  const failed = cause instanceof PartFailed ? cause : null
  const record = failed?.record ?? null
  const error = record?.error ?? toFocalError(failed ? failed.failure : cause)
  const whole = ` Nothing of AWS CUR delivery ${manifest.assemblyId} (${manifest.fileName}, ${manifest.partKeys.length} parts) was imported.`
  const attempt: Attempt = record
    ? {
        fileName: record.fileName,
        sha256: record.sha256,
        sizeBytes: record.sizeBytes,
        format: record.format,
        focusVersion: record.focusVersion,
        startedAt: new Date(record.startedAt),
      }
    : failed
      ? { ...manifestAttempt(failed.part, startedAt), format: 'unknown' }
      : manifestAttempt(delivery.manifestFile, startedAt)
  const status =
    record?.status === 'duplicate' || record?.status === 'skipped' || record?.status === 'cancelled'
      ? record.status
      : error.code === 'CANCELLED'
        ? 'cancelled'
        : error.code === 'OVERLAP' && error.details?.skipped === true
          ? 'skipped'
          : 'failed'
  return recordAttempt(ws, attempt, {
    status,
    error: { ...error, message: `${error.message}${whole}` },
  })
}

/** The registry attempt of an AWS CUR manifest file, before anything is known of its bytes. */
export function manifestAttempt(file: SourceFile, startedAt: Date): Attempt {
  return {
    fileName: file.displayName,
    sourcePath: file.path,
    sha256: '',
    sizeBytes: 0,
    format: 'aws-cur-manifest',
    focusVersion: null,
    startedAt,
  }
}

function toScope(row: Row): ScopeOfImport {
  const text = (value: unknown): string | null => (value == null ? null : String(value))
  return {
    importId: Number(row.import_id),
    fileName: String(row.file_name),
    provider: text(row.provider),
    billingAccountId: text(row.billing_account_id),
    billingPeriodStart: text(row.billing_period_start),
  }
}
