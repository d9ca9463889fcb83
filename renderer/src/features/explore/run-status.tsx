/**
 * Where Explore's run is (issue 9: queries "can be cancelled, show progress"): a
 * spinner at once; from 300 ms on, the time it has taken, DuckDB's progress when it
 * reports one, and a Cancel button; after a cancel, says so and offers to run again.
 */
import { Badge, Button, Group, Loader, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useAppStore } from '../../state/store-context'

/** A run shorter than this shows only the spinner: a number flashing by reads as noise. */
const SHOW_AFTER_MS = 300
/** How often the elapsed time and the progress are read again. */
const TICK_MS = 250

/** The run's status beside the result summary. */
export function RunStatus() {
  const running = useAppStore((s) => s.pivotTask.status === 'running')
  const run = useAppStore((s) => s.pivotRun)
  const cancelPivot = useAppStore((s) => s.cancelPivot)
  const runPivot = useAppStore((s) => s.runPivot)
  const pivotProgress = useAppStore((s) => s.pivotProgress)
  const [now, setNow] = useState(() => Date.now())
  const [percent, setPercent] = useState<number | null>(null)
  useEffect(() => {
    setPercent(null)
    setNow(Date.now())
    if (!running) return
    let current = true
    const timer = setInterval(() => {
      setNow(Date.now())
      void pivotProgress().then((p) => current && setPercent(p))
    }, TICK_MS)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [running, run.startedAt, pivotProgress])

  if (run.cancelled) {
    return (
      <Group gap="xs" data-testid="pivot-cancelled">
        <Badge variant="light" color="gray">
          Cancelled
        </Badge>
        <Text size="sm" c="dimmed">
          the figures shown are of the pivot before
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => void runPivot()}>
          Run again
        </Button>
      </Group>
    )
  }
  if (!running || run.startedAt === null) return null
  const elapsed = Math.max(0, now - run.startedAt)
  return (
    <Group gap="xs" data-testid="pivot-running">
      <Loader size="xs" />
      {elapsed >= SHOW_AFTER_MS ? (
        <>
          <Text size="sm" c="dimmed" className="amount" data-testid="pivot-elapsed">
            {(elapsed / 1000).toFixed(1)} s{percent !== null ? ` · ${Math.floor(percent)}%` : ''}
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            color="gray"
            onClick={cancelPivot}
            data-testid="pivot-cancel"
          >
            Cancel
          </Button>
        </>
      ) : null}
    </Group>
  )
}
