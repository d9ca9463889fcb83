/** The handlers of COMPLIANCE_CHANNELS (shared/contract/compliance.ts). */
import type { FocalApi } from '../../shared/contract'
import type { COMPLIANCE_CHANNELS } from '../../shared/contract/compliance'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type ComplianceChannel = keyof typeof COMPLIANCE_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createComplianceServices(
  _workspace: () => Workspace,
): Pick<FocalApi, ComplianceChannel> {
  return {}
}
