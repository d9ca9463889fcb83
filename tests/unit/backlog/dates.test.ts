/** UTC days of the backlog's windows (shared/backlog/dates.ts), run under a non-UTC TZ by the test config. */
import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, isCalendarDay, isoWeekStart } from '../../../shared/backlog/dates'

describe('backlog dates', () => {
  it('adds days across months and a DST change of the local zone', () => {
    expect(addDays('2024-09-01', -30)).toBe('2024-08-02')
    expect(addDays('2024-11-02', 2)).toBe('2024-11-04')
    expect(daysBetween('2024-08-02', '2024-09-01')).toBe(30)
    expect(daysBetween('2024-09-02', '2024-09-01')).toBe(0)
  })

  it('starts ISO weeks on Monday', () => {
    expect(isoWeekStart('2024-09-30')).toBe('2024-09-30')
    expect(isoWeekStart('2024-10-01')).toBe('2024-09-30')
    expect(isoWeekStart('2024-09-29')).toBe('2024-09-23')
  })

  it('knows a calendar day', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true)
    expect(isCalendarDay('2023-02-29')).toBe(false)
    expect(isCalendarDay('2024-13-01')).toBe(false)
    expect(isCalendarDay('2024-9-1')).toBe(false)
  })
})
