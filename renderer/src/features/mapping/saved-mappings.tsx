/** The column mappings saved in the workspace, each exportable as the file `focal import --mapping` reads. */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useAppStore } from '../../state/store-context'
import { downloadText } from './download'

/** The saved mappings card of the import screen; nothing when none is saved. */
export function SavedMappings() {
  const saved = useAppStore((s) => s.mapping.saved)
  const refresh = useAppStore((s) => s.refreshMappings)
  const exportMapping = useAppStore((s) => s.exportMapping)
  const version = useAppStore((s) => s.dataVersion)
  // Read again whenever the workspace changes (a save announces nothing, an import does).
  useEffect(() => {
    void refresh()
  }, [refresh, version])
  if (saved.length === 0) return null
  return (
    <Paper p="md" data-testid="saved-mappings">
      <Title order={5}>Saved column mappings</Title>
      <Stack gap={4} mt="xs">
        {saved.map((m) => (
          <Group key={m.name} justify="space-between" data-testid="saved-mapping">
            <div>
              <Text size="sm" fw={600}>
                {m.name}
              </Text>
              <Text size="xs" c="dimmed">
                {Object.keys(m.mapping.columns).length} columns · made for{' '}
                {m.mapping.header.join(', ')} · sha256 {m.sha256.slice(0, 12)}
              </Text>
            </div>
            <Button
              size="xs"
              variant="default"
              onClick={async () => {
                const file = await exportMapping(m.name)
                if (file) downloadText(file.fileName, file.text)
              }}
            >
              Export
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
