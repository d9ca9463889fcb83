/**
 * The header's presentation mode switch and, while it is on, the badge every screen shows
 * (issue 11, Privacy: "stated on every page it touches"). Read again whenever another
 * workspace opens: the mode belongs to the open session and starts off.
 */
import { Badge, Switch, Tooltip } from '@mantine/core'
import { useEffect } from 'react'
import { useAppStore } from '../../state/store-context'

/** The switch and the masked badge, for the header bar. */
export function PresentationToggle() {
  const workspace = useAppStore((s) => s.workspace?.name ?? null)
  const mode = useAppStore((s) => s.presentation.mode)
  const task = useAppStore((s) => s.presentation.task)
  const load = useAppStore((s) => s.loadPresentation)
  const setMode = useAppStore((s) => s.setPresentation)
  useEffect(() => {
    if (workspace) void load()
  }, [workspace, load])
  const on = mode?.on === true
  return (
    <>
      <Tooltip
        label="Show account ids and names, resource and commitment ids and names and tag values as stable aliases on every screen and export, for sharing a screen or a file."
        multiline
        w={320}
      >
        <Switch
          size="xs"
          label="Present"
          checked={on}
          disabled={task.status === 'running' || mode === null}
          aria-busy={task.status === 'running'}
          onChange={(event) => void setMode(event.currentTarget.checked)}
          data-testid="presentation-switch"
        />
      </Tooltip>
      {task.status === 'failed' && task.error ? (
        <Tooltip label={task.error.hint ?? task.error.message} multiline w={360}>
          <Badge color="red" variant="light" size="sm" data-testid="presentation-error">
            {task.error.message}
          </Badge>
        </Tooltip>
      ) : null}
      {on ? (
        <Tooltip label={mode.notice} multiline w={360}>
          <Badge color="grape" variant="filled" size="sm" data-testid="presentation-badge">
            Presentation mode: ids and names masked
          </Badge>
        </Tooltip>
      ) : null}
    </>
  )
}
