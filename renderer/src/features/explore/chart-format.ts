/**
 * How the chart writes amounts: money in its own currency through the formatter every screen and
 * report uses (shared/report formatAmount), quantities with their unit, counts as integers. Axis
 * ticks are float copies made only for drawing, so they may be compact ("USD 1.2k").
 */
import { MONEY_MEASURES, type PivotSpec } from '../../../../shared/pivot'
import { axisLabel, formatAmount } from '../../../../shared/report'

/** How one chart's amounts read: the unit (currency, quantity unit or none) and whether it is money. */
export interface AmountFormat {
  readonly unit: string
  readonly money: boolean
}

/** The format of a chart of `spec`'s measure in `unit`. */
export function amountFormat(spec: PivotSpec, unit: string): AmountFormat {
  return { unit, money: MONEY_MEASURES.includes(spec.measure) && unit !== '' }
}

/** An exact amount for a tooltip or a label ("USD 1,234.57", "12.5 Hrs", "1,204"). */
export function amountText(exact: string, format: AmountFormat): string {
  if (format.money) return formatAmount(exact, format.unit)
  const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }).format(
    exact as unknown as number,
  )
  return format.unit ? `${number} ${format.unit}` : number
}

/** A compact axis tick or legend scale for a drawn number ("USD 1.2k"). */
export function axisText(value: number, format: AmountFormat): string {
  const text = axisLabel(value)
  return format.unit ? `${format.unit} ${text}` : text
}

/** Escapes text for the tooltips, which ECharts renders as HTML: names come from billing data. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}
