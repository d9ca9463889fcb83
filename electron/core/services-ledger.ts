/** The handlers of LEDGER_CHANNELS (shared/contract/ledger.ts): the weekly cost ledger. */
import type { FocalApi } from '../../shared/contract'
import type { LEDGER_CHANNELS } from '../../shared/contract/ledger'
import { explainMover, signOffMover } from './ledger/explanations'
import { exportLedger } from './ledger/ledger-export'
import { ownerDimension } from './ledger/ledger-dimension'
import { ledgerWeek } from './ledger/ledger-week'
import { readSignOff, writeSignOff } from './ledger/sign-off-setting'
import { ledgerWeeks } from './ledger/week-request'
import { realMover } from './presentation/mask-ledger'
import { maskedNotice } from './presentation/presentation-mode'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type LedgerChannel = keyof typeof LEDGER_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createLedgerServices(workspace: () => Workspace): Pick<FocalApi, LedgerChannel> {
  return {
    'ledger:weeks': async () => {
      const ws = workspace()
      return { ...(await ledgerWeeks(ws)), ownerDimension: await ownerDimension(ws) }
    },
    'ledger:week': async (request) => ledgerWeek(workspace(), request),
    // Presentation mode: a mover named by its alias is stored under its real value.
    'ledger:explain': async (request) => {
      const ws = workspace()
      return explainMover(ws, await realMover(ws, request))
    },
    'ledger:signoff': async (request) => {
      const ws = workspace()
      return signOffMover(ws, await realMover(ws, request))
    },
    'ledger:settings': async () => readSignOff(workspace()),
    'ledger:set-settings': async (change) => writeSignOff(workspace(), change),
    'ledger:export': async ({ format, ...request }) => {
      const ws = workspace()
      return exportLedger(await ledgerWeek(ws, request), format, maskedNotice(ws))
    },
  }
}
