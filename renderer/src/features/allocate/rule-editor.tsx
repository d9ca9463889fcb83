/** The editor of one rule, in a modal: id, description, conditions, target. */
import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core'
import type { Pool, Rule } from '../../../../shared/allocate/rule-set'
import { ConditionList } from './condition-list'
import { TargetInput } from './target-input'

/** Edits `rule` in place through `onChange`; closes with `onClose`. */
export function RuleEditor({
  rule,
  position,
  pools,
  onChange,
  onClose,
}: {
  rule: Rule | null
  position: number
  pools: readonly Pool[]
  onChange: (rule: Rule) => void
  onClose: () => void
}) {
  return (
    <Modal
      opened={rule !== null}
      onClose={onClose}
      size={1000}
      title={<Title order={4}>Rule #{position + 1}</Title>}
      data-testid="rule-editor"
    >
      {rule ? (
        <Stack gap="md">
          <Group gap="sm" align="flex-end">
            <TextInput
              label="Id"
              size="xs"
              w={200}
              value={rule.id}
              onChange={(e) => onChange({ ...rule, id: e.currentTarget.value })}
            />
            <TextInput
              label="Description"
              size="xs"
              style={{ flex: 1 }}
              value={rule.description ?? ''}
              onChange={(e) =>
                onChange({ ...rule, description: e.currentTarget.value || undefined })
              }
              placeholder="Why this rule exists"
            />
          </Group>
          <div>
            <Text size="sm" fw={600} mb={4}>
              When all of these hold
            </Text>
            <ConditionList
              conditions={rule.when}
              onChange={(when) => onChange({ ...rule, when })}
            />
          </div>
          <div>
            <Text size="sm" fw={600} mb={4}>
              Then the cost goes to
            </Text>
            <TargetInput
              target={rule.then}
              pools={pools}
              onChange={(then) => onChange({ ...rule, then })}
            />
          </div>
          <Text size="xs" c="dimmed">
            Rules are tried in order; a row takes the first rule that matches. A column, tag or
            mapping target that is empty for a row lets it fall through to the next rule. What no
            rule takes lands in Unallocated.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}
