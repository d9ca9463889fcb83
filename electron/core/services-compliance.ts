/**
 * The tag compliance channels (shared/contract/compliance.ts): the policy in force, saving
 * or importing one (a JSON file uploaded as its name and text, never a path), a period's
 * report, and one owner's resources to fix as CSV text. Saves are audited (policy-store.ts).
 */
import type { FocalApi } from '../../shared/contract'
import type { ComplianceRequest, COMPLIANCE_CHANNELS } from '../../shared/contract/compliance'
import { parsePolicyJson } from '../../shared/compliance/policy-file'
import { complianceReport, type ComplianceInput } from './compliance/compliance-report'
import { ownerCsvName, ownerCsvText, resourcesToFix } from './compliance/owner-csv'
import {
  checkCompliancePolicy,
  readCompliancePolicy,
  saveCompliancePolicy,
} from './compliance/policy-store'
import { statedMasked } from './presentation/mask-backlog'
import {
  maskReport,
  maskResources,
  realOwner,
  realPolicy,
  refusePolicyChange,
} from './presentation/mask-compliance'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type ComplianceChannel = keyof typeof COMPLIANCE_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createComplianceServices(
  workspace: () => Workspace,
): Pick<FocalApi, ComplianceChannel> {
  return {
    'compliance:policy': async () => readCompliancePolicy(workspace()),
    // Presentation mode: read real, answered masked, no policy saved (mask-compliance.ts).
    'compliance:savePolicy': async ({ policy }) => {
      const ws = workspace()
      refusePolicyChange(ws)
      return saveCompliancePolicy(ws, policy, 'edited')
    },
    'compliance:importPolicy': async ({ fileName, text }) => {
      const ws = workspace()
      refusePolicyChange(ws)
      return saveCompliancePolicy(ws, parsePolicyJson(text, fileName), fileName, fileName)
    },
    'compliance:report': async (request) => {
      const ws = workspace()
      return maskReport(ws, await complianceReport(ws, await inputOf(ws, request)))
    },
    'compliance:ownerCsv': async (request) => {
      const ws = workspace()
      const input = { ...(await inputOf(ws, request)), period: request.period }
      const owner = await realOwner(ws, input.policy.ownerKey, request.owner)
      const resources = await resourcesToFix(ws, input, owner)
      const shown = maskResources(ws, resources, input.policy.ownerKey)
      return {
        fileName: ownerCsvName(request.period, request.owner),
        text: statedMasked(ws, ownerCsvText(shown, input.metric)),
        resources: resources.length,
      }
    },
  }
}

// A draft policy is measured as sent (checked first); otherwise the stored one.
async function inputOf(ws: Workspace, request: ComplianceRequest): Promise<ComplianceInput> {
  const base = { period: request.period ?? null, metric: request.metric ?? 'BilledCost' } as const
  if (request.policy) {
    const policy = await realPolicy(ws, request.policy)
    await checkCompliancePolicy(ws, policy)
    return { ...base, policy, policySource: 'draft', policyVersion: null }
  }
  const stored = await readCompliancePolicy(ws)
  return {
    ...base,
    policy: stored.policy,
    policySource: stored.version === null ? 'default' : 'stored',
    policyVersion: stored.version,
  }
}
