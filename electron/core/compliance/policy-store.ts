/**
 * The tag policy kept in the workspace: each save is a new version (its canonical JSON,
 * when and by whom) written with its audit entry in one transaction; the latest version is
 * in force, and the default policy until one is saved.
 */
import type { PolicyState } from '../../../shared/contract/compliance'
import { fail } from '../../../shared/contract/errors'
import { canonicalJson } from '../../../shared/canonical-json'
import {
  CompliancePolicySchema,
  DEFAULT_COMPLIANCE_POLICY,
  patternProblem,
  policyMistakes,
  type CompliancePolicy,
} from '../../../shared/compliance/policy'
import { actorName, type Workspace } from '../workspace/workspace'
import { COMPLIANCE_TABLES, LATEST_POLICY_SQL } from './compliance-sql'

async function hasTable(ws: Workspace): Promise<boolean> {
  const rows = await ws.all(
    "SELECT 1 AS x FROM duckdb_tables() WHERE table_name = 'compliance_policies' AND schema_name = 'main'",
  )
  return rows.length > 0
}

/** The policy in force: the latest saved version, else the default (version null). */
export async function readCompliancePolicy(ws: Workspace): Promise<PolicyState> {
  if (!(await hasTable(ws)))
    return { policy: DEFAULT_COMPLIANCE_POLICY, version: null, savedAt: null, actor: null }
  const [row] = await ws.all(LATEST_POLICY_SQL)
  if (!row) return { policy: DEFAULT_COMPLIANCE_POLICY, version: null, savedAt: null, actor: null }
  return {
    policy: CompliancePolicySchema.parse(JSON.parse(String(row.policy))),
    version: Number(row.version),
    savedAt: String(row.saved_at),
    actor: String(row.actor),
  }
}

/**
 * Refuses a policy the schema accepts but that cannot be measured, naming each mistake and
 * its key; `file` is the display name of the file it came from. Each pattern is compiled
 * by DuckDB's own regex engine (RE2), the one that will run it.
 */
export async function checkCompliancePolicy(
  ws: Workspace,
  policy: CompliancePolicy,
  file?: string,
): Promise<void> {
  const mistakes = policyMistakes(policy)
  const connection = await ws.reader()
  try {
    for (const rule of policy.keys) {
      if (rule.pattern === undefined || patternProblem(rule.pattern) !== null) continue
      try {
        await ws.all("SELECT regexp_full_match('', $1) AS ok", [rule.pattern], connection)
      } catch (cause) {
        const why = (cause instanceof Error ? cause.message : String(cause)).replace(
          /^Invalid Input Error: /,
          '',
        )
        mistakes.push(
          `Required key "${rule.key}": the pattern ${JSON.stringify(rule.pattern)} is not a valid regular expression (${why}); fix it, e.g. gold|silver|bronze or [a-z]+-\\d+.`,
        )
      }
    }
  } finally {
    connection.closeSync()
  }
  if (mistakes.length > 0)
    fail('BAD_VALUE', `${file ? `${file}: ` : ''}${mistakes.join(' ')}`, {
      hint: 'Fix the tag policy as the message says, then try again.',
      ...(file ? { location: { file } } : {}),
    })
}

/** Saves `policy` as a new version (nothing when it equals the one in force) with an audit entry. */
export async function saveCompliancePolicy(
  ws: Workspace,
  policy: CompliancePolicy,
  source: string,
  file?: string,
): Promise<PolicyState> {
  await checkCompliancePolicy(ws, policy, file)
  const text = canonicalJson(policy)
  await ws.transaction(async () => {
    for (const ddl of COMPLIANCE_TABLES) await ws.run(ddl)
    const [latest] = await ws.all(LATEST_POLICY_SQL)
    if (latest && String(latest.policy) === text) return
    const version = latest ? Number(latest.version) + 1 : 1
    await ws.run('INSERT INTO compliance_policies VALUES ($1, $2, now(), $3)', [
      version,
      text,
      actorName(),
    ])
    await ws.audit('compliance.policy', `version ${version}`, { version, source, policy })
  })
  return readCompliancePolicy(ws)
}
