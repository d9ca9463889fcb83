/**
 * The cost per unit as a line per currency: a bucket without a metric value is a gap in the
 * line (connectNulls false), never a drop to zero. Values are drawn as numbers, for the
 * picture only; the table beside it gives the exact figures.
 */
import { useMemo } from 'react'
import type { UnitCostSeries } from '../../../../shared/contract/unit-costs'
import { EChart, type ChartOption } from '../../components/echart'

/** The chart option of `series`; exported for tests. */
export function unitCostChartOption(series: UnitCostSeries): ChartOption {
  const periods = series.periods.map((p) => p.period)
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { show: series.currencies.length > 1, top: 0 },
    grid: { left: 72, right: 24, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: periods },
    yAxis: {
      type: 'value',
      name: `${series.costMetric} per ${series.metric}`,
      nameTextStyle: { align: 'left' },
    },
    series: series.currencies.map((currency) => ({
      name: currency,
      type: 'line',
      connectNulls: false,
      showSymbol: true,
      data: periods.map((period) => {
        const point = series.points.find((p) => p.period === period && p.currency === currency)
        return point?.costPerUnit == null ? null : Number(point.costPerUnit)
      }),
    })),
  }
}

/** The line chart of a cost-per-unit series. */
export function UnitCostChart({ series }: { series: UnitCostSeries }) {
  const option = useMemo(() => unitCostChartOption(series), [series])
  return (
    <EChart
      option={option}
      height={280}
      label={`${series.costMetric} per ${series.metric} per ${series.grain}`}
    />
  )
}
