/** The compliant share per period and currency as a line chart; a click on a point shows that period. */
import { useMemo } from 'react'
import type { ComplianceReport } from '../../../../shared/contract/compliance'
import { EChart, type ChartOption } from '../../components/echart'

/** The trend chart. */
export function ComplianceTrend({
  report,
  onPeriod,
}: {
  report: ComplianceReport
  onPeriod: (period: string) => void
}) {
  const option = useMemo((): ChartOption => {
    const currencies = [...new Set(report.trend.map((t) => t.currency ?? '(no currency)'))]
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: report.periods },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: currencies.map((currency) => ({
        name: `${currency} compliant`,
        type: 'line',
        // The chart draws the exact percentages rounded to 2 decimals; gaps where a period has no cost.
        data: report.periods.map((period) => {
          const point = report.trend.find(
            (t) => t.period === period && (t.currency ?? '(no currency)') === currency,
          )
          return point?.percent == null ? null : { value: Number(point.percent), period }
        }),
        connectNulls: false,
        symbolSize: 8,
      })),
    }
  }, [report])
  return (
    <EChart
      option={option}
      height={220}
      label={`Compliant share of ${report.metric} per period`}
      onElementClick={(data) => {
        const period = (data as { period?: unknown } | null)?.period
        if (typeof period === 'string') onPeriod(period)
      }}
    />
  )
}
