/**
 * The parameters of a pool's split method: who shares an even or
 * proportional pool, the percentages of a fixed one (they must add up to
 * 100), and the usage a driver pool is split by — a numeric column summed per
 * cost center, or an imported driver table.
 */
import {
  ActionIcon,
  Button,
  Group,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core'
import type { Pool } from '../../../../shared/allocate/rule-set'
import { ConditionList } from './condition-list'
import { FieldInput } from './field-input'

function Percentages({
  pool,
  onChange,
}: {
  pool: Extract<Pool, { method: 'fixed' }>
  onChange: (p: Pool) => void
}) {
  const entries = Object.entries(pool.percentages)
  const put = (next: Array<[string, string]>): void =>
    onChange({ ...pool, percentages: Object.fromEntries(next) })
  // Shown as a float for the sum only; the engine checks the exact decimals.
  const sum = entries.reduce((s, [, p]) => s + (Number(p) || 0), 0)
  return (
    <Stack gap={4}>
      {entries.map(([target, percent], i) => (
        <Group key={i} gap={6} wrap="nowrap">
          <TextInput
            aria-label="Cost center"
            size="xs"
            w={220}
            value={target}
            onChange={(e) =>
              put(entries.map((x, k) => (k === i ? [e.currentTarget.value, x[1]] : x)))
            }
          />
          <TextInput
            aria-label="Percent"
            size="xs"
            w={90}
            rightSection={<Text size="xs">%</Text>}
            value={percent}
            onChange={(e) =>
              put(entries.map((x, k) => (k === i ? [x[0], e.currentTarget.value] : x)))
            }
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Remove share"
            onClick={() => put(entries.filter((_x, k) => k !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group gap="sm">
        <Button
          size="xs"
          variant="light"
          onClick={() => put([...entries, [`Cost center ${entries.length + 1}`, '0']])}
        >
          Add share
        </Button>
        <Text size="xs" c={Math.abs(sum - 100) < 1e-9 ? 'teal' : 'red'} className="amount">
          Total {sum.toLocaleString('en-US', { maximumFractionDigits: 6 })}%{' '}
          {Math.abs(sum - 100) < 1e-9 ? '✓' : '(must be 100%)'}
        </Text>
      </Group>
    </Stack>
  )
}

/** The method-specific part of a pool card. */
export function PoolMethodFields({
  pool,
  onChange,
}: {
  pool: Pool
  onChange: (pool: Pool) => void
}) {
  if (pool.method === 'fixed') return <Percentages pool={pool} onChange={onChange} />
  const sharers = (
    <TagsInput
      label="Shared among"
      description="Empty: every cost center with direct cost in the currency"
      size="xs"
      value={pool.targets ?? []}
      onChange={(targets) => onChange({ ...pool, targets: targets.length ? targets : undefined })}
      placeholder="Cost center, Enter"
    />
  )
  if (pool.method !== 'driver') return sharers
  const driver = pool.driver
  return (
    <Stack gap={6}>
      {sharers}
      <SegmentedControl
        size="xs"
        value={'table' in driver ? 'table' : 'field'}
        data={[
          { value: 'field', label: 'Numeric column' },
          { value: 'table', label: 'Imported driver table' },
        ]}
        onChange={(kind) =>
          onChange({
            ...pool,
            driver: kind === 'table' ? { table: '' } : { field: 'ConsumedQuantity', when: [] },
          })
        }
      />
      {'table' in driver ? (
        <TextInput
          label="Driver table"
          description="Imported with focal allocate --driver <name>=<file.csv> (target,value[,period])"
          size="xs"
          maw={420}
          value={driver.table}
          onChange={(e) => onChange({ ...pool, driver: { table: e.currentTarget.value } })}
        />
      ) : (
        <>
          <FieldInput
            label="Summed per cost center"
            kind="number"
            value={driver.field}
            onChange={(field) => onChange({ ...pool, driver: { ...driver, field } })}
          />
          <Text size="xs" fw={600}>
            Over the rows where
          </Text>
          <ConditionList
            conditions={driver.when}
            onChange={(when) => onChange({ ...pool, driver: { ...driver, when } })}
          />
        </>
      )}
    </Stack>
  )
}
