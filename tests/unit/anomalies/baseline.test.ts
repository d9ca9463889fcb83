/**
 * shared/anomalies baselineAt: the rule worked out by hand on a series alternating 10 and 11
 * (expected 10.5; residuals 1 for the seven days with three weeks, 0.5 after; deviation
 * 1.4826 × 0.5), a flat series (the 1 % floor), and a series too young to score.
 */
import { describe, expect, it } from 'vitest'
import { addDays, anomalyKeyText, baselineAt, median } from '../../../shared/anomalies'

const alternating = Array.from({ length: 57 }, (_, i) => 10 + (i % 2))

describe('baselineAt', () => {
  it('is the median of the same weekday over four weeks and 1.4826 × the median absolute residual', () => {
    const b = baselineAt(alternating, 56)
    expect(b?.expected).toBe(10.5)
    expect(b?.deviation).toBeCloseTo(0.7413, 12)
  })

  it('floors the deviation of a flat series at 1 % of expected', () => {
    expect(baselineAt(Array(60).fill(100), 59)).toEqual({ expected: 100, deviation: 1 })
  })

  it('leaves a series with fewer than 28 earlier residuals unscored', () => {
    // Residuals start on day 21 (three weeks back): day 48 has 27 of them, day 49 has 28.
    expect(baselineAt(alternating, 48)).toBeNull()
    expect(baselineAt(alternating, 49)).not.toBeNull()
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
