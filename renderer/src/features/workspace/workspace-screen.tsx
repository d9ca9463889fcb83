/** The first screen: open the sample, or create/open a workspace by name. */
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { CreateSealedForm } from './create-sealed-form'
import { CreateWorkspaceForm } from './create-workspace-form'
import { DiagnosticsButton } from './diagnostics-button'
import { EmbedSourcesSwitch } from './embed-sources-switch'
import { EncryptForm } from './encrypt-form'
import { EncryptedList } from './encrypted-list'
import { RecentList } from './recent-list'
import { SaveAsForm } from './save-as-form'
import { WorkspaceList } from './workspace-list'

/** Workspace chooser. */
export function WorkspaceScreen() {
  const appInfo = useAppStore((s) => s.appInfo)
  const workspace = useAppStore((s) => s.workspace)
  const task = useAppStore((s) => s.sessionTask)
  const openSample = useAppStore((s) => s.openSample)
  const busy = task.status === 'running'
  return (
    <Stack gap="lg" maw={1080}>
      <div>
        <Title order={2}>Workspace</Title>
        <Text c="dimmed">
          A workspace is one file holding the billing data you load, its import log and your views.
        </Text>
      </div>
      {task.status === 'failed' && task.error ? <ErrorAlert error={task.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper>
          <Stack gap="sm" h="100%" justify="space-between">
            <div>
              <Group gap="xs">
                <Title order={4}>Try it with sample data</Title>
                <Badge variant="light">1,000 rows</Badge>
              </Group>
              <Text size="sm" c="dimmed" mt={4}>
                Opens a scratch workspace with a small FOCUS export already loaded, so you can
                explore right away. Nothing you do there touches your own workspaces.
              </Text>
            </div>
            <Button
              size="lg"
              onClick={() => void openSample()}
              loading={busy}
              disabled={appInfo?.sampleAvailable === false}
              data-testid="open-sample"
            >
              Open sample data
            </Button>
            {appInfo?.sampleAvailable === false ? (
              <Text size="xs" c="dimmed">
                This build ships without the sample file.
              </Text>
            ) : null}
          </Stack>
        </Paper>
        <Paper>
          <CreateWorkspaceForm busy={busy} />
        </Paper>
      </SimpleGrid>
      {/* Save as and Encrypt would write a sealed workspace's plaintext to disk; the core refuses them too. */}
      {workspace && !workspace.sealed ? (
        <Paper>
          <SaveAsForm />
        </Paper>
      ) : null}
      {workspace && !workspace.sealed ? (
        <Paper>
          <EncryptForm />
        </Paper>
      ) : null}
      {workspace ? (
        <Paper>
          <EmbedSourcesSwitch />
        </Paper>
      ) : null}
      <RecentList busy={busy} openName={workspace?.scratch ? null : (workspace?.name ?? null)} />
      <Paper>
        <WorkspaceList
          busy={busy}
          openName={workspace?.scratch ? null : (workspace?.name ?? null)}
        />
      </Paper>
      <Paper>
        <EncryptedList busy={busy} />
      </Paper>
      <Paper>
        <CreateSealedForm busy={busy} />
      </Paper>
      <DiagnosticsButton />
    </Stack>
  )
}
