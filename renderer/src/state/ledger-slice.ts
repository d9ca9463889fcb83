/** The state of the weekly cost ledger tab. */
import type { StateCreator } from 'zustand'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** State and actions of the weekly cost ledger tab. */
export type LedgerSlice = Record<never, never>

/** Creates the slice over a transport. */
export function createLedgerSlice(
  _api: FocalTransport,
): StateCreator<AppState, [], [], LedgerSlice> {
  return () => ({})
}
