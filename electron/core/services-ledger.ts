/** The handlers of LEDGER_CHANNELS (shared/contract/ledger.ts). */
import type { FocalApi } from '../../shared/contract'
import type { LEDGER_CHANNELS } from '../../shared/contract/ledger'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type LedgerChannel = keyof typeof LEDGER_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createLedgerServices(_workspace: () => Workspace): Pick<FocalApi, LedgerChannel> {
  return {}
}
