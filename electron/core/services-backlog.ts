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
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type BacklogChannel = keyof typeof BACKLOG_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createBacklogServices(workspace: () => Workspace): Pick<FocalApi, BacklogChannel> {
  return {
    'backlog:list': async () => ({ items: await listItems(workspace()) }),
    'backlog:add': async (input) => addItem(workspace(), input),
    'backlog:update': async (update) => updateItem(workspace(), update),
    'backlog:candidates': async (request) => listCandidates(workspace(), request),
    'backlog:accept': async ({ key, owner, ...request }) =>
      acceptCandidate(workspace(), key, owner, request),
    'backlog:realized': async (request) => realizedSavings(workspace(), request),
    'backlog:csv': async () => ({
      fileName: 'focal-backlog.csv',
      text: backlogCsv(await listItems(workspace())),
    }),
  }
}
