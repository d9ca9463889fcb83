/**
 * Trend series: the last months of a target (up to six, ending with the
 * period), or the days of the period when no earlier month has data, so a
 * first month still gets a meaningful chart. One series per currency.
 */
import { sumDecimals } from '../money'
import { daysOfPeriod, periodWindow } from './periods'
import type { TimedFact } from './facts'
import type { Trend } from './types'

/** Months a trend covers at most, the period included. */
export const TREND_MONTHS = 6

/** Labels (x axis) of the pack's trend: months from the first with data, or days of the period. */
export function trendLabels(
  period: string,
  history: readonly TimedFact[],
  daily: readonly TimedFact[],
): { grain: Trend['grain']; labels: string[] } {
  if (history.length > 0) {
    const window = periodWindow(period, TREND_MONTHS)
    const first = window.findIndex((p) => history.some((h) => h.at === p))
    return { grain: 'month', labels: window.slice(first < 0 ? window.length - 1 : first) }
  }
  // A charge may start outside its billing period (late usage, credits): keep its day on the axis.
  const days = new Set([...daysOfPeriod(period), ...daily.map((d) => d.at)])
  return { grain: 'day', labels: [...days].sort() }
}

/**
 * The trend of the given points (one target's, or all of them for the pack
 * total), per currency. For the monthly grain the period's own amounts are
 * among the points, so the last bar always equals the headline figure.
 */
export function buildTrend(
  grain: Trend['grain'],
  labels: readonly string[],
  points: readonly TimedFact[],
): Trend {
  const byKey = new Map<string, string[]>()
  for (const p of points) {
    const key = `${p.currency}\u0000${p.at}`
    const list = byKey.get(key)
    if (list) list.push(p.amount)
    else byKey.set(key, [p.amount])
  }
  const currencies = [...new Set(points.map((p) => p.currency))].sort()
  const series = currencies.map((currency) => ({
    currency,
    points: labels.map((label) => ({
      label,
      amount: sumDecimals(byKey.get(`${currency}\u0000${label}`) ?? []),
    })),
  }))
  return { grain, series }
}
