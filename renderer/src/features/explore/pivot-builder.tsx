/** The pivot controls: group-bys from the catalog, measure, time grain, date range, top N. */
import {
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  type SelectProps,
} from '@mantine/core'
import { useState } from 'react'
import type { Catalog } from '../../../../shared/contract'
import { dimensionLabel, MEASURES, parseDimension, type PivotSpec } from '../../../../shared/pivot'
import { useAppStore } from '../../state/store-context'
import { dateRangeOf, isReversed } from './date-range'
import { MatrixControls } from './matrix-controls'

const GROUPABLE = new Set(['string', 'datetime'])
const KIND_GROUPS = [
  { kind: 'focus', group: 'FOCUS columns' },
  { kind: 'provider', group: 'Provider columns (x_)' },
  { kind: 'provenance', group: 'Where rows came from' },
] as const

/** Select data: columns of the catalog by kind, then tag keys as `tag:<key>`. */
export function dimensionOptions(catalog: Catalog | null): { group: string; items: string[] }[] {
  if (!catalog) return []
  const groups: { group: string; items: string[] }[] = KIND_GROUPS.map(({ kind, group }) => ({
    group,
    items: catalog.columns
      .filter((column) => column.kind === kind && GROUPABLE.has(column.type))
      .map((column) => column.name)
      .sort(),
  }))
  groups.push({ group: 'Tags', items: catalog.tagKeys.map((key) => `tag:${key}`).sort() })
  return groups.filter((group) => group.items.length > 0)
}

/**
 * "also cost-center, user:CostCenter" for a `tag:<key>` option whose canonical key reads other
 * original keys too (the tag alias policy), so a person sees what the key groups; else null.
 */
export function tagAliasHint(catalog: Catalog | null, value: string): string | null {
  if (!catalog || !value.startsWith('tag:')) return null
  const canonical = value.slice(4)
  const group = catalog.tagAliases.find((g) => g.canonical === canonical)
  const others = (group?.aliases ?? []).map((a) => a.key).filter((key) => key !== canonical)
  return others.length ? `also ${others.map((k) => JSON.stringify(k)).join(', ')}` : null
}

/** The date range inputs: each end set applies on its own; a reversed pair is flagged and ignored. */
function DateRange({
  range,
  onChange,
}: {
  range: PivotSpec['dateRange']
  onChange: (range: PivotSpec['dateRange']) => void
}) {
  const [start, setStart] = useState(range?.start ?? '')
  const [end, setEnd] = useState(range?.end ?? '')
  // A saved view opened, or an undo, changes the range from outside: show it. A half-typed date
  // maps to the range already applied, so it is left as typed.
  const [seen, setSeen] = useState(range)
  if (range !== seen) {
    setSeen(range)
    if (JSON.stringify(range) !== JSON.stringify(dateRangeOf(start, end))) {
      setStart(range?.start ?? '')
      setEnd(range?.end ?? '')
    }
  }
  const apply = (nextStart: string, nextEnd: string): void => {
    setStart(nextStart)
    setEnd(nextEnd)
    onChange(dateRangeOf(nextStart, nextEnd))
  }
  const reversed = isReversed(start, end)
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        type="date"
        label="From"
        value={start}
        onChange={(e) => apply(e.currentTarget.value, end)}
        w={150}
      />
      <TextInput
        type="date"
        label="Until (exclusive)"
        value={end}
        onChange={(e) => apply(start, e.currentTarget.value)}
        w={150}
        error={reversed ? 'Must be after From' : null}
      />
    </Group>
  )
}

/** The builder card content. */
export function PivotBuilder() {
  const catalog = useAppStore((s) => s.catalog)
  const spec = useAppStore((s) => s.spec)
  const updateSpec = useAppStore((s) => s.updateSpec)
  const options = dimensionOptions(catalog)
  const renderOption: SelectProps['renderOption'] = ({ option }) => {
    const hint = tagAliasHint(catalog, option.value)
    return (
      <Stack gap={0}>
        <Text size="sm">{option.label}</Text>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Stack>
    )
  }
  const [first, second] = spec.rows.map(dimensionLabel)
  const setRows = (labels: (string | null | undefined)[]): void =>
    updateSpec({
      rows: labels.filter((label): label is string => Boolean(label)).map(parseDimension),
    })

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label="Group by"
          data={options}
          renderOption={renderOption}
          value={first ?? null}
          onChange={(value) => setRows([value, second])}
          searchable
          clearable
          allowDeselect={false}
          w={240}
          placeholder="No grouping"
          data-testid="group-by-1"
        />
        <Select
          label="Then by"
          data={options}
          renderOption={renderOption}
          value={second ?? null}
          onChange={(value) => setRows([first, value])}
          searchable
          clearable
          allowDeselect={false}
          w={240}
          disabled={!first}
          placeholder="Optional"
          data-testid="group-by-2"
        />
        <Select
          label="Measure"
          data={[...MEASURES]}
          value={spec.measure}
          onChange={(value) => value && updateSpec({ measure: value as PivotSpec['measure'] })}
          allowDeselect={false}
          w={190}
          data-testid="measure"
        />
        <NumberInput
          label="Top N"
          description=" "
          value={spec.topN ?? ''}
          onChange={(value) =>
            updateSpec(
              {
                topN:
                  typeof value === 'number' && value >= 1
                    ? Math.min(10_000, Math.floor(value))
                    : null,
              },
              // Typed digits wait for a pause (run-policy.ts); "12" is not a run of 1 then 12.
              { typing: true },
            )
          }
          min={1}
          max={10_000}
          placeholder="All"
          w={100}
          styles={{ description: { display: 'none' } }}
        />
      </Group>
      <Group gap="md" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={3}>
            Time grain
          </Text>
          <SegmentedControl
            value={spec.timeGrain}
            onChange={(value) => updateSpec({ timeGrain: value as PivotSpec['timeGrain'] })}
            data={[
              { label: 'None', value: 'none' },
              { label: 'Day', value: 'day' },
              { label: 'Week', value: 'week' },
              { label: 'Month', value: 'month' },
              { label: 'Quarter', value: 'quarter' },
            ]}
            data-testid="time-grain"
          />
        </div>
        <DateRange
          range={spec.dateRange}
          onChange={(dateRange) => updateSpec({ dateRange }, { typing: true })}
        />
      </Group>
      <MatrixControls />
    </Stack>
  )
}
