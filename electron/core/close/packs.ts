/**
 * The packs exported from a workspace: each recorded with its kind, period,
 * files and their SHA-256s and both fingerprints, so the Reports screen and
 * `focal periods` can list them and say plainly when one no longer matches
 * the data (its data fingerprint differs from the one the data has now).
 */
import { HAS_CLOSE_TABLES_SQL, INSERT_PACK_SQL, PACK_RECORDS_SQL } from './close-sql'
import { allocationFingerprint, currentDataFingerprint, dataFingerprint } from './fingerprint'
import type { Figure } from './period-records'
import { actorName, type Workspace } from '../workspace/workspace'

/** A file of an exported pack, relative to its folder. */
export interface PackRecordFile {
  path: string
  kind: string
  bytes: number
  sha256: string
}

/** An exported pack, as recorded. */
export interface PackRecord {
  /** ISO 8601 UTC. */
  at: string
  actor: string
  kind: 'chargeback' | 'showback'
  period: string
  metric: string
  groupedBy: string
  ruleVersion: string | null
  dataFingerprint: string
  allocationFingerprint: string
  files: PackRecordFile[]
}

/** A listed pack and whether it still matches the data. */
export interface ListedPack extends PackRecord {
  current: boolean
}

/** What recordPack takes from a pack just written. */
export interface PackToRecord {
  kind: 'chargeback' | 'showback'
  period: string
  metric: string
  groupedBy: string
  ruleVersion: string | null
  figures: readonly Figure[]
  files: readonly PackRecordFile[]
}

/** A pack's data and allocation fingerprints, for its manifest and its record. */
export async function packFingerprints(
  ws: Workspace,
  pack: Omit<PackToRecord, 'files'>,
): Promise<{ data: string; allocation: string }> {
  return {
    data: await dataFingerprint(ws, pack.period, pack),
    allocation: allocationFingerprint(pack.figures),
  }
}

/** Appends the pack to exported_packs. */
export async function recordPack(
  ws: Workspace,
  pack: PackToRecord,
  fingerprints: { data: string; allocation: string },
): Promise<void> {
  await ws.run(INSERT_PACK_SQL, [
    actorName(),
    pack.kind,
    pack.period,
    pack.metric,
    pack.groupedBy,
    pack.ruleVersion,
    pack.ruleVersion !== null,
    fingerprints.data,
    fingerprints.allocation,
    JSON.stringify(pack.files),
  ])
}

/** Every recorded pack, newest first; `kind` keeps one kind only (a showback is never a chargeback). */
export async function listPacks(
  ws: Workspace,
  filter: { kind?: 'chargeback' | 'showback'; period?: string } = {},
): Promise<ListedPack[]> {
  const packs = (await readPacks(ws)).filter(
    (p) =>
      (!filter.kind || p.kind === filter.kind) && (!filter.period || p.period === filter.period),
  )
  const now = new Map<string, string>()
  const listed: ListedPack[] = []
  for (const pack of packs) {
    const key = JSON.stringify([pack.period, pack.ruleVersion, pack.groupedBy])
    const fingerprint = now.get(key) ?? (await currentDataFingerprint(ws, pack.period, pack))
    now.set(key, fingerprint)
    listed.push({ ...pack, current: fingerprint === pack.dataFingerprint })
  }
  return listed
}

/** The period's latest pack of any kind, or null. */
export async function latestPack(ws: Workspace, period: string): Promise<PackRecord | null> {
  return (await readPacks(ws)).find((p) => p.period === period) ?? null
}

async function readPacks(ws: Workspace): Promise<PackRecord[]> {
  const [has] = await ws.all(HAS_CLOSE_TABLES_SQL)
  if (Number(has?.n ?? 0) < 2) return []
  return (await ws.all(PACK_RECORDS_SQL)).map((r) => ({
    at: String(r.at),
    actor: String(r.actor),
    kind: r.kind === 'showback' ? 'showback' : 'chargeback',
    period: String(r.period),
    metric: String(r.metric),
    groupedBy: String(r.grouped_by),
    ruleVersion: r.rule_version == null ? null : String(r.rule_version),
    dataFingerprint: String(r.data_fingerprint),
    allocationFingerprint: String(r.allocation_fingerprint),
    files: JSON.parse(String(r.files)) as PackRecordFile[],
  }))
}
