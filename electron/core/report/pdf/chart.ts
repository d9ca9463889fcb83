/**
 * The trend chart, drawn with pdfkit's vector graphics (no raster image, so it
 * stays sharp when printed): one bar panel per currency, because amounts in
 * different currencies never share an axis. Bar heights use a float copy of
 * the exact amounts, which is fine for pixels and never feeds back into money.
 */
import { axisLabel, monthAxisLabel, type Trend, type TrendSeries } from '../../../../shared/report'
import { COLOR, style, textAt, type Pdf } from './document'

/** Where to draw. */
export interface ChartBox {
  x: number
  y: number
  width: number
  height: number
}

/** A "nice" tick step (1, 2 or 5 × 10^k) giving about `count` intervals over `range`. */
export function niceStep(range: number, count = 4): number {
  if (!(range > 0)) return 1
  const raw = range / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const unit = raw / power
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power
}

function xLabel(
  trend: Trend,
  label: string,
  index: number,
  count: number,
  spansYears: boolean,
): string | null {
  if (trend.grain === 'month') return monthAxisLabel(label, spansYears || label.endsWith('-01'))
  const day = Number(label.slice(8, 10))
  // Days: the first, every fifth, and the last unless it sits next to a fifth (30 and 31 would collide).
  const last = index === count - 1 && day % 5 >= 3
  return index === 0 || last || day % 5 === 0 ? String(day) : null
}

function drawPanel(doc: Pdf, trend: Trend, series: TrendSeries, box: ChartBox): void {
  const values = series.points.map((p) => Number(p.amount))
  const max = Math.max(0, ...values)
  const min = Math.min(0, ...values)
  const step = niceStep(max - min || Math.abs(max) || 1)
  const top = Math.ceil(max / step) * step || step
  const bottom = Math.floor(min / step) * step
  const axisWidth = 38
  const plot = {
    x: box.x + axisWidth,
    y: box.y + 14,
    width: box.width - axisWidth,
    height: box.height - 30,
  }
  const yOf = (v: number): number => plot.y + ((top - v) / (top - bottom)) * plot.height

  style(doc, 'bold', 8, COLOR.muted)
  textAt(doc, series.currency, box.x, box.y, 60)
  const ticks = Math.round((top - bottom) / step)
  for (let k = 0; k <= ticks; k++) {
    // Ticks by index, not by repeated addition, so float error never skips the zero line.
    const raw = bottom + k * step
    const v = Math.abs(raw) < step / 1e6 ? 0 : raw
    const y = yOf(v)
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(v === 0 ? 0.8 : 0.3)
    doc.strokeColor(v === 0 ? COLOR.muted : COLOR.rule).stroke()
    style(doc, 'regular', 6.8, COLOR.faint)
    textAt(doc, axisLabel(v), box.x, y - 3.5, axisWidth - 5, { align: 'right' })
  }

  const count = series.points.length
  const slot = plot.width / Math.max(count, 1)
  const barWidth = Math.max(1.5, Math.min(slot * 0.68, 46))
  const years = new Set(series.points.map((p) => p.label.slice(0, 4)))
  series.points.forEach((point, i) => {
    const v = values[i] ?? 0
    const x = plot.x + i * slot + (slot - barWidth) / 2
    const y0 = yOf(0)
    const y1 = yOf(v)
    const last = trend.grain === 'month' && i === count - 1
    if (v !== 0)
      doc
        .rect(x, Math.min(y0, y1), barWidth, Math.max(Math.abs(y1 - y0), 0.6))
        .fill(last ? COLOR.accent : COLOR.accentSoft)
    const label = xLabel(trend, point.label, i, count, years.size > 1)
    if (label) {
      style(doc, 'regular', 6.8, COLOR.muted)
      textAt(doc, label, plot.x + i * slot - 10, plot.y + plot.height + 4, slot + 20, {
        align: 'center',
      })
    }
  })
}

/** Draws the trend inside `box`, one panel per currency (up to three; the rest are named). */
export function drawTrendChart(doc: Pdf, trend: Trend, box: ChartBox): void {
  const shown = trend.series.slice(0, 3)
  if (shown.length === 0) {
    style(doc, 'regular', 8.5, COLOR.muted)
    textAt(doc, 'No amounts to chart.', box.x, box.y + box.height / 2, box.width, {
      align: 'center',
    })
    return
  }
  const gap = 8
  const height = (box.height - gap * (shown.length - 1)) / shown.length
  shown.forEach((series, i) =>
    drawPanel(doc, trend, series, { ...box, y: box.y + i * (height + gap), height }),
  )
  if (trend.series.length > shown.length) {
    style(doc, 'regular', 7, COLOR.muted)
    const rest = trend.series
      .slice(3)
      .map((s) => s.currency)
      .join(', ')
    textAt(doc, `Not charted: ${rest} (see the XLSX).`, box.x, box.y + box.height + 2, box.width)
  }
}
