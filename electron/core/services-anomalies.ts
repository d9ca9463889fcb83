/** The handlers of ANOMALY_CHANNELS (shared/contract/anomalies.ts). */
import type { FocalApi } from '../../shared/contract'
import type { ANOMALY_CHANNELS } from '../../shared/contract/anomalies'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type AnomalyChannel = keyof typeof ANOMALY_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createAnomalyServices(_workspace: () => Workspace): Pick<FocalApi, AnomalyChannel> {
  return {}
}
