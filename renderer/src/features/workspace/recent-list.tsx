/**
 * The Recent list (issue 11): the last ten workspaces opened, newest first, with when and
 * their size; a workspace whose file has gone is marked and can be removed. "Show in folder"
 * says where the file is (the person's own machine: the folder path as text).
 */
import { Badge, Button, Code, Group, Paper, Table, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { formatBytes } from '../../components/amount'
import { useAppStore } from '../../state/store-context'
import { formatUtcTime } from '../../../../shared/dates'

/** Recently opened workspaces. */
export function RecentList({ busy, openName }: { busy: boolean; openName: string | null }) {
  const recent = useAppStore((s) => s.carry.recent)
  const location = useAppStore((s) => s.carry.location)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const loadRecent = useAppStore((s) => s.loadRecent)
  const forgetRecent = useAppStore((s) => s.forgetRecent)
  const locate = useAppStore((s) => s.locate)
  const openWorkspace = useAppStore((s) => s.openWorkspace)
  useEffect(() => {
    void loadRecent()
  }, [loadRecent, dataVersion])
  if (recent.length === 0) return null
  return (
    <Paper>
      <Title order={4} mb="sm">
        Recent
      </Title>
      <Table verticalSpacing="xs" highlightOnHover data-testid="recent-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th>Last opened</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recent.map((entry) => (
            <Table.Tr key={entry.name} data-testid="recent-row" data-name={entry.name}>
              <Table.Td fw={500}>
                <Group gap="xs">
                  {entry.name}
                  {entry.missing ? (
                    <Badge color="orange" variant="light">
                      File missing
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td ta="right" className="amount">
                {entry.sizeBytes === null ? '—' : formatBytes(entry.sizeBytes)}
              </Table.Td>
              <Table.Td>{formatUtcTime(entry.openedAt)}</Table.Td>
              <Table.Td ta="right">
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {entry.missing ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => void forgetRecent(entry.name)}
                    >
                      Remove from list
                    </Button>
                  ) : (
                    <>
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`Show ${entry.name} in folder`}
                        onClick={() => void locate(entry.name)}
                      >
                        Show in folder
                      </Button>
                      <Button
                        size="xs"
                        variant={entry.name === openName ? 'filled' : 'default'}
                        disabled={busy || entry.name === openName}
                        onClick={() => void openWorkspace(entry.name)}
                      >
                        {entry.name === openName ? 'Open now' : 'Open'}
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {location ? (
        <Text size="sm" mt="xs" data-testid="workspace-location">
          <Code>{location.fileName}</Code> is in <Code>{location.folder}</Code>
        </Text>
      ) : null}
    </Paper>
  )
}
