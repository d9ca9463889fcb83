/** The state of the cost-debt backlog tab. */
import type { StateCreator } from 'zustand'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** State and actions of the cost-debt backlog tab. */
export type BacklogSlice = Record<never, never>

/** Creates the slice over a transport. */
export function createBacklogSlice(
  _api: FocalTransport,
): StateCreator<AppState, [], [], BacklogSlice> {
  return () => ({})
}
