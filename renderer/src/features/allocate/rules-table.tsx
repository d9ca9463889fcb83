/**
 * The ordered rules of one dimension: first match wins, so order matters and
 * can be changed by dragging a row or with the arrows. Each row reads as a
 * sentence — when these conditions hold, the cost goes there.
 */
import { ActionIcon, Button, Group, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { AllocationDimension } from '../../../../shared/allocate/rule-set'
import { useAppStore } from '../../state/store-context'
import { conditionText, moveItem, newRule, targetText } from './draft-edits'
import { RuleEditor } from './rule-editor'

/** The rules table of the dimension at `index` of the draft. */
export function RulesTable({
  dimension,
  index,
}: {
  dimension: AllocationDimension
  index: number
}) {
  const editDraft = useAppStore((s) => s.editDraft)
  const [editing, setEditing] = useState<number | null>(null)
  const [dragged, setDragged] = useState<number | null>(null)
  const edit = (recipe: (d: AllocationDimension) => void): void =>
    editDraft((draft) => {
      const target = draft.dimensions[index]
      if (target) recipe(target)
    })
  const move = (from: number, to: number): void =>
    edit((d) => {
      d.rules = moveItem(d.rules, from, to)
    })
  const rules = dimension.rules
  const poolName = (id: string): string => dimension.pools.find((p) => p.id === id)?.label ?? id
  return (
    <Stack gap="sm">
      <Table verticalSpacing={6} highlightOnHover layout="fixed" data-testid="rules-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={34}>#</Table.Th>
            <Table.Th>Rule: when</Table.Th>
            <Table.Th w="28%">Then</Table.Th>
            <Table.Th w={118} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule, i) => (
            <Table.Tr
              key={`${i}-${rule.id}`}
              draggable
              onDragStart={() => setDragged(i)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => {
                if (dragged !== null && dragged !== i) move(dragged, i)
                setDragged(null)
              }}
              style={{ cursor: 'grab', opacity: dragged === i ? 0.5 : 1 }}
              data-testid="rule-row"
            >
              <Table.Td c="dimmed" fz="sm">
                {i + 1}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} truncate title={rule.description ?? rule.id}>
                  {rule.id}
                </Text>
                {rule.when.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    every remaining row
                  </Text>
                ) : (
                  rule.when.map((c, k) => (
                    <Text
                      key={k}
                      size="xs"
                      ff="monospace"
                      c="dimmed"
                      truncate
                      title={conditionText(c)}
                    >
                      {conditionText(c)}
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td>
                {rule.then.kind === 'pool' ? (
                  <div title={targetText(rule.then)}>
                    <Text size="sm" c="grape.8" fw={500} truncate>
                      {poolName(rule.then.pool)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      shared pool
                    </Text>
                  </div>
                ) : (
                  <Text size="sm" lineClamp={2} title={targetText(rule.then)}>
                    {targetText(rule.then)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={0} wrap="nowrap" justify="flex-end">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                    aria-label={`Move ${rule.id} up`}
                    title="Move up"
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={i === rules.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label={`Move ${rule.id} down`}
                    title="Move down"
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    onClick={() => setEditing(i)}
                    aria-label={`Edit ${rule.id}`}
                    title="Edit"
                  >
                    ✎
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Delete ${rule.id}`}
                    title="Delete"
                    onClick={() => edit((d) => void d.rules.splice(i, 1))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rules.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rules yet: all cost of this dimension is Unallocated.
        </Text>
      ) : null}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            edit((d) => void d.rules.push(newRule(d)))
            setEditing(rules.length)
          }}
        >
          Add rule
        </Button>
        <Text size="xs" c="dimmed">
          Drag a row, or use the arrows, to change the order.
        </Text>
      </Group>
      <RuleEditor
        rule={editing === null ? null : (rules[editing] ?? null)}
        position={editing ?? 0}
        pools={dimension.pools}
        onChange={(rule) =>
          edit((d) => void (editing !== null && d.rules.splice(editing, 1, rule)))
        }
        onClose={() => setEditing(null)}
      />
    </Stack>
  )
}
