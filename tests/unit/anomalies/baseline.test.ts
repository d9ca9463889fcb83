/**
 * shared/anomalies baselineAt and scoreAt: the rule worked out by hand on a series alternating
 * 10 and 11 (day 56 has eight weeks, four 10s and four 11s: expected 10.5; its 35 residuals are 1
 * on the days whose three, five or seven weeks have a majority and 0.5 on those with four or six,
 * 21 of 1 and 14 of 0.5, so the 80th percentile, the 28th of 35, is 1: deviation 0.7803), the
 * middle four of eight different weeks, a flat series (the 1 % floor), a series too young to
 * score, and the two- and three-day scores of a level shift.
 */
import { describe, expect, it } from 'vitest'
import { addDays, anomalyKeyText, baselineAt, median, scoreAt } from '../../../shared/anomalies'

const alternating = Array.from({ length: 57 }, (_, i) => 10 + (i % 2))

describe('baselineAt', () => {
  it('is the mean of the middle four of eight same weekdays and 0.7803 × the 80th percentile |residual|', () => {
    const b = baselineAt(alternating, 56)
    expect(b?.expected).toBe(10.5)
    expect(b?.deviation).toBeCloseTo(0.7803, 12)
  })

  it('leaves out the two highest and two lowest of the eight weeks', () => {
    // Day 56's same weekdays (days 0, 7, …, 49) are 1 to 8 apart from a 100 that is also the
    // rest: sorted 100, 100, 101, 102, 103, 104, 190, 500, the middle four add up to 410.
    const values = Array<number>(57).fill(100)
    for (const [week, value] of [101, 102, 103, 104, 190, 500].entries()) values[7 * week] = value
    expect(baselineAt(values, 56)?.expected).toBe(102.5)
  })

  it('floors the deviation of a flat series at 1 % of expected', () => {
    expect(baselineAt(Array(60).fill(100), 59)).toEqual({ expected: 100, deviation: 1 })
  })

  it('leaves a series with fewer than 28 earlier residuals unscored', () => {
    // Residuals start on day 21 (three weeks back): day 48 has 27 of them, day 49 has 28.
    expect(baselineAt(alternating, 48)).toBeNull()
    expect(baselineAt(alternating, 49)).not.toBeNull()
    // Day 49 has seven weeks: their median, 10 (four 10s, three 11s).
    expect(baselineAt(alternating, 49)?.expected).toBe(10)
  })
})

describe('scoreAt', () => {
  it('is the two- or three-day score when a change stays, the day’s own when that is larger', () => {
    // Flat at 100 (so the deviation is its 1 % floor, 1), then 101.6 on days 70 to 72: each
    // day scores 1.6 on its own; day 71 scores (1.6 + 1.6) / √2 ≈ 2.26 over two days and day 72
    // 3 × 1.6 / √3 ≈ 2.77 over three. A spike after a quiet day keeps its own score.
    const values = Array.from({ length: 75 }, (_, d): number => (d >= 70 && d < 73 ? 101.6 : 100))
    values[74] = 104
    expect(scoreAt(values, 70)).toBeCloseTo(1.6, 12)
    expect(scoreAt(values, 71)).toBeCloseTo(3.2 / Math.SQRT2, 12)
    expect(scoreAt(values, 72)).toBeCloseTo(4.8 / Math.sqrt(3), 12)
    expect(scoreAt(values, 73)).toBe(0)
    expect(scoreAt(values, 74)).toBeCloseTo(4, 12)
  })
})

describe('helpers', () => {
  it('median, addDays across a year end and a leap day, and a stable key text', () => {
    expect([median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([2, 2.5])
    expect([
      addDays('2024-12-31', 1),
      addDays('2024-03-01', -1),
      addDays('2025-01-01', -56),
    ]).toEqual(['2025-01-01', '2024-02-29', '2024-11-06'])
    const key = {
      by: ['ServiceName', 'tag:team'],
      values: ['EC2', null],
      currency: 'EUR',
      day: '2025-06-02',
    } as const
    expect(anomalyKeyText(key)).toBe('["ServiceName","tag:team","EC2",null,"EUR","2025-06-02"]')
  })
})
