/** The pivot result as a chart, with the bar/line choice. */
import { useCallback, useMemo } from 'react'
import type { PivotSpec } from '../../../../shared/pivot'
import { EChart } from '../../components/echart'
import { useAppStore } from '../../state/store-context'
import { elementFilters, withFilters } from './chart-filter'
import { chartOption } from './chart-option'
import type { PivotView } from './pivot-view'

/** Chart of a result; options are rebuilt only when the result or the chart choices change. A click on a bar or point filters the pivot to its values. */
export function PivotChart(props: {
  view: PivotView
  spec: PivotSpec
  kind: 'bar' | 'line'
  overTime: boolean
}) {
  const { view, spec, kind, overTime } = props
  const option = useMemo(
    () => chartOption(view, spec, kind, overTime),
    [view, spec, kind, overTime],
  )
  const updateSpec = useAppStore((s) => s.updateSpec)
  // The filters go on the pivot being edited, which may be newer than the one shown.
  const current = useAppStore((s) => s.spec)
  const filterTo = useCallback(
    ({ category, series }: { category: string; series: string }) => {
      const added = elementFilters(view, spec, overTime, category, series)
      if (added.length) updateSpec({ filters: withFilters(current.filters, added).slice(-32) })
    },
    [view, spec, overTime, current, updateSpec],
  )
  return (
    <EChart
      option={option}
      height={340}
      label={`${spec.measure} chart`}
      onElementClick={filterTo}
    />
  )
}
