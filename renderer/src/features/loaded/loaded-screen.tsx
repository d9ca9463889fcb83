/** "What's loaded": what the workspace holds, and every file that went into it. */
import { Button, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { LoadedIcon } from '../../components/icons'
import { NeedWorkspace } from '../../components/need-workspace'
import { workspaceTitle } from '../../state/session-slice'
import { useAppStore } from '../../state/store-context'
import { CommitmentsLine } from './commitments-line'
import { ImportRegistry } from './import-registry'
import { LoadedTable } from './loaded-table'

/** The loaded screen. */
export function LoadedScreen() {
  const workspace = useAppStore((s) => s.workspace)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const loadedVersion = useAppStore((s) => s.loadedVersion)
  const task = useAppStore((s) => s.loadedTask)
  const rows = useAppStore((s) => s.loadedRows)
  const imports = useAppStore((s) => s.imports)
  const commitments = useAppStore((s) => s.commitments)
  const refresh = useAppStore((s) => s.refreshLoaded)
  const navigate = useAppStore((s) => s.navigate)
  const stale = loadedVersion !== dataVersion

  useEffect(() => {
    if (workspace && stale && task.status !== 'running') void refresh()
  }, [workspace, stale, task.status, refresh])

  if (!workspace) return <NeedWorkspace what="see what is loaded" />
  if (stale || task.status === 'running') return <Loader m="xl" />
  return (
    <Stack gap="lg" maw={1280}>
      <div>
        <Title order={2}>What's loaded</Title>
        <Text c="dimmed">
          Cost in {workspaceTitle(workspace)} by billing period, provider, billing account and
          currency.
        </Text>
      </div>
      {task.error ? <ErrorAlert error={task.error} /> : null}
      <Paper p="sm">
        {/* A workspace holding only a Contract Commitment dataset has no cost rows, but is not empty. */}
        {rows.length === 0 && !commitments?.commitments.length ? (
          <EmptyState
            icon={<LoadedIcon size={28} />}
            variant="light"
            title="Nothing loaded yet"
            description="Import billing exports and they will be summarised here."
          >
            <EmptyState.Actions>
              <Button onClick={() => navigate('import')}>Import files</Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : rows.length > 0 ? (
          <LoadedTable rows={rows} />
        ) : null}
        <CommitmentsLine list={commitments} />
      </Paper>
      <div>
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3}>Import log</Title>
            <Text size="sm" c="dimmed">
              Every attempt, including failed ones. A file is identified by its SHA-256, so the same
              file twice is recognised. Open a row for its totals, checks and fixes.
            </Text>
          </div>
        </Group>
      </div>
      <Paper p="sm">
        {imports.length === 0 ? (
          <Text size="sm" c="dimmed">
            No files imported into this workspace yet.
          </Text>
        ) : (
          <ImportRegistry imports={imports} />
        )}
      </Paper>
    </Stack>
  )
}
