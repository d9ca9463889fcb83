/**
 * The diagnostics export (issue 11): a ZIP to send when asking for help, with versions,
 * counts and the local log, and no client data (electron/core/carry/diagnostics.ts).
 */
import { Button, Group, Text } from '@mantine/core'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { downloadExport } from '../explore/grid-export'

/** "Diagnostics for support" with what it holds. */
export function DiagnosticsButton() {
  const task = useAppStore((s) => s.carry.diagnosticsTask)
  const diagnostics = useAppStore((s) => s.diagnostics)
  return (
    <Group gap="sm" align="center">
      <Button
        variant="default"
        size="xs"
        loading={task.status === 'running'}
        onClick={() =>
          void diagnostics().then((file) => {
            if (file) downloadExport(file)
          })
        }
        data-testid="diagnostics-export"
      >
        Diagnostics for support
      </Button>
      <Text size="xs" c="dimmed">
        Versions, counts and the app&apos;s log; no names of accounts, no costs, no tags.
      </Text>
      {task.status === 'failed' && task.error ? <ErrorAlert error={task.error} /> : null}
    </Group>
  )
}
