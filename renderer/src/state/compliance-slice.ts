/** The state of the tag compliance tab. */
import type { StateCreator } from 'zustand'
import type { FocalTransport } from '../api'
import type { AppState } from './store'

/** State and actions of the tag compliance tab. */
export type ComplianceSlice = Record<never, never>

/** Creates the slice over a transport. */
export function createComplianceSlice(
  _api: FocalTransport,
): StateCreator<AppState, [], [], ComplianceSlice> {
  return () => ({})
}
