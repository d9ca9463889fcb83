/**
 * The export per owner (issue 13): one CSV per owner of the resources to fix in a period,
 * each with its non-compliant cost and which required keys are missing or carry a value the
 * policy does not allow. The Compliance tab downloads one owner's CSV; `focal tags compliance
 * --out <folder>` writes one CSV per owner into the folder.
 */
import type { ComplianceResource } from '../../../shared/contract/compliance'
import { csvField } from '../report/csv'
import { slugify, uniqueSlugs } from '../report/file-names'
import { plainReader } from '../presentation/presentation-mode'
import type { Workspace } from '../workspace/workspace'
import { complianceRowsSql, resourcesSql } from './compliance-sql'
import { loadTagResolver } from '../tags/tag-policy'
import { NO_VALUE, query, resourceOf, rowsPlan, type ComplianceInput } from './compliance-report'

/** Every resource to fix in `input.period` (must be set), or only `owner`'s ("(none)": rows without one). */
export async function resourcesToFix(
  ws: Workspace,
  input: ComplianceInput & { period: string },
  owner: string | null,
): Promise<ComplianceResource[]> {
  // Real values whatever the mode: the policy names them (presentation/mask-compliance.ts).
  const connection = await plainReader(ws)
  try {
    const resolve = await loadTagResolver(ws, connection)
    const rows = complianceRowsSql(rowsPlan(input, resolve, input.period))
    const params = [...rows.params]
    const which =
      owner === null
        ? null
        : owner === NO_VALUE
          ? { none: true as const }
          : { placeholder: `$${params.push(owner)}` }
    const sql = resourcesSql(rows.sql, input.policy.keys.length, which, null)
    return (await query(ws, connection, sql, params)).map((r) => resourceOf(r, input.policy))
  } finally {
    connection.closeSync()
  }
}

/** The CSV text of `resources` (RFC 4180, CRLF); the cost column is named after the metric. */
export function ownerCsvText(
  resources: readonly ComplianceResource[],
  metric: ComplianceInput['metric'],
): string {
  const header = [
    'Owner',
    'ResourceId',
    'ResourceName',
    'ServiceName',
    'SubAccountId',
    'BillingCurrency',
    `NonCompliant${metric}`,
    'Rows',
    'MissingKeys',
    'WrongKeys',
  ]
  const lines = resources.map((r) =>
    [
      csvField(r.owner),
      csvField(r.resourceId),
      csvField(r.resourceName),
      csvField(r.service),
      csvField(r.account),
      csvField(r.currency),
      csvField(r.cost, false),
      csvField(r.rows, false),
      csvField(r.missing.join('; ')),
      csvField(r.wrong.map((w) => `${w.key}=${w.values.join('|')}`).join('; ')),
    ].join(','),
  )
  return [header.join(','), ...lines].join('\r\n') + '\r\n'
}

/** The file name of one owner's CSV. */
export function ownerCsvName(period: string, owner: string): string {
  return `tag-compliance-${period}-${slugify(owner === NO_VALUE ? 'no-owner' : owner)}.csv`
}

/** One file per owner: its name (unique, file-system safe) and text, owners in code-point order. */
export function ownerCsvFiles(
  resources: readonly ComplianceResource[],
  period: string,
  metric: ComplianceInput['metric'],
): Array<{ owner: string; fileName: string; text: string; resources: number }> {
  const byOwner = new Map<string, ComplianceResource[]>()
  for (const r of resources) byOwner.set(r.owner, [...(byOwner.get(r.owner) ?? []), r])
  const owners = [...byOwner.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const slugs = uniqueSlugs(owners.map((o) => (o === NO_VALUE ? 'no-owner' : o)))
  return owners.map((owner, i) => {
    const mine = byOwner.get(owner) ?? []
    return {
      owner,
      fileName: `tag-compliance-${period}-${slugs[i]}.csv`,
      text: ownerCsvText(mine, metric),
      resources: mine.length,
    }
  })
}
