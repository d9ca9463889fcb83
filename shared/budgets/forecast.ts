/**
 * A budget's status from its daily costs: actual to date, the thresholds crossed with the
 * first day the cumulative cost reached each, and a forecast to the month's end.
 *
 * The forecast is a weekday-aware run rate a person can redo by hand: the mean daily cost of
 * weekdays and of weekend days over the last FORECAST_WINDOW_DAYS days up to the "as of" day
 * (cloud spend often dips on weekends, so a plain mean over-forecasts a month that ends on
 * weekends), times the remaining days of each kind. The range puts every remaining day at the
 * lowest, then the highest, daily cost of its kind in that window. A kind with no day in the
 * window (a window of 3 weekdays) takes the mean, lowest and highest of all its days.
 *
 * All arithmetic is exact on scaled bigints (shared/money.ts); a mean's one division rounds
 * half away from zero at 18 decimals, the workspace's DECIMAL(38,18).
 */
import { fromScaled, toScaled } from '../money'
import { addDays, daysBetween, isWeekend, monthEnd, monthStart } from './days'

/** Days of history the run rate reads, the "as of" day included. */
export const FORECAST_WINDOW_DAYS = 14

/** What the status needs of one budget. */
export interface ForecastInput {
  readonly period: string
  readonly amount: string
  readonly thresholds: readonly number[]
  /** The last day counted; null when the workspace has no cost rows. */
  readonly asOf: string | null
  /** The first day the workspace has data: window days before it are not zero-cost days. */
  readonly dataStart: string | null
  /** Cost per day (YYYY-MM-DD → decimal string); a day missing is a day with no cost. */
  readonly daily: ReadonlyMap<string, string>
}

/** A budget's status figures (decimal strings). */
export interface ForecastResult {
  readonly actual: string
  readonly percentUsed: string | null
  readonly forecast: string
  readonly forecastLow: string
  readonly forecastHigh: string
  readonly crossed: Array<{ threshold: number; day: string }>
  readonly day100: string | null
  readonly day100Forecast: boolean
}

/** The window of days the run rate reads for `asOf`: up to 14 days, none before the data starts. */
export function forecastWindow(asOf: string, dataStart: string | null): string[] {
  const first = addDays(asOf, 1 - FORECAST_WINDOW_DAYS)
  return daysBetween(dataStart && dataStart > first ? dataStart : first, asOf)
}

/** The forecast method in one sentence, for the screen, the CLI and the JSON. */
export function forecastMethod(metric: string): string {
  return (
    `Weekday-aware run rate: the mean daily ${metric} of weekdays and of weekend days (UTC) ` +
    `over the last ${FORECAST_WINDOW_DAYS} days up to the "as of" day, times the remaining days ` +
    'of each kind to the month end; the range puts every remaining day at the lowest and the ' +
    'highest daily cost of its kind in those days.'
  )
}

interface Kind {
  sum: bigint
  n: bigint
  min: bigint
  max: bigint
}

function kindOf(costs: readonly bigint[]): Kind | null {
  if (costs.length === 0) return null
  let [sum, min, max] = [0n, costs[0] ?? 0n, costs[0] ?? 0n]
  for (const c of costs) {
    sum += c
    if (c < min) min = c
    if (c > max) max = c
  }
  return { sum, n: BigInt(costs.length), min, max }
}

/** a ÷ b rounded half away from zero (b > 0). */
function divide(a: bigint, b: bigint): bigint {
  const q = a / b
  const r = a % b
  if (2n * (r < 0n ? -r : r) >= b) return a < 0n ? q - 1n : q + 1n
  return q
}

/** Computes the status of one budget as of `input.asOf`. */
export function budgetForecast(input: ForecastInput): ForecastResult {
  const amount = toScaled(input.amount)
  const cost = (day: string): bigint => toScaled(input.daily.get(day) ?? '0')
  const first = monthStart(input.period)
  const last = monthEnd(input.period)
  const asOf = input.asOf
  const countedEnd = asOf === null ? addDays(first, -1) : asOf < last ? asOf : last
  const thresholds = [...input.thresholds].sort((a, b) => a - b)

  let actual = 0n
  const crossed: Array<{ threshold: number; day: string }> = []
  let day100: string | null = null
  for (const day of daysBetween(first, countedEnd)) {
    actual += cost(day)
    if (amount <= 0n) continue
    for (const t of thresholds)
      if (!crossed.some((c) => c.threshold === t) && actual * 100n >= amount * BigInt(t))
        crossed.push({ threshold: t, day })
    if (day100 === null && actual >= amount) day100 = day
  }

  const remaining = daysBetween(countedEnd < first ? first : addDays(countedEnd, 1), last)
  const window = asOf === null ? [] : forecastWindow(asOf, input.dataStart)
  const all = kindOf(window.map(cost))
  const weekend = kindOf(window.filter(isWeekend).map(cost)) ?? all
  const weekday = kindOf(window.filter((d) => !isWeekend(d)).map(cost)) ?? all
  const kinds = { weekend, weekday }
  const counts = { weekend: 0n, weekday: 0n }
  for (const day of remaining) counts[isWeekend(day) ? 'weekend' : 'weekday'] += 1n

  let [forecast, low, high] = [actual, actual, actual]
  for (const name of ['weekday', 'weekend'] as const) {
    const kind = kinds[name]
    const k = counts[name]
    if (!kind || k === 0n) continue
    forecast += divide(kind.sum * k, kind.n)
    low += kind.min * k
    high += kind.max * k
  }

  let forecastDay: string | null = null
  if (day100 === null && amount > 0n && weekday && weekend) {
    // Exact: actual + Σ sum_kind × days_kind ÷ n_kind ≥ amount, multiplied out by both n.
    const scale = weekday.n * weekend.n
    let [wd, we] = [0n, 0n]
    for (const day of remaining) {
      if (isWeekend(day)) we += 1n
      else wd += 1n
      const reached =
        actual * scale + weekday.sum * wd * weekend.n + weekend.sum * we * weekday.n >=
        amount * scale
      if (reached) {
        forecastDay = day
        break
      }
    }
  }

  return {
    actual: fromScaled(actual),
    percentUsed: amount === 0n ? null : fromScaled(divide(actual * 10000n, amount), 2),
    forecast: fromScaled(forecast),
    forecastLow: fromScaled(low),
    forecastHigh: fromScaled(high),
    crossed,
    day100: day100 ?? forecastDay,
    day100Forecast: day100 === null && forecastDay !== null,
  }
}
