/**
 * The Unit costs tab of the Savings screen (issue 13, Unit economics): a business metrics
 * CSV to import, the metric, its dimension value, the cost metric, the grain and the slice of
 * cost (a column or tag:<key> and its value, as Explore filters, or an allocation target of
 * the saved rules), then the cost per unit as a
 * line with gaps and as a table whose cost figures open their rows.
 */
import {
  Button,
  FileButton,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useEffect } from 'react'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { UnitCostChart } from './unit-cost-chart'
import { UnitCostTable } from './unit-cost-table'
import { sliceText, TargetPicker } from './unit-cost-target'

const ALL = '\u0000all'
const WHOLE = '\u0000whole'

/** The Unit costs tab. */
export function UnitCostsPanel() {
  const state = useAppStore((s) => s.unitCosts)
  const load = useAppStore((s) => s.loadUnitCosts)
  const upload = useAppStore((s) => s.uploadMetrics)
  const choose = useAppStore((s) => s.chooseUnitCosts)
  useEffect(() => void load(), [load])
  const { choices, series, request } = state
  const metrics = state.metrics?.metrics ?? []
  const names = [...new Set(metrics.map((m) => m.metric))]
  const dimensions = metrics.filter((m) => m.metric === choices.metric)
  const busy = state.task.status === 'running' || state.upload.status === 'running'
  const last = state.lastImport
  return (
    <Stack gap="md" data-testid="unit-costs-panel" aria-busy={busy}>
      <Group align="flex-end" gap="sm">
        <FileButton accept=".csv,text/csv" onChange={(file) => file && void upload(file)}>
          {(props) => (
            <Button
              variant="default"
              loading={state.upload.status === 'running'}
              data-testid="metrics-upload"
              {...props}
            >
              Import metrics (CSV)
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed" data-testid="metrics-status" maw={720}>
          {last && state.upload.status === 'done'
            ? `Imported ${last.values} value${last.values === 1 ? '' : 's'} from ${last.fileName}${last.replaced ? `, replacing ${last.replaced} stored for the same date, metric and dimension` : ''}. `
            : ''}
          {names.length === 0
            ? 'No business metrics yet: a CSV with date (YYYY-MM-DD), metric, value and optionally dimension (a product, a tenant).'
            : `${names.length} metric${names.length === 1 ? '' : 's'}: ${names.join(', ')}.`}
        </Text>
      </Group>
      {state.upload.error ? (
        <ErrorAlert error={state.upload.error} title="The metrics were not imported" />
      ) : null}
      {names.length > 0 ? (
        <Group align="flex-end" gap="sm">
          <Select
            label="Metric"
            data={names}
            value={choices.metric}
            onChange={(metric) => metric && void choose({ metric, dimension: null })}
            allowDeselect={false}
            w={180}
            data-testid="unit-metric"
          />
          <Select
            label="Dimension"
            data={[
              { value: ALL, label: 'All values summed' },
              ...dimensions.map((d) =>
                d.dimension === null
                  ? { value: WHOLE, label: '(the metric as a whole)' }
                  : { value: d.dimension, label: d.dimension },
              ),
            ]}
            value={
              choices.dimension === null
                ? ALL
                : choices.dimension === ''
                  ? WHOLE
                  : choices.dimension
            }
            onChange={(v) =>
              v && void choose({ dimension: v === ALL ? null : v === WHOLE ? '' : v })
            }
            allowDeselect={false}
            w={200}
            data-testid="unit-dimension"
          />
          <Select
            label="Cost"
            data={['BilledCost', 'EffectiveCost']}
            value={choices.costMetric}
            onChange={(v) =>
              (v === 'BilledCost' || v === 'EffectiveCost') && void choose({ costMetric: v })
            }
            allowDeselect={false}
            w={150}
            data-testid="unit-cost-metric"
          />
          <SegmentedControl
            data={[
              { value: 'day', label: 'Day' },
              { value: 'week', label: 'Week' },
              { value: 'month', label: 'Month' },
            ]}
            value={choices.grain}
            onChange={(v) =>
              (v === 'day' || v === 'week' || v === 'month') && void choose({ grain: v })
            }
            data-testid="unit-grain"
          />
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Slice
            </Text>
            <SegmentedControl
              data={[
                { value: 'filters', label: 'Filters' },
                { value: 'target', label: 'Allocation target' },
              ]}
              value={choices.slice}
              onChange={(v) => (v === 'filters' || v === 'target') && void choose({ slice: v })}
              data-testid="unit-slice"
            />
          </Stack>
          {choices.slice === 'filters' ? (
            <>
              <TextInput
                label="Slice by"
                description="A column or tag:<key>"
                value={choices.sliceBy}
                onChange={(e) => void choose({ sliceBy: e.currentTarget.value })}
                w={170}
                data-testid="unit-slice-by"
              />
              <TextInput
                label="Value"
                description="Empty: all cost"
                value={choices.sliceValue}
                onChange={(e) => void choose({ sliceValue: e.currentTarget.value })}
                w={300}
                data-testid="unit-slice-value"
              />
            </>
          ) : (
            <TargetPicker />
          )}
        </Group>
      ) : null}
      {state.task.error ? (
        <ErrorAlert error={state.task.error} title="The cost per unit could not be computed" />
      ) : null}
      {series && request ? (
        <>
          <Text size="xs" c="dimmed" data-testid="unit-cost-method">
            {`${series.costMetric} of ${sliceText(series, request, choices)}, per ${series.grain} of ChargePeriodStart (UTC) and currency, divided by the ${series.metric} units of the ${series.grain}${request.dimension === undefined ? ' (every dimension value summed)' : request.dimension === null ? ' (the metric as a whole)' : ` for ${request.dimension}`}. A ${series.grain} without a metric value is a gap (—), never zero; cost per unit is rounded for display, exact on hover.`}
          </Text>
          {series.points.length === 0 ? (
            <Text c="dimmed" data-testid="unit-cost-empty">
              No cost in this slice.
            </Text>
          ) : (
            <>
              <UnitCostChart series={series} />
              <UnitCostTable series={series} request={request} />
            </>
          )}
        </>
      ) : null}
    </Stack>
  )
}
