/**
 * The pivot table's controls (issue 9, Pivot): measures side by side, the axis across (none, the
 * time buckets or a dimension) and the date basis, stated in words so nobody guesses which
 * period the dates read.
 */
import { Group, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import {
  dimensionLabel,
  parseDimension,
  TABLE_MEASURES,
  type PivotSpec,
  type TableMeasure,
} from '../../../../shared/pivot'
import { useAppStore } from '../../state/store-context'
import { dimensionOptions } from './pivot-builder'

/** DistinctCount needs the column it counts, which this list cannot say. */
const PICKABLE = TABLE_MEASURES.filter((m) => m !== 'DistinctCount')

function axisValue(spec: PivotSpec): string {
  const axis = spec.columns ?? null
  if (!axis) return 'none'
  return axis.kind === 'time' ? 'time' : dimensionLabel(axis)
}

/** Measures, the column axis and the date basis. */
export function MatrixControls() {
  const catalog = useAppStore((s) => s.catalog)
  const spec = useAppStore((s) => s.spec)
  const updateSpec = useAppStore((s) => s.updateSpec)
  const basis = spec.dateBasis ?? 'charge'
  // A new set of measures or columns names other result columns: the old sort would not apply.
  const setMeasures = (values: string[]): void =>
    updateSpec({
      measures: values.length
        ? values.map((measure) => ({ measure: measure as TableMeasure }))
        : undefined,
      sort: null,
    })
  const setAxis = (value: string | null): void => {
    if (!value || value === 'none') return updateSpec({ columns: null, sort: null })
    if (value === 'time')
      return updateSpec({
        columns: { kind: 'time' },
        timeGrain: spec.timeGrain === 'none' ? 'month' : spec.timeGrain,
        sort: null,
      })
    updateSpec({ columns: parseDimension(value), sort: null })
  }
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <MultiSelect
        label="Table measures"
        data={[...PICKABLE]}
        value={(spec.measures ?? []).map((m) => m.measure)}
        onChange={setMeasures}
        placeholder={spec.measures?.length ? undefined : 'As the chart'}
        maxValues={16}
        searchable
        clearable
        w={340}
        data-testid="table-measures"
      />
      <Select
        label="Columns across"
        data={[
          {
            group: 'Axis',
            items: [
              { value: 'none', label: 'None' },
              { value: 'time', label: 'Time (by the grain)' },
            ],
          },
          ...dimensionOptions(catalog),
        ]}
        value={axisValue(spec)}
        onChange={setAxis}
        searchable
        allowDeselect={false}
        w={220}
        data-testid="columns-axis"
      />
      <Stack gap={3}>
        <Text size="sm" fw={500}>
          Date basis
        </Text>
        <SegmentedControl
          value={basis}
          onChange={(value) => updateSpec({ dateBasis: value as PivotSpec['dateBasis'] })}
          data={[
            { label: 'Charge period', value: 'charge' },
            { label: 'Billing period', value: 'billing' },
          ]}
          data-testid="date-basis"
        />
      </Stack>
      <Text size="xs" c="dimmed" maw={260} data-testid="date-basis-note">
        Dates read the{' '}
        {basis === 'billing'
          ? 'billing period (BillingPeriodStart)'
          : 'charge period (ChargePeriodStart)'}
        : the range, the time buckets and drill-through alike.
      </Text>
    </Group>
  )
}
