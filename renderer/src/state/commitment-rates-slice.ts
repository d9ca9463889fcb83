/** The state of the commitments tab. */
import type { StateCreator } from 'zustand'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** State and actions of the commitments tab. */
export type CommitmentRatesSlice = Record<never, never>

/** Creates the slice over a transport. */
export function createCommitmentRatesSlice(
  _api: FocalTransport,
): StateCreator<AppState, [], [], CommitmentRatesSlice> {
  return () => ({})
}
