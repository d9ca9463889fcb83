/**
 * Explore runs a changed pivot from the store's own change notification (issue 9: click to
 * figures on screen < 300 ms): the request leaves inside the click, while React renders the
 * change, instead of after that render and its effects. Typed text still waits for a pause
 * and a click runs at once (run-policy.ts); a change of the chart kind alone runs nothing,
 * since it is not part of the query.
 */
import { querySpecKey } from './pivot-run'
import type { RunScheduler } from './run-policy'
import type { AppState, AppStore } from './store'

/** True when the pivot being edited is a typed change, whose run waits for the typing to pause. */
export function typingNow(state: AppState): boolean {
  return state.typedSpec !== null && state.typedSpec === state.spec
}

/** Tells `scheduler` of every change of the pivot's query while a workspace is open; returns the unsubscribe. */
export function watchPivotQuery(store: AppStore, scheduler: RunScheduler): () => void {
  return store.subscribe((state, previous) => {
    if (!state.workspace || state.spec === previous.spec) return
    if (querySpecKey(state.spec) === querySpecKey(previous.spec)) return
    scheduler.change(typingNow(state))
  })
}
