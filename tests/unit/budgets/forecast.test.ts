/**
 * shared/budgets/forecast.ts: thresholds crossed on the first day the cumulative cost reaches
 * them, and the weekday-aware run rate on series whose forecast is worked out by hand below.
 * June 2025 starts on a Sunday.
 */
import { describe, expect, it } from 'vitest'
import { daysBetween } from '../../../shared/budgets/days'
import { budgetForecast } from '../../../shared/budgets/forecast'

function series(first: string, last: string, cost: (day: string) => string): Map<string, string> {
  return new Map(daysBetween(first, last).map((d) => [d, cost(d)]))
}

const weekend = (day: string): boolean => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())

describe('budgetForecast', () => {
  it('forecasts a weekly pattern by weekday kind, not by a plain mean', () => {
    // Weekdays cost 100, weekend days 10. Up to Sat 14 June: 10 weekdays + 4 weekend days = 1040.
    // Left: 15–30 June = 11 weekdays and 5 weekend days → 1040 + 1100 + 50 = 2190.
    // A plain 14-day mean would say 1040 + 16 × 1040/14 ≈ 2228.57.
    const r = budgetForecast({
      period: '2025-06',
      amount: '2000',
      thresholds: [50, 80, 100],
      asOf: '2025-06-14',
      dataStart: '2025-06-01',
      daily: series('2025-06-01', '2025-06-14', (d) => (weekend(d) ? '10' : '100')),
    })
    expect(r.actual).toBe('1040')
    expect([r.forecast, r.forecastLow, r.forecastHigh]).toEqual(['2190', '2190', '2190'])
    // 50% = 1000: 1 June 10, 2–6 June → 510, 7–8 → 530, 9 → 630 … 13 → 1030.
    expect(r.crossed).toEqual([{ threshold: 50, day: '2025-06-13' }])
    expect(r.percentUsed).toBe('52')
    // From 1040: Sun 15 → 1050, 16–20 → 1550, 21–22 → 1570, 23 → 1670 … 27 → 2070.
    expect([r.day100, r.day100Forecast]).toEqual(['2025-06-27', true])
  })

  it('forecasts a linear series exactly, with the range from the lowest and highest day', () => {
    // Day d of June costs d. As of Sun 15 June the actual is 1+…+15 = 120. The 14-day window
    // 2–15 June: weekdays 2–6, 9–13 sum 75 over 10 days (mean 7.5, min 2, max 13); weekend
    // days 7, 8, 14, 15 sum 44 over 4 (mean 11, min 7, max 15). Left: 11 weekdays, 4 weekend days.
    const r = budgetForecast({
      period: '2025-06',
      amount: '300',
      thresholds: [50, 80, 100],
      asOf: '2025-06-15',
      dataStart: '2025-06-01',
      daily: series('2025-06-01', '2025-06-15', (d) => String(Number(d.slice(8)))),
    })
    expect(r.actual).toBe('120')
    expect(r.forecast).toBe('246.5') // 120 + 11 × 7.5 + 4 × 11
    expect(r.forecastLow).toBe('170') // 120 + 11 × 2 + 4 × 7
    expect(r.forecastHigh).toBe('323') // 120 + 11 × 13 + 4 × 15
    expect(r.percentUsed).toBe('40')
    expect(r.crossed).toEqual([])
    expect([r.day100, r.day100Forecast]).toEqual([null, false]) // 246.5 < 300
  })

  it('states a 100% crossing as crossed, not forecast, and reads no day after the month', () => {
    // 40 a day against 1000: 50% on the 13th (520), 80% on the 20th (800), 100% on the 25th.
    const r = budgetForecast({
      period: '2025-06',
      amount: '1000',
      thresholds: [100, 50, 80],
      asOf: '2025-07-03',
      dataStart: '2025-05-20',
      daily: series('2025-05-20', '2025-07-03', () => '40'),
    })
    expect(r.actual).toBe('1200')
    expect(r.forecast).toBe('1200')
    expect(r.crossed).toEqual([
      { threshold: 50, day: '2025-06-13' },
      { threshold: 80, day: '2025-06-20' },
      { threshold: 100, day: '2025-06-25' },
    ])
    expect([r.day100, r.day100Forecast]).toEqual(['2025-06-25', false])
  })

  it('forecasts a month that has not started from the days before it', () => {
    // As of 31 May, 10 a day since 20 May: the window is 20–31 May (12 days, dataStart), every
    // day of June at 10 → 300.
    const r = budgetForecast({
      period: '2025-06',
      amount: '250',
      thresholds: [50],
      asOf: '2025-05-31',
      dataStart: '2025-05-20',
      daily: series('2025-05-20', '2025-05-31', () => '10'),
    })
    expect([r.actual, r.forecast, r.day100]).toEqual(['0', '300', '2025-06-25'])
  })
})
