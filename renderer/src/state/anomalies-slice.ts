/** The state of the anomalies tab. */
import type { StateCreator } from 'zustand'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** State and actions of the anomalies tab. */
export type AnomaliesSlice = Record<never, never>

/** Creates the slice over a transport. */
export function createAnomaliesSlice(
  _api: FocalTransport,
): StateCreator<AppState, [], [], AnomaliesSlice> {
  return () => ({})
}
