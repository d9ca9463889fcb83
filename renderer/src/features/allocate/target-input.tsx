/**
 * Where a matched row goes: a cost center named here, the row's own value of
 * a column or tag, that value looked up in an imported mapping table, or a
 * shared pool to be split.
 */
import { Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core'
import type { Pool, Target } from '../../../../shared/allocate/rule-set'
import { withTargetKind } from './draft-edits'
import { FieldInput } from './field-input'

const KINDS: ReadonlyArray<{ value: Target['kind']; label: string }> = [
  { value: 'value', label: 'Cost center' },
  { value: 'field', label: 'Column / tag value' },
  { value: 'mapping', label: 'Via mapping' },
  { value: 'pool', label: 'Shared pool' },
]

/** The target editor. */
export function TargetInput({
  target,
  pools,
  onChange,
}: {
  target: Target
  pools: readonly Pool[]
  onChange: (target: Target) => void
}) {
  return (
    <Stack gap={6}>
      <SegmentedControl
        size="xs"
        data={[...KINDS]}
        value={target.kind}
        onChange={(kind) => onChange(withTargetKind(target, kind as Target['kind'], pools))}
        data-testid="target-kind"
      />
      <Group gap={6} align="flex-end">
        {target.kind === 'value' ? (
          <TextInput
            label="Cost center"
            size="xs"
            w={260}
            value={target.value}
            onChange={(e) => onChange({ ...target, value: e.currentTarget.value })}
          />
        ) : null}
        {target.kind === 'field' || target.kind === 'mapping' ? (
          <FieldInput
            label={target.kind === 'mapping' ? 'Key column or tag' : 'Column or tag'}
            value={target.field}
            onChange={(field) => onChange({ ...target, field })}
          />
        ) : null}
        {target.kind === 'mapping' ? (
          <TextInput
            label="Mapping table"
            size="xs"
            w={220}
            value={target.mapping}
            onChange={(e) => onChange({ ...target, mapping: e.currentTarget.value })}
            placeholder="e.g. account-cost-center"
          />
        ) : null}
        {target.kind === 'pool' ? (
          <Select
            label="Pool"
            size="xs"
            w={260}
            data={pools.map((p) => ({
              value: p.id,
              label: p.label ? `${p.label} (${p.id})` : p.id,
            }))}
            value={target.pool || null}
            onChange={(pool) => pool && onChange({ ...target, pool })}
            placeholder={pools.length ? 'Choose a pool' : 'Add a pool first'}
            allowDeselect={false}
          />
        ) : null}
      </Group>
    </Stack>
  )
}
