/**
 * Presentation mode on tag compliance: a policy names real values (allowed tag values, the
 * accounts in scope, a pattern over real values), so the report is read on a plain reader
 * (compliance-report.ts, owner-csv.ts) and masked on the way out here: owners, accounts,
 * resources, wrong values and the policy itself. An owner or a draft policy sent back with
 * aliases is made real first. Saving a policy is refused while the mode is on: the screen's
 * policy holds aliases, which would never match a row once the mode is off.
 */
import type { CompliancePolicy } from '../../../shared/compliance/policy'
import { fail } from '../../../shared/contract'
import type { ComplianceReport, ComplianceResource } from '../../../shared/contract/compliance'
import { NO_VALUE } from '../compliance/compliance-report'
import type { Workspace } from '../workspace/workspace'
import { isMasked } from './presentation-mode'
import { maskValue, unmaskValue } from './mask-values'
import { maskTexts } from './mask-text'

/** Refuses a change to the tag policy while the mode is on, saying what to do. */
export function refusePolicyChange(ws: Workspace): void {
  if (isMasked(ws))
    fail('BAD_REQUEST', 'Turn presentation mode off to change the tag policy.', {
      hint: 'The policy is kept with real tag values and accounts, which presentation mode hides. Switch Present off, change the policy, then switch it on again.',
    })
}

const owned = (ws: Workspace, ownerKey: string, value: string): string =>
  value === NO_VALUE ? value : maskValue(ws, `tag:${ownerKey}`, value)

/** `resources` as the mode shows them. */
export function maskResources(
  ws: Workspace,
  resources: readonly ComplianceResource[],
  ownerKey: string,
): ComplianceResource[] {
  if (!isMasked(ws)) return [...resources]
  return resources.map((r) => ({
    ...r,
    resourceId: maskValue(ws, 'ResourceId', r.resourceId),
    resourceName: maskValue(ws, 'ResourceName', r.resourceName),
    account: maskValue(ws, 'SubAccountId', r.account),
    owner: owned(ws, ownerKey, r.owner),
    wrong: r.wrong.map((w) => ({
      ...w,
      values: w.values.map((v) => maskValue(ws, `tag:${w.key}`, v)),
    })),
  }))
}

/** `policy` as the mode shows it: stored values of its tags and accounts as their aliases. */
async function maskPolicy(ws: Workspace, policy: CompliancePolicy): Promise<CompliancePolicy> {
  const accounts = await maskTexts(ws, policy.scope.accounts)
  return {
    ...policy,
    keys: policy.keys.map((k) =>
      k.values ? { ...k, values: k.values.map((v) => maskValue(ws, `tag:${k.key}`, v)) } : k,
    ),
    scope: { ...policy.scope, accounts },
  }
}

/** `report` as the mode shows it (itself when the mode is off). */
export async function maskReport(
  ws: Workspace,
  report: ComplianceReport,
): Promise<ComplianceReport> {
  if (!isMasked(ws)) return report
  const { ownerKey } = report.policy
  return {
    ...report,
    policy: await maskPolicy(ws, report.policy),
    byOwner: report.byOwner.map((g) => ({ ...g, group: owned(ws, ownerKey, g.group) })),
    byAccount: report.byAccount.map((g) => ({
      ...g,
      group: g.group === NO_VALUE ? g.group : maskValue(ws, 'SubAccountId', g.group),
      label: maskValue(ws, 'SubAccountName', g.label),
    })),
    resources: maskResources(ws, report.resources, ownerKey),
  }
}

/** The real owner of an owner the screen named by its alias. */
export async function realOwner(ws: Workspace, ownerKey: string, owner: string): Promise<string> {
  if (!isMasked(ws) || owner === NO_VALUE) return owner
  return (await unmaskValue(ws, `tag:${ownerKey}`, owner)) ?? owner
}

/** A draft policy sent from the masked screen, its aliases made real (other values kept). */
export async function realPolicy(
  ws: Workspace,
  policy: CompliancePolicy,
): Promise<CompliancePolicy> {
  if (!isMasked(ws)) return policy
  const real = async (dimension: string, value: string): Promise<string> =>
    (await unmaskValue(ws, dimension, value)) ?? value
  const account = async (value: string): Promise<string> =>
    value.startsWith('acct-')
      ? real('SubAccountId', value)
      : value.startsWith('account-')
        ? real('SubAccountName', value)
        : value
  return {
    ...policy,
    keys: await Promise.all(
      policy.keys.map(async (k) =>
        k.values
          ? { ...k, values: await Promise.all(k.values.map((v) => real(`tag:${k.key}`, v))) }
          : k,
      ),
    ),
    scope: { ...policy.scope, accounts: await Promise.all(policy.scope.accounts.map(account)) },
  }
}
