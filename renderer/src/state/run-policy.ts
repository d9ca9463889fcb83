/**
 * When Explore runs a changed pivot (issue 9: "typing is debounced, clicks are
 * not"): a click (a choice, a toggle, undo) runs at once; typed text (a date, a
 * search, the Top N number) waits until the typing pauses, so a query does not
 * start per key. A click after typing runs at once and takes the typed change with it.
 */

/** How long typing must pause before its change runs. */
export const TYPING_PAUSE_MS = 300

/** Schedules runs of the latest spec: `change(typing)` after every change, `dispose` on unmount. */
export interface RunScheduler {
  change(typing: boolean): void
  dispose(): void
}

/** A scheduler calling `run` at once for a click and after `pauseMs` of quiet for typing. */
export function createRunScheduler(run: () => void, pauseMs = TYPING_PAUSE_MS): RunScheduler {
  let timer: ReturnType<typeof setTimeout> | null = null
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }
  return {
    change: (typing) => {
      cancel()
      if (!typing) {
        run()
        return
      }
      timer = setTimeout(() => {
        timer = null
        run()
      }, pauseMs)
    },
    dispose: cancel,
  }
}
