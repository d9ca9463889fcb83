/**
 * Keeps a tab that presentation mode does not mask yet off the screen while the mode is on:
 * budgets, anomalies and unit costs read real dimension values (their stored keys are real
 * values), so showing them would put client ids in front of an audience.
 */
import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'
import { useAppStore } from '../../state/store-context'

/** Shows `children` unless presentation mode is on, then says why they are hidden. */
export function UnmaskedGuard({ what, children }: { what: string; children: ReactNode }) {
  const on = useAppStore((s) => s.presentation.mode?.on ?? false)
  if (!on) return children
  return (
    <Alert
      color="yellow"
      variant="light"
      title="Hidden in presentation mode"
      data-testid="unmasked-guard"
    >
      {what} are not masked yet, so they are hidden while presentation mode is on. Switch Present
      off to see them.
    </Alert>
  )
}
