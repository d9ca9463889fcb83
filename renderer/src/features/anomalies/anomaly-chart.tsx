/** An anomaly's series as a line with its band (expected ± sensitivity × deviation); a day's point opens its rows. */
import { useMemo } from 'react'
import type { Anomaly, AnomalySeries } from '../../../../shared/contract'
import { EChart, type ChartOption } from '../../components/echart'

/** The chart of one series around an anomaly. */
export function AnomalyChart({
  anomaly,
  series,
  onDay,
}: {
  anomaly: Anomaly
  series: AnomalySeries
  onDay: (day: string) => void
}) {
  const option = useMemo((): ChartOption => {
    const days = series.points.map((p) => p.day)
    const num = (v: string | null): number | null => (v === null ? null : Number(v))
    const lower = series.points.map((p) => num(p.lower))
    // The band is drawn as a stack: its lower edge (invisible), then its width.
    const width = series.points.map((p) =>
      p.lower === null || p.upper === null ? null : Number(p.upper) - Number(p.lower),
    )
    const flagged = new Set<string>()
    for (const p of series.points)
      if (
        p.day >= anomaly.key.day &&
        p.day <= anomaly.through &&
        p.lower !== null &&
        p.upper !== null
      ) {
        const v = Number(p.actual)
        if (v < Number(p.lower) || v > Number(p.upper)) flagged.add(p.day)
      }
    return {
      animation: false,
      grid: { left: 64, right: 16, top: 28, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { data: ['Actual', 'Expected', 'Band'], top: 0 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', scale: true, name: anomaly.key.currency ?? '' },
      series: [
        {
          name: 'Band low',
          type: 'line',
          data: lower,
          stack: 'band',
          lineStyle: { opacity: 0 },
          symbol: 'none',
          tooltip: { show: false },
        },
        {
          name: 'Band',
          type: 'line',
          data: width,
          stack: 'band',
          lineStyle: { opacity: 0 },
          symbol: 'none',
          areaStyle: { color: 'rgba(34, 139, 230, 0.15)' },
          itemStyle: { color: 'rgba(34, 139, 230, 0.4)' },
        },
        {
          name: 'Expected',
          type: 'line',
          data: series.points.map((p) => num(p.expected)),
          lineStyle: { type: 'dashed' },
          symbol: 'none',
        },
        {
          name: 'Actual',
          type: 'line',
          data: series.points.map((p) => ({
            value: Number(p.actual),
            day: p.day,
            itemStyle: flagged.has(p.day) ? { color: '#e03131' } : undefined,
            symbolSize: flagged.has(p.day) ? 10 : 4,
          })),
        },
      ],
    } as ChartOption
  }, [anomaly, series])
  return (
    <EChart
      option={option}
      height={260}
      label={`Daily ${anomaly.key.values.join(' · ')} with its expected band`}
      onElementClick={(data) => {
        const day = (data as { day?: unknown } | null)?.day
        if (typeof day === 'string') onDay(day)
      }}
    />
  )
}
