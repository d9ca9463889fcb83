/** Renders a chart option to SVG markup without a screen (ECharts server-side rendering mode). */
import { echarts, type ChartOption } from './echart-setup'

/** The SVG text of `option` drawn at width × height, on white; animations off so it is final. */
export function renderSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
