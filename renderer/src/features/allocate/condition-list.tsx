/**
 * The conditions of a rule (or of a usage driver): each a field, an operator
 * and its value; all must hold. "is one of" takes a list, "is missing" none.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core'
import type { Condition } from '../../../../shared/allocate/rule-set'
import { OPERATORS, withOperator } from './draft-edits'
import { FieldInput } from './field-input'

function ValueInput({
  condition,
  onChange,
}: {
  condition: Condition
  onChange: (c: Condition) => void
}) {
  switch (condition.op) {
    case 'equals':
    case 'prefix':
      return (
        <TextInput
          aria-label="Value"
          size="xs"
          w={200}
          value={condition.value}
          onChange={(e) => onChange({ ...condition, value: e.currentTarget.value })}
        />
      )
    case 'regex':
      return (
        <TextInput
          aria-label="Pattern"
          size="xs"
          w={200}
          ff="monospace"
          value={condition.pattern}
          onChange={(e) => onChange({ ...condition, pattern: e.currentTarget.value })}
        />
      )
    case 'in':
      return (
        <TagsInput
          aria-label="Values"
          size="xs"
          w={260}
          value={condition.values}
          onChange={(values) => onChange({ ...condition, values })}
          placeholder="Type a value, Enter"
        />
      )
    case 'missing':
      return (
        <Text size="xs" c="dimmed" w={200}>
          absent, null or empty
        </Text>
      )
  }
}

/** Edits a list of conditions. */
export function ConditionList({
  conditions,
  onChange,
}: {
  conditions: readonly Condition[]
  onChange: (next: Condition[]) => void
}) {
  const put = (index: number, condition: Condition): void =>
    onChange(conditions.map((c, i) => (i === index ? condition : c)))
  return (
    <Stack gap={6}>
      {conditions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No conditions: every row still unassigned matches.
        </Text>
      ) : null}
      {conditions.map((condition, index) => (
        <Group key={index} gap={6} wrap="nowrap" align="center" data-testid="condition-row">
          <FieldInput
            value={condition.field}
            onChange={(field) => put(index, { ...condition, field })}
          />
          <Select
            aria-label="Operator"
            size="xs"
            w={140}
            data={OPERATORS.map((o) => ({ value: o.value, label: o.label }))}
            value={condition.op}
            allowDeselect={false}
            onChange={(op) => op && put(index, withOperator(condition, op as Condition['op']))}
          />
          <ValueInput condition={condition} onChange={(c) => put(index, c)} />
          <Checkbox
            size="xs"
            label="not"
            checked={condition.not ?? false}
            onChange={(e) =>
              put(index, { ...condition, not: e.currentTarget.checked || undefined })
            }
          />
          <Checkbox
            size="xs"
            label="ignore case"
            checked={condition.ignoreCase ?? false}
            onChange={(e) =>
              put(index, { ...condition, ignoreCase: e.currentTarget.checked || undefined })
            }
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Remove condition"
            onClick={() => onChange(conditions.filter((_c, i) => i !== index))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            onChange([...conditions, { field: 'ServiceName', op: 'equals', value: '' }])
          }
        >
          Add condition
        </Button>
      </Group>
    </Stack>
  )
}
