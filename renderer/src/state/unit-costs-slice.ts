/** The state of the unit costs tab. */
import type { StateCreator } from 'zustand'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** State and actions of the unit costs tab. */
export type UnitCostsSlice = Record<never, never>

/** Creates the slice over a transport. */
export function createUnitCostsSlice(
  _api: FocalTransport,
): StateCreator<AppState, [], [], UnitCostsSlice> {
  return () => ({})
}
