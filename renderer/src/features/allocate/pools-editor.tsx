/**
 * The shared-cost pools of one dimension: a pool collects the rows its rules
 * send it (shown here as the pool's match conditions) and splits them among
 * cost centers by one method.
 */
import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core'
import type { AllocationDimension, Pool, SplitMethod } from '../../../../shared/allocate/rule-set'
import { useAppStore } from '../../state/store-context'
import { METHODS, conditionText, newPool, uniqueId, withMethod } from './draft-edits'
import { PoolMethodFields } from './pool-method-fields'

function PoolCard({
  pool,
  dimension,
  onChange,
  onRemove,
  onAddRule,
}: {
  pool: Pool
  dimension: AllocationDimension
  onChange: (pool: Pool) => void
  onRemove: () => void
  onAddRule: () => void
}) {
  const feeders = dimension.rules.filter((r) => r.then.kind === 'pool' && r.then.pool === pool.id)
  return (
    <Paper p="sm" data-testid="pool-card">
      <Stack gap="xs">
        <Group gap={6} align="flex-end" wrap="nowrap">
          <TextInput
            label="Name"
            size="xs"
            style={{ flex: 1 }}
            value={pool.label ?? ''}
            onChange={(e) => onChange({ ...pool, label: e.currentTarget.value || undefined })}
          />
          <TextInput
            label="Id"
            size="xs"
            w={120}
            ff="monospace"
            value={pool.id}
            onChange={(e) => onChange({ ...pool, id: e.currentTarget.value })}
          />
          <Select
            label="Split"
            size="xs"
            w={210}
            data={METHODS.map((m) => ({ value: m.value, label: m.label }))}
            value={pool.method}
            allowDeselect={false}
            onChange={(method) => method && onChange(withMethod(pool, method as SplitMethod))}
            data-testid="pool-method"
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete pool ${pool.id}`}
            onClick={onRemove}
            mb={2}
          >
            ×
          </ActionIcon>
        </Group>
        <div>
          <Text size="xs" fw={600}>
            Rows come from
          </Text>
          {feeders.length === 0 ? (
            <Text size="xs" c="orange.8">
              No rule sends rows here yet.
            </Text>
          ) : (
            feeders.map((r) => (
              <Text key={r.id} size="xs" ff="monospace" truncate>
                {r.id}: {r.when.map(conditionText).join(' and ') || 'every remaining row'}
              </Text>
            ))
          )}
          <Button size="compact-xs" variant="subtle" mt={2} px={0} onClick={onAddRule}>
            Add a rule that sends rows here
          </Button>
        </div>
        <PoolMethodFields pool={pool} onChange={onChange} />
      </Stack>
    </Paper>
  )
}

/** The pools of the dimension at `index` of the draft. */
export function PoolsEditor({
  dimension,
  index,
}: {
  dimension: AllocationDimension
  index: number
}) {
  const editDraft = useAppStore((s) => s.editDraft)
  const edit = (recipe: (d: AllocationDimension) => void): void =>
    editDraft((draft) => {
      const target = draft.dimensions[index]
      if (target) recipe(target)
    })
  return (
    <Stack gap="sm">
      {dimension.pools.length === 0 ? (
        <Text size="sm" c="dimmed">
          No shared pools. Add one to split shared cost (network, platform, clusters…).
        </Text>
      ) : null}
      <Stack gap="sm">
        {dimension.pools.map((pool, i) => (
          <PoolCard
            key={i}
            pool={pool}
            dimension={dimension}
            onChange={(next) => edit((d) => void d.pools.splice(i, 1, next))}
            onRemove={() => edit((d) => void d.pools.splice(i, 1))}
            onAddRule={() =>
              edit((d) => {
                const id = uniqueId(
                  `to-${pool.id}`,
                  d.rules.map((r) => r.id),
                )
                d.rules.push({
                  id,
                  when: [{ field: 'ServiceCategory', op: 'equals', value: '' }],
                  then: { kind: 'pool', pool: pool.id },
                })
              })
            }
          />
        ))}
      </Stack>
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => edit((d) => void d.pools.push(newPool(d)))}
        >
          Add pool
        </Button>
      </Group>
    </Stack>
  )
}
