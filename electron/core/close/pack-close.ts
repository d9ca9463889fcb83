/**
 * What closing a month adds to a pack: its data and allocation fingerprints
 * (in the manifest and the exported-packs record) and, for a reopened month,
 * "Changes since close" — a CSV beside the summary and a manifest section —
 * per cost center and currency against the figures the close froze.
 */
import { existsSync } from 'node:fs'
import { rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ReportModel } from '../../../shared/report'
import { sha256File } from '../ingest/hash'
import { csvField } from '../report/csv'
import type { Workspace } from '../workspace/workspace'
import { changesSinceClose, type ChangesSinceClose } from './changes-since-close'
import { packFingerprints, recordPack, type PackRecordFile } from './packs'
import type { Figure } from './period-records'

/** The close facts of one pack, computed before its manifest is written. */
export interface PackCloseFacts {
  fingerprints: { data: string; allocation: string }
  changes: ChangesSinceClose | null
  /** The changes CSV when written (the pack lists it with its SHA-256). */
  files: Array<PackRecordFile & { kind: 'changes-csv' }>
  /** Fields the manifest carries. */
  manifest: Record<string, unknown>
}

/** What a pack's fingerprints, changes and record are computed from: the model's kind, period, metric, grouping and rule version, and the pack's figures. */
function closeBasis(model: ReportModel, current: readonly Figure[]) {
  return {
    kind: model.kind,
    period: model.period,
    metric: model.metric,
    groupedBy: model.groupedBy,
    ruleVersion: model.allocation?.ruleVersion ?? null,
    figures: current,
  }
}

/** The changes CSV of a pack named `prefix`. */
export const changesFileName = (prefix: string): string => `${prefix}-changes-since-close.csv`

/** Figures of the pack (`current`: per target and currency) → fingerprints, changes, CSV. */
export async function packCloseFacts(
  ws: Workspace,
  model: ReportModel,
  current: readonly Figure[],
  prefix: string,
  outDir: string,
): Promise<PackCloseFacts> {
  const basis = closeBasis(model, current)
  const fingerprints = await packFingerprints(ws, basis)
  const changes = await changesSinceClose(ws, basis)
  const name = changesFileName(prefix)
  const path = join(outDir, name)
  const files: PackCloseFacts['files'] = []
  if (changes) {
    await writeFile(path, changesCsv(changes), 'utf8')
    const [info, sha256] = await Promise.all([stat(path), sha256File(path)])
    files.push({ path: name, kind: 'changes-csv', bytes: info.size, sha256 })
  } else if (existsSync(path)) {
    // An earlier pack of this month in the folder was reopened; this one is not: no stale file.
    await rm(path)
  }
  return {
    fingerprints,
    changes,
    files,
    manifest: {
      dataFingerprint: fingerprints.data,
      allocationFingerprint: fingerprints.allocation,
      changesSinceClose: changes,
    },
  }
}

/** Records the written pack (a read-only workspace records nothing). */
export async function recordPackExport(
  ws: Workspace,
  model: ReportModel,
  current: readonly Figure[],
  facts: PackCloseFacts,
  files: readonly PackRecordFile[],
): Promise<void> {
  if (ws.readOnly) return
  await recordPack(
    ws,
    {
      ...closeBasis(model, current),
      files: files.map((f) => ({ path: f.path, kind: f.kind, bytes: f.bytes, sha256: f.sha256 })),
    },
    facts.fingerprints,
  )
}

/** The "Changes since close" CSV: a header block stating the close and reopen, then one row per cost center and currency. */
export function changesCsv(changes: ChangesSinceClose): string {
  const rows: Array<Array<string | null>> = [
    ['Changes since close', changes.period, null, null, null],
    ['Closed', changes.closedAt, changes.closedBy, changes.closeNote, null],
    ['Reopened', changes.reopenedAt, null, changes.reopenNote, null],
  ]
  if (!changes.comparable) rows.push(['Not compared', changes.reason, null, null, null])
  rows.push(['Cost center', 'Currency', 'Closed', 'Now', 'Change'])
  for (const l of changes.lines) rows.push([l.target, l.currency, l.closed, l.now, l.delta])
  for (const t of changes.totals) rows.push(['Total', t.currency, t.closed, t.now, t.delta])
  // A plain number (an amount, a negative change) is written as it is: a formula guard would
  // turn "-12.5" into text; anything else gets the guard (csv.ts csvField).
  const cell = (c: string | null): string => csvField(c, !/^-?\d+(\.\d+)?$/.test(c ?? ''))
  return rows.map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n'
}
