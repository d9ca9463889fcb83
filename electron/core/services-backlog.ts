/** The handlers of BACKLOG_CHANNELS (shared/contract/backlog.ts). */
import type { FocalApi } from '../../shared/contract'
import type { BACKLOG_CHANNELS } from '../../shared/contract/backlog'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type BacklogChannel = keyof typeof BACKLOG_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createBacklogServices(_workspace: () => Workspace): Pick<FocalApi, BacklogChannel> {
  return {}
}
