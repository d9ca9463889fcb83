/** The handlers of COMMITMENT_RATE_CHANNELS (shared/contract/commitment-rates.ts). */
import type { FocalApi } from '../../shared/contract'
import type { COMMITMENT_RATE_CHANNELS } from '../../shared/contract/commitment-rates'
import { readCommitmentRates } from './commitments/commitment-rates'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type CommitmentRateChannel = keyof typeof COMMITMENT_RATE_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createCommitmentServices(
  workspace: () => Workspace,
): Pick<FocalApi, CommitmentRateChannel> {
  return {
    // Read-only: the figures are sums of the focus view, so nothing is audited. Async, so
    // "no workspace" is a rejected call the host turns into a failure, never a throw.
    'commitments:rates': async (request) => readCommitmentRates(workspace(), request),
  }
}
