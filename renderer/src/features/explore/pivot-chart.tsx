/** The pivot result as a chart, with the bar/line choice. */
import { useMemo } from 'react'
import type { PivotSpec } from '../../../../shared/pivot'
import { EChart } from '../../components/echart'
import { chartOption } from './chart-option'
import type { PivotView } from './pivot-view'

/** Chart of a result; options are rebuilt only when the result or the chart choices change. */
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
  return <EChart option={option} height={340} label={`${spec.measure} chart`} />
}
