/** shared/report/periods: month arithmetic and names, independent of the machine's time zone. */
import { describe, expect, it } from 'vitest'
import {
  daysOfPeriod,
  isPeriod,
  monthAxisLabel,
  periodName,
  periodWindow,
  shiftPeriod,
} from '../../../shared/report'

describe('periods', () => {
  it('validates YYYY-MM', () => {
    expect(isPeriod('2024-09')).toBe(true)
    expect(isPeriod('2024-13')).toBe(false)
    expect(isPeriod('2024-9')).toBe(false)
  })

  it('shifts across years both ways', () => {
    expect(shiftPeriod('2024-01', -1)).toBe('2023-12')
    expect(shiftPeriod('2024-12', 1)).toBe('2025-01')
    expect(shiftPeriod('2024-09', -20)).toBe('2023-01')
    expect(() => shiftPeriod('2024-00', 1)).toThrow()
  })

  it('names months and windows', () => {
    expect(periodName('2024-09')).toBe('September 2024')
    expect(periodWindow('2024-02', 3)).toEqual(['2023-12', '2024-01', '2024-02'])
    expect(monthAxisLabel('2024-01', true)).toBe('Jan 24')
    expect(monthAxisLabel('2024-09', false)).toBe('Sep')
  })

  it('lists the days of a month in UTC (leap years included)', () => {
    // vitest runs with TZ=America/Los_Angeles: local time must not shift days.
    expect(daysOfPeriod('2024-02')).toHaveLength(29)
    expect(daysOfPeriod('2023-02')).toHaveLength(28)
    expect(daysOfPeriod('2024-09')[29]).toBe('2024-09-30')
  })
})
