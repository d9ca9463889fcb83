/**
 * The ECharts parts Focal draws with, registered once for the on-screen canvas charts and the
 * SVG export alike, so the bundle carries no unused chart types.
 */
import { BarChart, HeatmapChart, LineChart, SunburstChart, TreemapChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  LineChart,
  TreemapChart,
  SunburstChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
])

/** ECharts with Focal's parts registered. */
export { echarts }

/** An ECharts option object. */
export type ChartOption = echarts.EChartsCoreOption
