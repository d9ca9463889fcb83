/** The handlers of ANOMALY_CHANNELS (shared/contract/anomalies.ts): the scan, a series' chart, a state change and the settings. */
import type { FocalApi } from '../../shared/contract'
import type { ANOMALY_CHANNELS } from '../../shared/contract/anomalies'
import { anomalySeries, scanAnomalies } from './anomalies/anomaly-scan'
import { readSettings, setAnomalyState, writeSettings } from './anomalies/anomaly-states'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type AnomalyChannel = keyof typeof ANOMALY_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createAnomalyServices(workspace: () => Workspace): Pick<FocalApi, AnomalyChannel> {
  return {
    'anomalies:scan': (request) => scanAnomalies(workspace(), request),
    'anomalies:series': (request) => anomalySeries(workspace(), request),
    'anomalies:setState': (request) => setAnomalyState(workspace(), request),
    'anomalies:settings': async (request) => {
      const ws = workspace()
      return Object.keys(request).length ? writeSettings(ws, request) : readSettings(ws)
    },
  }
}
