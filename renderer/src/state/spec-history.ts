/**
 * Undo and redo of pivot changes in a session, as a pure value: the specs before the present one
 * and the ones undone since. A new change clears what was undone, as in every editor.
 */
import type { PivotSpec } from '../../../shared/pivot'

/** How many changes back undo reaches (issue 9 asks for at least 50). */
export const HISTORY_LIMIT = 100

/** Specs before the present one (oldest first), the present one, and the ones undone. */
export interface SpecHistory {
  readonly past: readonly PivotSpec[]
  readonly present: PivotSpec | null
  readonly future: readonly PivotSpec[]
}

/** A history with nothing recorded yet. */
export const EMPTY_HISTORY: SpecHistory = { past: [], present: null, future: [] }

// Specs are plain JSON (PivotSpecSchema), so their text compares them.
const same = (a: PivotSpec | null, b: PivotSpec): boolean =>
  a !== null && JSON.stringify(a) === JSON.stringify(b)

/** Records `spec` as the present one; the same spec again (an undo being applied) changes nothing. */
export function recordSpec(history: SpecHistory, spec: PivotSpec): SpecHistory {
  if (same(history.present, spec)) return history
  if (history.present === null) return { past: [], present: spec, future: [] }
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT)
  return { past, present: spec, future: [] }
}

/** One step back, or the same history when there is none. */
export function undoSpec(history: SpecHistory): SpecHistory {
  const previous = history.past.at(-1)
  if (previous === undefined || history.present === null) return history
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
  }
}

/** One undone step forward again, or the same history when there is none. */
export function redoSpec(history: SpecHistory): SpecHistory {
  const [next, ...rest] = history.future
  if (next === undefined || history.present === null) return history
  return { past: [...history.past, history.present], present: next, future: rest }
}
