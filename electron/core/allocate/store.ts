/**
 * Allocation state in the workspace: rule-set versions (every change a new
 * version with time, author and note), imported mapping tables (e.g. account
 * → cost center) and usage-driver tables. The tables are created on first
 * use; the DDL is meant to be folded into schema.ts by the next migration.
 */
import { createHash } from 'node:crypto'
import { fail } from '../../../shared/contract'
import { parseRuleSetText, ruleSetJson } from '../../../shared/allocate/parse-rules'
import type { RuleSet } from '../../../shared/allocate/rule-set'
import { actorName, type Workspace } from '../workspace/workspace'

/** Table of mapping rows: mapping name, key (e.g. an account id), value (e.g. a cost center). */
export const MAPPINGS_TABLE = 'allocation_mappings'

/** DDL of the allocation tables, idempotent. */
export const ALLOCATION_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS allocation_rule_versions (
    version INTEGER PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL, author VARCHAR NOT NULL,
    note VARCHAR NOT NULL, digest VARCHAR NOT NULL, rules VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS allocation_tables (
    name VARCHAR NOT NULL, kind VARCHAR NOT NULL, file_name VARCHAR, sha256 VARCHAR,
    row_count BIGINT NOT NULL, imported_at TIMESTAMPTZ NOT NULL, author VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${MAPPINGS_TABLE} (
    name VARCHAR NOT NULL, key VARCHAR NOT NULL, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS allocation_drivers (
    name VARCHAR NOT NULL, period VARCHAR, target VARCHAR NOT NULL, value DECIMAL(38,18) NOT NULL)`,
]

const TABLE_NAMES = [
  'allocation_rule_versions',
  'allocation_tables',
  MAPPINGS_TABLE,
  'allocation_drivers',
]

/** Creates the allocation tables if missing (needs a writable workspace). */
export async function ensureAllocationTables(ws: Workspace): Promise<void> {
  for (const statement of ALLOCATION_DDL) await ws.run(statement)
}

/**
 * True when the allocation tables exist. Read paths call this instead of
 * creating them, so a read-only workspace can still be allocated; for a
 * writable one the tables are created so later queries can join them.
 */
export async function hasAllocationTables(ws: Workspace): Promise<boolean> {
  if (!ws.readOnly) {
    await ensureAllocationTables(ws)
    return true
  }
  const rows = await ws.all(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE NOT temporary AND table_name IN (${TABLE_NAMES.map(() => '?').join(', ')})`,
    TABLE_NAMES,
  )
  return Number(rows[0]?.n ?? 0) === TABLE_NAMES.length
}

/** A stored rule-set version. */
export interface RuleVersion {
  readonly version: number
  readonly createdAt: string
  readonly author: string
  readonly note: string
  readonly digest: string
  readonly ruleSet: RuleSet
}

/** SHA-256 of a rule set's canonical JSON: equal rule sets have equal digests. */
export function ruleSetDigest(ruleSet: RuleSet): string {
  return createHash('sha256').update(ruleSetJson(ruleSet)).digest('hex')
}

/**
 * Saves `ruleSet` as a new version, unless it equals the latest version
 * (then nothing is written and that version is returned with created=false).
 */
export async function saveRuleVersion(
  ws: Workspace,
  ruleSet: RuleSet,
  note: string,
): Promise<{ version: number; created: boolean }> {
  if (ws.readOnly) fail('BAD_REQUEST', 'The workspace is open read-only; rules cannot be saved.')
  await ensureAllocationTables(ws)
  const digest = ruleSetDigest(ruleSet)
  const latest = await latestRuleVersion(ws)
  if (latest?.digest === digest) return { version: latest.version, created: false }
  const version = (latest?.version ?? 0) + 1
  await ws.transaction(async () => {
    await ws.run('INSERT INTO allocation_rule_versions VALUES (?, now(), ?, ?, ?, ?)', [
      version,
      actorName(),
      note,
      digest,
      ruleSetJson(ruleSet),
    ])
    await ws.audit('allocation.rules.save', `v${version}`, { note, digest })
  })
  return { version, created: true }
}

/** The latest saved version, or null when none is saved. */
export async function latestRuleVersion(ws: Workspace): Promise<RuleVersion | null> {
  return readVersion(ws, 'ORDER BY version DESC LIMIT 1', [])
}

/** One saved version by number, or null. */
export async function getRuleVersion(ws: Workspace, version: number): Promise<RuleVersion | null> {
  return readVersion(ws, 'WHERE version = ?', [version])
}

/** Every version, newest first, without the rules themselves. */
export async function listRuleVersions(ws: Workspace): Promise<Omit<RuleVersion, 'ruleSet'>[]> {
  if (!(await hasAllocationTables(ws))) return []
  const rows = await ws.all(
    `SELECT version, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, author, note, digest
     FROM allocation_rule_versions ORDER BY version DESC`,
  )
  return rows.map((r) => ({
    version: Number(r.version),
    createdAt: String(r.created_at),
    author: String(r.author),
    note: String(r.note),
    digest: String(r.digest),
  }))
}

/** The version number whose rules equal `ruleSet`, or null when it was never saved. */
export async function findRuleVersion(ws: Workspace, ruleSet: RuleSet): Promise<number | null> {
  if (!(await hasAllocationTables(ws))) return null
  const rows = await ws.all(
    'SELECT max(version) AS v FROM allocation_rule_versions WHERE digest = ?',
    [ruleSetDigest(ruleSet)],
  )
  return rows[0]?.v == null ? null : Number(rows[0].v)
}

async function readVersion(
  ws: Workspace,
  clause: string,
  values: number[],
): Promise<RuleVersion | null> {
  if (!(await hasAllocationTables(ws))) return null
  const [row] = await ws.all(
    `SELECT version, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, author, note, digest, rules
     FROM allocation_rule_versions ${clause}`,
    values,
  )
  if (!row) return null
  return {
    version: Number(row.version),
    createdAt: String(row.created_at),
    author: String(row.author),
    note: String(row.note),
    digest: String(row.digest),
    ruleSet: parseRuleSetText(String(row.rules), `rule version ${String(row.version)}`),
  }
}
