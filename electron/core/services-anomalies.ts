/** The handlers of ANOMALY_CHANNELS (shared/contract/anomalies.ts): the scan, a series' chart, a state change and the settings. */
import type { FocalApi } from '../../shared/contract'
import type { ANOMALY_CHANNELS } from '../../shared/contract/anomalies'
import { anomalySeries, scanAnomalies } from './anomalies/anomaly-scan'
import { readSettings, setAnomalyState, writeSettings } from './anomalies/anomaly-states'
import { maskScan, unmaskSeries } from './presentation/mask-anomalies'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type AnomalyChannel = keyof typeof ANOMALY_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createAnomalyServices(workspace: () => Workspace): Pick<FocalApi, AnomalyChannel> {
  return {
    // Presentation mode: answers carry aliases, and aliases sent back are made real again.
    'anomalies:scan': async (request) => {
      const ws = workspace()
      return maskScan(ws, await scanAnomalies(ws, request))
    },
    'anomalies:series': async (request) => {
      const ws = workspace()
      const values = await unmaskSeries(ws, request.by, request.values)
      return anomalySeries(ws, { ...request, values })
    },
    'anomalies:setState': async (request) => {
      const ws = workspace()
      const { key } = request
      const values = await unmaskSeries(ws, key.by, key.values)
      return setAnomalyState(ws, { ...request, key: { ...key, values } })
    },
    'anomalies:settings': async (request) => {
      const ws = workspace()
      return Object.keys(request).length ? writeSettings(ws, request) : readSettings(ws)
    },
  }
}
