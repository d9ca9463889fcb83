/**
 * Reloads a tab when presentation mode switches: the tabs of Weekly review and Savings load
 * their figures when they mount, so a tab on screen while the header's Present switch flips
 * would keep showing the answer of the other mode (real values under the Masked badge).
 * Keyed by the mode, the tab mounts again and reads through the mode now on.
 */
import { Fragment, type ReactNode } from 'react'
import { useAppStore } from '../../state/store-context'

/** Mounts `children` afresh each time presentation mode switches. */
export function PresentationBoundary({ children }: { children: ReactNode }) {
  const on = useAppStore((s) => s.presentation.mode?.on ?? false)
  return <Fragment key={on ? 'masked' : 'plain'}>{children}</Fragment>
}

/** True while presentation mode is on (a tab that cannot change anything then says so). */
export function usePresenting(): boolean {
  return useAppStore((s) => s.presentation.mode?.on ?? false)
}
