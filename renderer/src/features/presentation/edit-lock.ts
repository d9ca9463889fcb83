/**
 * Edit buttons while presentation mode is on (issue 11, Privacy): budgets, backlog items and
 * the tag policy are kept under real values the screen no longer holds, so the engine refuses
 * every change then (budget-store.ts, mask-backlog.ts, mask-compliance.ts). A button that could
 * only fail is shown disabled, its tooltip saying why, instead of failing after the click.
 */
import { usePresenting } from './presentation-boundary'

/** Why an edit button is disabled while the mode is on. */
export const EDIT_LOCKED_TEXT = 'Turn presentation mode off to edit'

/** The props an edit button takes from the mode. */
export interface EditLockProps {
  readonly disabled: boolean
  readonly title?: string
}

/**
 * The props of an edit button: disabled, with the reason as its tooltip, while the mode is on;
 * `disabled` is the button's own condition, kept when the mode is off.
 */
export function useEditLock(): (disabled?: boolean) => EditLockProps {
  const presenting = usePresenting()
  return (disabled = false) =>
    presenting ? { disabled: true, title: EDIT_LOCKED_TEXT } : { disabled }
}
