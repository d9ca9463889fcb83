/** The state of the vendor register tab. */
import type { StateCreator } from 'zustand'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** State and actions of the vendor register tab. */
export type VendorsSlice = Record<never, never>

/** Creates the slice over a transport. */
export function createVendorsSlice(
  _api: FocalTransport,
): StateCreator<AppState, [], [], VendorsSlice> {
  return () => ({})
}
