/**
 * The canonical tag keys as a table: per key its aliases (first listed wins on a row that
 * carries two), rows and BilledCost per currency, conflicting rows, and the edits.
 */
import { Badge, Button, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core'
import type { TagCost, TagGroup } from '../../../../shared/contract'
import { Amount } from '../../components/amount'
import { useAppStore } from '../../state/store-context'
import { MergeControl, RenameControl } from './tag-group-actions'

/** A key as people can read it: quoted when spaces at its ends would otherwise be invisible. */
export function showKey(key: string): string {
  return /^\s|\s$/.test(key) ? JSON.stringify(key) : key
}

function Costs({ cost }: { cost: readonly TagCost[] }) {
  return (
    <Stack gap={0} align="flex-end">
      {cost.map((c) => (
        <Amount key={c.currency ?? ''} value={c.billed} currency={c.currency ?? ''} />
      ))}
    </Stack>
  )
}

const NUMBER = { textAlign: 'right', whiteSpace: 'nowrap' } as const
// Keys can be long ("aks-managed-consolidated-additional-properties"): they wrap anywhere rather
// than widen the table past the screen; spaces inside stay visible as written.
const KEY = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const

/** The table of canonical keys. */
export function TagGroupsTable({ groups }: { groups: readonly TagGroup[] }) {
  const edit = useAppStore((s) => s.editTags)
  const busy = useAppStore((s) => s.tags.edit.status === 'running')
  const names = groups.map((g) => g.canonical)
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" striped data-testid="tag-groups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Canonical key</Table.Th>
            <Table.Th>Aliases (original keys, in reading order)</Table.Th>
            <Table.Th style={NUMBER}>Rows</Table.Th>
            <Table.Th style={NUMBER}>BilledCost</Table.Th>
            <Table.Th>Conflicts</Table.Th>
            <Table.Th>Merge</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Table.Tr
              key={group.canonical}
              data-testid="tag-group"
              data-canonical={group.canonical}
            >
              <Table.Td style={{ maxWidth: 260 }}>
                <Group gap={4} wrap="nowrap">
                  <Text fw={600} style={KEY}>
                    {showKey(group.canonical)}
                  </Text>
                  <RenameControl group={group} disabled={busy} onRename={edit} />
                </Group>
              </Table.Td>
              <Table.Td style={{ maxWidth: 420 }}>
                <Stack gap={4}>
                  {group.aliases.map((alias) => (
                    <Group key={alias.key} gap={6} data-testid="tag-alias">
                      <Code style={KEY}>{showKey(alias.key)}</Code>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {alias.rows.toLocaleString('en-US')} {alias.rows === 1 ? 'row' : 'rows'}
                      </Text>
                      {alias.explicit ? (
                        <Badge size="xs" variant="light">
                          by hand
                        </Badge>
                      ) : null}
                      {group.aliases.length > 1 ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          disabled={busy}
                          aria-label={`Split ${showKey(alias.key)} out of ${showKey(group.canonical)}`}
                          onClick={() => void edit({ action: 'split', key: alias.key })}
                        >
                          Split
                        </Button>
                      ) : null}
                      {alias.explicit ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="gray"
                          disabled={busy}
                          aria-label={`Return ${showKey(alias.key)} to the automatic rule`}
                          onClick={() => void edit({ action: 'reset', key: alias.key })}
                        >
                          Reset
                        </Button>
                      ) : null}
                    </Group>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td style={NUMBER}>{group.rows.toLocaleString('en-US')}</Table.Td>
              <Table.Td style={NUMBER}>
                <Costs cost={group.cost} />
              </Table.Td>
              <Table.Td>
                {group.conflicts > 0 ? (
                  <Tooltip label="Rows carrying two aliases with different values: the first alias listed wins.">
                    <Badge color="orange" variant="light">
                      {group.conflicts.toLocaleString('en-US')} rows disagree
                    </Badge>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    none
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <MergeControl
                  group={group}
                  names={names}
                  disabled={busy}
                  onMerge={(into) => void edit({ action: 'merge', from: group.canonical, into })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
