/**
 * Thin ECharts wrapper (CONVENTIONS.md #8): a ref, one effect per concern
 * (create/dispose, options, size), options passed in as plain data.
 */
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Register only what Focal draws, so the bundle carries no unused chart types.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** An ECharts option object. */
export type ChartOption = echarts.EChartsCoreOption

/** Renders one ECharts chart; replaces its whole option whenever `option` changes. */
export function EChart({
  option,
  height,
  label,
  onElementClick,
}: {
  option: ChartOption
  height: number
  label: string
  /** Called with the category and the series of a clicked bar or point. */
  onElementClick?: (element: { category: string; series: string }) => void
}) {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    if (!container.current) return
    chart.current = echarts.init(container.current, null, { renderer: 'canvas' })
    return () => {
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    // notMerge: a new pivot has other series; merging would keep stale ones.
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  useEffect(() => {
    const current = chart.current
    if (!current || !onElementClick) return
    const onClick = (params: { componentType?: string; name?: string; seriesName?: string }) => {
      if (params.componentType === 'series')
        onElementClick({ category: params.name ?? '', series: params.seriesName ?? '' })
    }
    current.on('click', onClick)
    return () => {
      current.off('click', onClick)
    }
  }, [onElementClick])

  useEffect(() => {
    if (!container.current) return
    const observer = new ResizeObserver(() => chart.current?.resize())
    observer.observe(container.current)
    return () => observer.disconnect()
  }, [])

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid="chart"
      style={{ width: '100%', height }}
    />
  )
}
