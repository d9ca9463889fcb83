/** The workspaces in the data folder, newest first, each one click away. */
import { Button, Table, Text, Title } from '@mantine/core'
import { formatBytes } from '../../components/amount'
import { useAppStore } from '../../state/store-context'
import { formatUtcTime } from '../../../../shared/dates'

/** List of saved workspaces. */
export function WorkspaceList({ busy, openName }: { busy: boolean; openName: string | null }) {
  const workspaces = useAppStore((s) => s.workspaces)
  const openWorkspace = useAppStore((s) => s.openWorkspace)
  const sorted = [...workspaces].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))
  return (
    <>
      <Title order={4} mb="sm">
        Your workspaces
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          No workspaces yet. Create one above, then import your billing exports into it.
        </Text>
      ) : (
        <Table verticalSpacing="xs" highlightOnHover data-testid="workspace-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th>Last changed</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((entry) => (
              <Table.Tr key={entry.name}>
                <Table.Td fw={500}>{entry.name}</Table.Td>
                <Table.Td ta="right" className="amount">
                  {formatBytes(entry.sizeBytes)}
                </Table.Td>
                <Table.Td>{formatUtcTime(entry.modifiedAt)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant={entry.name === openName ? 'filled' : 'default'}
                    disabled={busy || entry.name === openName}
                    onClick={() => void openWorkspace(entry.name)}
                  >
                    {entry.name === openName ? 'Open now' : 'Open'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
