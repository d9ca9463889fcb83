/**
 * The Commitments tab of the Savings screen: the billing period and "as of" day asked, and
 * the figures read for them (shared/contract/commitment-rates.ts). Kept under one
 * `commitmentRates` key (CONVENTIONS.md: state stays small per slice).
 */
import type { StateCreator } from 'zustand'
import type { CommitmentRates } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The commitments tab's state. */
export interface CommitmentRatesState {
  /** The billing period asked (YYYY-MM); null: the latest there is. */
  readonly period: string | null
  /** The day expiries count from (YYYY-MM-DD); null: the last charge day. */
  readonly asOf: string | null
  readonly rates: CommitmentRates | null
  readonly task: Task
}

/** State and actions of the commitments tab. */
export interface CommitmentRatesSlice {
  readonly commitmentRates: CommitmentRatesState
  /** Reads the figures of the period and "as of" day asked; errors land in the task. */
  loadCommitmentRates(): Promise<void>
  /** Asks another period (null: the latest) and reads it. */
  setCommitmentPeriod(period: string | null): Promise<void>
  /** Asks another "as of" day (null: the last charge day) and reads it. */
  setCommitmentAsOf(asOf: string | null): Promise<void>
}

/** Creates the slice over a transport. */
export function createCommitmentRatesSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], CommitmentRatesSlice> {
  return (set, get) => {
    const patch = (change: Partial<CommitmentRatesState>): void =>
      set((s) => ({ commitmentRates: { ...s.commitmentRates, ...change } }))
    const load = async (): Promise<void> => {
      const { period, asOf } = get().commitmentRates
      patch({ task: RUNNING })
      try {
        const rates = await api['commitments:rates']({ period, asOf })
        // A later request may have changed what is asked: keep only the answer to the last.
        const now = get().commitmentRates
        if (now.period === period && now.asOf === asOf) patch({ rates, task: DONE })
      } catch (cause) {
        patch({ task: failed(cause) })
      }
    }
    return {
      commitmentRates: { period: null, asOf: null, rates: null, task: IDLE },
      loadCommitmentRates: load,
      setCommitmentPeriod: async (period) => {
        patch({ period })
        await load()
      },
      setCommitmentAsOf: async (asOf) => {
        patch({ asOf })
        await load()
      },
    }
  }
}
