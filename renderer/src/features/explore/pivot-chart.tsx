/**
 * The pivot result as charts: the kind picker (saved with the view, in the spec's `chart`), PNG
 * and SVG export, and one chart per currency. A click on an element filters the pivot to it.
 */
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { createRef, useCallback, useMemo, type RefObject } from 'react'
import type { ChartKind, PivotSpec } from '../../../../shared/pivot'
import { EChart, type ChartImage } from '../../components/echart'
import { useAppStore, useAppStoreApi } from '../../state/store-context'
import { chartUnits } from './chart-data'
import { exportCharts } from './chart-export'
import { targetChange, targetOf } from './chart-filter'
import { drawnKind, kindChoices, type KindChoice } from './chart-kinds'
import { chartPanels } from './chart-option'
import { distinctValues, type PivotView } from './pivot-view'

/** Tall enough for a treemap's nested labels and a month of heatmap rows. */
const HEIGHT: Record<string, number> = { treemap: 420, sunburst: 420, heatmap: 460 }

/** Charts of a result (`spec` is the one it was computed for); the kind is the edited pivot's. */
export function PivotChart({ view, spec }: { view: PivotView; spec: PivotSpec }) {
  // Only the kind is read while rendering: another change of the edited pivot (a click in the
  // builder) does not redraw the chart of the result shown.
  const store = useAppStoreApi()
  const chosen = useAppStore((s) => s.spec.chart?.kind ?? 'auto')
  const updateSpec = useAppStore((s) => s.updateSpec)
  const viewName = useAppStore((s) => s.views.current)
  const buckets = distinctValues(view, view.time)
  const choices = useMemo(() => kindChoices(spec, buckets), [spec, buckets])
  const kind = drawnKind(chosen, choices, buckets)
  const panels = useMemo(
    () => chartPanels(view, spec, kind, buckets > 1),
    [view, spec, kind, buckets],
  )
  const units = useMemo(() => chartUnits(view).length, [view])
  const images = useMemo(
    () => panels.map((): RefObject<ChartImage | null> => createRef<ChartImage>()),
    [panels],
  )
  // The filters go on the pivot being edited, which may be newer than the one shown.
  const filterTo = useCallback(
    (data: unknown) => {
      const change = targetChange(store.getState().spec, targetOf(data))
      if (change) updateSpec(change)
    },
    [store, updateSpec],
  )
  const download = (format: 'png' | 'svg'): void =>
    exportCharts(
      panels.map((panel, index) => ({
        option: panel.option,
        image: images[index]?.current ?? null,
        unit: panels.length > 1 ? panel.unit : null,
      })),
      viewName ?? spec.measure,
      format,
    )
  const unavailable = choices.find((c) => c.kind === chosen && c.reason)

  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="xs" c="dimmed" data-testid="chart-kind-note">
          {unavailable
            ? `${unavailable.label} ${unavailable.reason}; showing ${kindLabel(choices, kind)}.`
            : whyDisabled(choices)}
        </Text>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={chosen}
            onChange={(value) => updateSpec({ chart: { kind: value as ChartKind } })}
            data={choices.map((c) => ({
              value: c.kind,
              disabled: c.reason !== null,
              label: <span title={c.reason ? `${c.label} ${c.reason}` : undefined}>{c.label}</span>,
            }))}
            data-testid="chart-kind"
          />
          {(['png', 'svg'] as const).map((format) => (
            <Button
              key={format}
              size="compact-xs"
              variant="default"
              onClick={() => download(format)}
              data-testid={`chart-export-${format}`}
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Group>
      </Group>
      {units > panels.length ? (
        <Text size="xs" c="dimmed" data-testid="chart-units-note">
          Charts of the first {panels.length} of {units} units; the table shows every one.
        </Text>
      ) : null}
      {panels.map((panel, index) => (
        <EChart
          key={panel.unit}
          option={panel.option}
          height={HEIGHT[kind] ?? 340}
          label={`${spec.measure} ${kindLabel(choices, kind).toLowerCase()} chart${
            panels.length > 1 ? ` in ${panel.unit}` : ''
          }${panel.note ? `. ${panel.note}` : ''}`}
          onElementClick={filterTo}
          image={images[index]}
          // The table's exact figures first; the chart draws in the next frame.
          afterPaint
        />
      ))}
    </Stack>
  )
}

function kindLabel(choices: readonly KindChoice[], kind: ChartKind): string {
  return choices.find((c) => c.kind === kind)?.label ?? kind
}

/** The disabled kinds grouped by what they need, in one line. */
function whyDisabled(choices: readonly KindChoice[]): string {
  const byReason = new Map<string, string[]>()
  for (const c of choices)
    if (c.reason) byReason.set(c.reason, [...(byReason.get(c.reason) ?? []), c.label])
  return [...byReason.entries()]
    .map(
      ([reason, labels]) =>
        `${labels.join(' and ')} ${labels.length > 1 ? reason.replace(/^needs /, 'need ') : reason}`,
    )
    .join(' · ')
}
