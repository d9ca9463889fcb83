/**
 * Thin ECharts wrapper (CONVENTIONS.md #8): a ref, one effect per concern
 * (create/dispose, options, size), options passed in as plain data.
 */
import { useEffect, useRef, type RefObject } from 'react'
import { echarts, type ChartOption } from './echart-setup'

export type { ChartOption }

/** What the chart on screen can give for an export. */
export interface ChartImage {
  /** A PNG data URL at twice the screen's pixels, on white. */
  png(): string
  /** The drawn size in CSS pixels, for an SVG of the same layout. */
  size(): { width: number; height: number }
}

/** Renders one ECharts chart; replaces its whole option whenever `option` changes. */
export function EChart({
  option,
  height,
  label,
  onElementClick,
  image,
  afterPaint = false,
}: {
  option: ChartOption
  height: number
  label: string
  /** Called with the data item of a clicked element (bar, point, node, cell) as the option gave it. */
  onElementClick?: (data: unknown) => void
  /** Filled while the chart is on screen, for exports. */
  image?: RefObject<ChartImage | null>
  /**
   * Draw a new option in the frame after the one that paints it, so what renders with the chart
   * (Explore's table) is on screen first; aria-busy is true until the chart is drawn.
   */
  afterPaint?: boolean
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
    if (!image) return
    image.current = {
      png: () =>
        chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ?? '',
      size: () => ({
        width: chart.current?.getWidth() ?? 0,
        height: chart.current?.getHeight() ?? 0,
      }),
    }
    return () => {
      image.current = null
    }
  }, [image])

  useEffect(() => {
    const current = chart.current
    if (!current) return
    const draw = (): void => {
      // notMerge: a new pivot has other series; merging would keep stale ones.
      current.setOption(option, { notMerge: true })
      container.current?.setAttribute('aria-busy', 'false')
    }
    if (!afterPaint) return draw()
    container.current?.setAttribute('aria-busy', 'true')
    // The first callback runs before this frame paints, the second in the frame after it.
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(draw)))
    return () => cancelAnimationFrame(frame)
  }, [option, afterPaint])

  useEffect(() => {
    const current = chart.current
    if (!current || !onElementClick) return
    const onClick = (params: { componentType?: string; data?: unknown }) => {
      if (params.componentType === 'series') onElementClick(params.data)
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
