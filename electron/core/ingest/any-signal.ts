/**
 * One signal for an import that stops on either of two causes: a person's cancel or the
 * scan finding damaged bytes (run-import.ts, store-in-place.ts).
 */

/** A signal that aborts when either given signal does. */
export function anySignal(first: AbortSignal | undefined, second: AbortSignal): AbortSignal {
  return first ? AbortSignal.any([first, second]) : second
}
