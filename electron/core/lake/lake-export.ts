/**
 * `focal export lake`: the workspace's normalized rows as Hive-partitioned Parquet with a
 * manifest (issue 11, "Beyond one machine"), so Spark, Trino, Athena or BigQuery read the
 * same rows and totals when a laptop is outgrown.
 *
 * Allocation: the rows carry no allocation columns. Focal stores no allocation result —
 * allocated lines are computed per report from a rule version and dropped (allocate/lines.ts)
 * — and a rule splitting a row would repeat it once per share, so the lake's row count and
 * totals would no longer be the workspace's. The pack's FOCUS Parquet (report/focus-export.ts)
 * is the allocated form of one period.
 */
import { rm, stat, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { basename, dirname, join, relative, sep } from 'node:path'
import { fail } from '../../../shared/contract'
import { FOCUS_VERSIONS } from '../../../shared/focus'
import { sha256File } from '../ingest/hash'
import { redactPath } from '../workspace/redact-path'
import type { Row, Workspace } from '../workspace/workspace'
import { LAKE_MANIFEST, listFiles, moveLakeInto, prepareLakeFolder } from './lake-folder'
import {
  mergeTotals,
  partitionValues,
  sameTotals,
  toTotals,
  type LakeFile,
  type LakeManifest,
  type LakeTotals,
  type LakePartitionEntry,
} from './lake-manifest'
import {
  LAKE_FILE_TOTALS_SQL,
  LAKE_PARTITIONS,
  LAKE_WORKSPACE_TOTALS_SQL,
  lakeCopySql,
} from './lake-sql'

/** What to export and where. */
export interface LakeExportRequest {
  /** The folder to write (new or empty; an earlier lake export is replaced only with `force`). */
  readonly out: string
  /** Partition columns in folder order (LAKE_PARTITIONS); default BillingPeriod. */
  readonly partitions?: readonly string[]
  readonly force?: boolean
  readonly focalVersion: string
}

/** What was written: the manifest and its SHA-256 (recorded in the audit log). */
export interface LakeExportResult {
  readonly manifest: LakeManifest
  readonly manifestSha256: string
}

/** The partition columns a lake may be split by, in the order they are listed. */
export const LAKE_PARTITION_NAMES = Object.keys(LAKE_PARTITIONS)

/** Writes the lake; refuses an unknown partition or a non-empty folder before writing anything. */
export async function exportLake(
  ws: Workspace,
  request: LakeExportRequest,
): Promise<LakeExportResult> {
  const partitions = request.partitions ?? ['BillingPeriod']
  checkPartitions(partitions)
  const replaced = await prepareLakeFolder(request.out, request.force ?? false)
  // The gate hands out a path for one file; DuckDB makes a folder there, moved in by moveLakeInto.
  const staged = ws.output(request.out).path
  const folder = basename(request.out)
  try {
    // One writer turn: no import may land between the write and the figures it is checked against.
    const figures = await ws.exclusive(async () => {
      const expected = (await ws.all(LAKE_WORKSPACE_TOTALS_SQL)).map(toTotals)
      // DuckDB writes no file for no rows, and a lake of nothing is more likely a wrong workspace.
      if (expected.length === 0)
        fail('NO_ROWS', `Workspace ${ws.name} holds no rows to export; nothing was written.`, {
          hint: 'Import billing files first (focal import), or choose the workspace that holds them.',
        })
      await ws.run(lakeCopySql(partitions), [staged]).catch((cause: unknown) => {
        // DuckDB's message names the gate's absolute path: say the chosen folder instead.
        const reason = redactPath((cause as Error).message.split('\n')[0] ?? '', staged, folder)
        return fail('IO_ERROR', `Writing the lake ${folder} failed: ${reason}`, {
          hint: 'Check that the disk has room and the folder can be written, then retry.',
        })
      })
      return { perFile: await ws.all(LAKE_FILE_TOTALS_SQL, [staged]), expected }
    })
    const manifest = await describeLake(ws.name, staged, partitions, request.focalVersion, figures)
    const text = `${JSON.stringify(manifest, null, 2)}\n`
    await writeFile(join(staged, LAKE_MANIFEST), text)
    await moveLakeInto(staged, request.out, replaced)
    const manifestSha256 = createHash('sha256').update(text).digest('hex')
    await ws.audit('lake.export', folder, {
      partitions,
      rows: manifest.rows,
      files: manifest.partitions.reduce((n, p) => n + p.files.length, 0),
      manifestSha256,
    })
    return { manifest, manifestSha256 }
  } finally {
    await rm(staged, { recursive: true, force: true })
  }
}

function checkPartitions(partitions: readonly string[]): void {
  const unknown = partitions.find((p) => !LAKE_PARTITION_NAMES.includes(p))
  if (unknown !== undefined)
    fail('BAD_VALUE', `A lake cannot be partitioned by "${unknown}".`, {
      hint: `Partition by ${LAKE_PARTITION_NAMES.join(' and/or ')}, comma-separated.`,
    })
  if (partitions.length === 0 || new Set(partitions).size !== partitions.length)
    fail('BAD_VALUE', 'Name each partition column once, at least one.', {
      hint: `e.g. --partition ${LAKE_PARTITION_NAMES.join(',')}`,
    })
}

/**
 * The manifest, with figures read back from the written files; they must equal the focus
 * view's, or the export fails rather than hand a lake that disagrees with the workspace.
 */
async function describeLake(
  workspace: string,
  root: string,
  partitions: readonly string[],
  focalVersion: string,
  { perFile, expected }: { perFile: readonly Row[]; expected: readonly LakeTotals[] },
): Promise<LakeManifest> {
  const folders = new Map<string, { files: Set<string>; totals: ReturnType<typeof toTotals>[] }>()
  for (const file of await listFiles(root)) {
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''
    const entry = folders.get(folder) ?? { files: new Set(), totals: [] }
    folders.set(folder, { ...entry, files: entry.files.add(file) })
  }
  for (const row of perFile) {
    const file = relative(root, String(row.filename)).split(sep).join('/')
    folders.get(dirname(file).replace(/^\.$/, ''))?.totals.push(toTotals(row))
  }
  const entries: LakePartitionEntry[] = []
  for (const [path, { files, totals }] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const merged = mergeTotals(totals)
    entries.push({
      path,
      values: partitionValues(path),
      rows: merged.reduce((n, t) => n + t.rows, 0),
      totals: merged,
      files: await Promise.all([...files].sort().map((f) => describeFile(root, f))),
    })
  }
  const totals = mergeTotals(entries.flatMap((p) => p.totals))
  if (!sameTotals(totals, expected))
    fail('INTERNAL', 'The written lake does not add up to the workspace; it was not kept.', {
      details: { written: totals, workspace: expected },
    })
  const types = partitions.map((p) => `'${p}': VARCHAR`).join(', ')
  return {
    manifest: 'focal-lake/1',
    workspace,
    focalVersion,
    focusVersion: FOCUS_VERSIONS[FOCUS_VERSIONS.length - 1] ?? '1.4',
    exportedAt: new Date().toISOString(),
    partitionColumns: partitions,
    read: `read_parquet('<folder>/**/*.parquet', hive_partitioning = true, hive_types = {${types}})`,
    rows: totals.reduce((n, t) => n + t.rows, 0),
    totals,
    partitions: entries,
    allocation:
      'Not included: Focal stores no allocation result (each report computes it from a rule version), and split rows would repeat cost rows. The chargeback pack holds a period allocated as FOCUS Parquet.',
  }
}

async function describeFile(root: string, path: string): Promise<LakeFile> {
  const full = join(root, ...path.split('/'))
  return { path, bytes: (await stat(full)).size, sha256: await sha256File(full) }
}
