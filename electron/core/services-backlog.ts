/**
 * The handlers of BACKLOG_CHANNELS (shared/contract/backlog.ts): the cost-debt backlog's items,
 * candidates from the data (accepted by key: the page never sends a candidate's content),
 * realized savings with the burn-down, and the list as CSV text for a download.
 */
import type { FocalApi } from '../../shared/contract'
import type { BACKLOG_CHANNELS } from '../../shared/contract/backlog'
import { acceptCandidate } from './backlog/accept-candidate'
import { backlogCsv } from './backlog/backlog-csv'
import { addItem, listItems, updateItem } from './backlog/backlog-items'
import { listCandidates } from './backlog/candidates'
import { realizedSavings } from './backlog/realized-savings'
import {
  maskItems,
  maskRealized,
  refuseBacklogChange,
  statedMasked,
} from './presentation/mask-backlog'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type BacklogChannel = keyof typeof BACKLOG_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createBacklogServices(workspace: () => Workspace): Pick<FocalApi, BacklogChannel> {
  return {
    // Presentation mode: items go out masked and no change is taken (mask-backlog.ts).
    'backlog:list': async () => {
      const ws = workspace()
      return { items: await maskItems(ws, await listItems(ws)) }
    },
    'backlog:add': async (input) => {
      const ws = workspace()
      refuseBacklogChange(ws)
      return addItem(ws, input)
    },
    'backlog:update': async (update) => {
      const ws = workspace()
      refuseBacklogChange(ws)
      return updateItem(ws, update)
    },
    'backlog:candidates': async (request) => listCandidates(workspace(), request),
    'backlog:accept': async ({ key, owner, ...request }) => {
      const ws = workspace()
      refuseBacklogChange(ws)
      return acceptCandidate(ws, key, owner, request)
    },
    'backlog:realized': async (request) => {
      const ws = workspace()
      return maskRealized(ws, await realizedSavings(ws, request))
    },
    'backlog:csv': async () => {
      const ws = workspace()
      const text = backlogCsv(await maskItems(ws, await listItems(ws)))
      return { fileName: 'focal-backlog.csv', text: statedMasked(ws, text) }
    },
  }
}
