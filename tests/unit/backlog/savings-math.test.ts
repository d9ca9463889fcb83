/** The backlog's exact arithmetic (shared/backlog/savings-math.ts): one rounding, half away from zero, no float. */
import { describe, expect, it } from 'vitest'
import {
  compareDecimals,
  dailyAverage,
  percentGrowth,
  perMonth,
  priorityOf,
  realizedMonthly,
} from '../../../shared/backlog/savings-math'

describe('savings math', () => {
  it('priority is savings ÷ effort at 2 decimals, half away from zero', () => {
    expect(priorityOf('1000', 3)).toBe('333.33')
    expect(priorityOf('5', 3)).toBe('1.67')
    expect(priorityOf('0.025', 1)).toBe('0.03')
    expect(priorityOf('0', 5)).toBe('0')
  })

  it('realized savings are one fraction: 100/day then 60/day is 1200, uneven windows exact to 18 decimals', () => {
    expect(realizedMonthly('3000', 30, '1800', 30)).toBe('1200')
    // 100/day over 14 days, 60/day over 16: still (100 − 60) × 30.
    expect(realizedMonthly('1400', 14, '960', 16)).toBe('1200')
    // 10/3 a day before, 0 after: 100 a month, the third rounded once at the 18th decimal.
    expect(realizedMonthly('10', 3, '0', 1)).toBe('100')
    expect(realizedMonthly('1', 7, '0', 1)).toBe('4.285714285714285714')
    // Cost went up: negative.
    expect(realizedMonthly('30', 30, '60', 30)).toBe('-30')
  })

  it('daily averages, per-month restatements and growth', () => {
    expect(dailyAverage('1', 3)).toBe('0.333333333333333333')
    expect(dailyAverage('2', 3)).toBe('0.666666666666666667')
    expect(perMonth('140', 7)).toBe('600')
    expect(perMonth('1', 7)).toBe('4.29')
    expect(percentGrowth('70', '210')).toBe('200')
    expect(percentGrowth('3', '4')).toBe('33.3')
    expect(percentGrowth('0', '4')).toBeNull()
    expect(compareDecimals('10', '9.99')).toBe(1)
    expect(compareDecimals('-1', '0')).toBe(-1)
  })
})
