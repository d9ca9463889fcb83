/**
 * Reads an AWS CUR delivery's manifest: the JSON file AWS writes beside the
 * parts of one delivery of a month. Two shapes exist:
 *
 * - CUR (legacy, `<report>-Manifest.json`): `assemblyId`, `reportName`,
 *   `account`, `billingPeriod {start, end}` written `20231101T000000.000Z`,
 *   `reportKeys` (the S3 keys of the parts) and `columns [{category, name, type}]`
 *   (the header is `category/name`).
 * - CUR 2.0 / Data Exports (`Manifest.json`): `executionId`, `exportName`,
 *   `billingPeriod {start, end}` (ISO 8601), `dataFiles` (S3 URIs of the parts)
 *   and `columns [{name, type}]`.
 *
 * Either way Focal needs: which delivery it is (assembly or execution id),
 * which report and month, the parts' base names, and the header they share.
 */
import { readFile } from 'node:fs/promises'
import { posix } from 'node:path'
import { fail } from '../../../shared/contract'
import { z } from '../../../shared/zod'

/** One delivery of a month as its manifest lists it. */
export interface CurManifest {
  /** The manifest's display name (never an absolute path). */
  readonly fileName: string
  /** AWS's id of this delivery: a later delivery of the month has another. */
  readonly assemblyId: string
  /** The report (legacy CUR) or export (CUR 2.0) name: deliveries of one report restate each other. */
  readonly reportName: string
  /** The payer account, when the manifest names it. */
  readonly account: string | null
  /** First day of the billing period, `YYYY-MM-DD` (UTC). */
  readonly billingPeriod: string
  /** The S3 keys of the parts in the order the manifest lists them (part 1 first). */
  readonly partKeys: readonly string[]
  /** The header every part must have, when the manifest lists its columns. */
  readonly columns: readonly string[] | null
}

const Period = z.object({ start: z.string().min(8), end: z.string().min(8) })

const LegacyManifest = z.object({
  assemblyId: z.string().min(1),
  reportName: z.string().min(1),
  account: z.string().optional(),
  billingPeriod: Period,
  reportKeys: z.array(z.string().min(1)).min(1),
  columns: z
    .array(z.object({ category: z.string(), name: z.string().min(1), type: z.string().optional() }))
    .optional(),
})

const DataExportManifest = z.object({
  executionId: z.string().min(1),
  exportName: z.string().min(1).optional(),
  exportArn: z.string().optional(),
  billingPeriod: Period,
  dataFiles: z.array(z.string().min(1)).min(1),
  columns: z.array(z.object({ name: z.string().min(1), type: z.string().optional() })).optional(),
})

/** Reads and checks the manifest at `path`; a manifest Focal cannot use fails with BAD_MANIFEST. */
export async function readCurManifest(path: string, fileName: string): Promise<CurManifest> {
  const text = await readFile(path, 'utf8').catch(() =>
    refuse(fileName, 'cannot be read', 'Check that the file exists and can be read.'),
  )
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''))
  } catch {
    refuse(fileName, 'is not valid JSON')
  }
  return parseCurManifest(json, fileName)
}

/** Turns a manifest's parsed JSON into a CurManifest, naming the first field that is wrong. */
export function parseCurManifest(json: unknown, fileName: string): CurManifest {
  const isDataExport = typeof json === 'object' && json !== null && 'executionId' in json
  if (isDataExport) {
    const parsed = DataExportManifest.safeParse(json)
    if (!parsed.success) refuseField(fileName, parsed.error)
    const m = parsed.data
    return {
      fileName,
      assemblyId: m.executionId,
      reportName: m.exportName ?? m.exportArn ?? 'data export',
      account: null,
      billingPeriod: periodStart(m.billingPeriod.start, fileName),
      partKeys: m.dataFiles,
      columns: m.columns?.map((c) => c.name) ?? null,
    }
  }
  const parsed = LegacyManifest.safeParse(json)
  if (!parsed.success) refuseField(fileName, parsed.error)
  const m = parsed.data
  return {
    fileName,
    assemblyId: m.assemblyId,
    reportName: m.reportName,
    account: m.account ?? null,
    billingPeriod: periodStart(m.billingPeriod.start, fileName),
    partKeys: m.reportKeys,
    // Legacy CUR CSV headers are `category/name` (lineItem/UnblendedCost).
    columns: m.columns?.map((c) => (c.category ? `${c.category}/${c.name}` : c.name)) ?? null,
  }
}

/** The base name a part is matched by: the last segment of its S3 key or URI. */
export function partBaseName(key: string): string {
  return posix.basename(key.replace(/^s3:\/\/[^/]+\//, ''))
}

/** `20231101T000000.000Z` (legacy CUR) or `2023-11-01T00:00:00Z` (CUR 2.0) as `2023-11-01`. */
function periodStart(start: string, fileName: string): string {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(start)
  if (!match)
    refuse(fileName, `has billingPeriod.start "${start.slice(0, 40)}", which is not a date`)
  return `${match[1]}-${match[2]}-${match[3]}`
}

function refuseField(fileName: string, error: z.ZodError): never {
  const issue = error.issues[0]
  const field = issue?.path.length ? issue.path.join('.') : '(the whole manifest)'
  const problem =
    issue?.code === 'invalid_type' && issue.input === undefined ? 'lacks' : 'has a bad'
  return refuse(
    fileName,
    `${problem} field ${field}${problem === 'lacks' ? '' : ` (${issue?.message ?? 'invalid'})`}`,
    undefined,
    field,
  )
}

function refuse(fileName: string, problem: string, hint?: string, field?: string): never {
  return fail(
    'BAD_MANIFEST',
    `${fileName} ${problem}: Focal cannot check the CUR delivery it describes.`,
    {
      hint:
        hint ??
        'Download the manifest again from the report folder AWS wrote it to; the other files beside it were imported each on its own.',
      location: { file: fileName, ...(field ? { column: field } : {}) },
    },
  )
}
