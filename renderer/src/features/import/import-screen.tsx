/** Import: drop or pick files, watch them load, read what happened to each. */
import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { NeedWorkspace } from '../../components/need-workspace'
import { workspaceTitle } from '../../state/session-slice'
import { useAppStore } from '../../state/store-context'
import { DropZone } from './drop-zone'
import { ImportProgressCard } from './import-progress'
import { ImportResults } from './import-results'
import { MappingModal } from '../mapping/mapping-modal'
import { SavedMappings } from '../mapping/saved-mappings'

/** The import screen. */
export function ImportScreen() {
  const workspace = useAppStore((s) => s.workspace)
  const task = useAppStore((s) => s.importTask)
  const importFiles = useAppStore((s) => s.importFiles)
  const navigate = useAppStore((s) => s.navigate)
  if (!workspace) return <NeedWorkspace what="import files" />
  const running = task.status === 'running'
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={2}>Import</Title>
        <Text c="dimmed">
          Files are read into <b>{workspaceTitle(workspace)}</b>. The same file twice adds nothing;
          a file whose totals do not reconcile is not stored.
        </Text>
      </div>
      <DropZone onFiles={(files) => void importFiles(files)} disabled={running} />
      {running ? <ImportProgressCard /> : null}
      <ImportResults />
      <MappingModal />
      <SavedMappings />
      {task.status === 'done' || task.status === 'failed' ? (
        <Group>
          <Button variant="default" onClick={() => navigate('loaded')}>
            See what's loaded
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}
