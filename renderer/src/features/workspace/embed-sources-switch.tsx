/**
 * The embedded sources switch (issue 11, "Portable and versioned"): the open workspace keeps a
 * gzip copy of each file imported after it is turned on, so "Show in source" works on another
 * machine where the original file is gone. Off by default; turning it on or off is recorded in
 * the audit trail by the core (core/sources/embed-source.ts).
 */
import { Group, Stack, Switch, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { formatBytes } from '../../components/amount'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'

/** "1 file (2.3 KB compressed)" for the files already inside. */
export function embeddedSummary(files: number, bytes: number): string {
  if (files === 0) return 'No imported file is inside this workspace yet.'
  const count = `${files.toLocaleString('en-US')} ${files === 1 ? 'file' : 'files'}`
  return `${count} inside this workspace (${formatBytes(bytes)} compressed).`
}

/** The "Imported files inside the workspace" card, shown while a workspace is open. */
export function EmbedSourcesSwitch() {
  const workspace = useAppStore((s) => s.workspace)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const { state, version, task } = useAppStore((s) => s.sources)
  const loadSources = useAppStore((s) => s.loadSources)
  const setEmbedSources = useAppStore((s) => s.setEmbedSources)
  useEffect(() => {
    if (workspace && version !== dataVersion) void loadSources()
  }, [workspace, version, dataVersion, loadSources])
  if (!workspace) return null
  const running = task.status === 'running'
  return (
    <Stack gap="sm" data-testid="embed-sources" aria-busy={running || version !== dataVersion}>
      <div>
        <Title order={4}>Imported files inside the workspace</Title>
        <Text size="sm" c="dimmed" mt={4}>
          With this on, each file you import afterwards is also kept in the workspace, compressed,
          so Show in source still works on another machine where the original file is gone (the copy
          is checked against the file&apos;s SHA-256 first). The workspace grows by about the
          compressed size of each file.
        </Text>
      </div>
      {task.status === 'failed' && task.error ? (
        <ErrorAlert error={task.error} title="The setting was not changed" />
      ) : null}
      <Group justify="space-between" align="center">
        <Switch
          label="Keep a compressed copy of each imported file in the workspace"
          checked={state?.embedSources ?? false}
          disabled={state === null || running || workspace.readOnlySnapshot !== undefined}
          onChange={(event) => void setEmbedSources(event.currentTarget.checked)}
          data-testid="embed-sources-switch"
        />
        {state ? (
          <Text size="sm" data-testid="embedded-count">
            {embeddedSummary(state.files, state.bytes)}
          </Text>
        ) : null}
      </Group>
    </Stack>
  )
}
