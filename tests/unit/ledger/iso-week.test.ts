/** shared/ledger/iso-week: ISO weeks across month and year boundaries, 53-week years, bad input. */
import { describe, expect, it } from 'vitest'
import {
  daysOfWeek,
  isoWeekOf,
  IsoWeekError,
  parseIsoWeek,
  shiftIsoWeek,
  weeksInYear,
} from '../../../shared/ledger/iso-week'

describe('parseIsoWeek', () => {
  it.each([
    ['2024-W01', '2024-01-01', '2024-01-08'],
    ['2025-W01', '2024-12-30', '2025-01-06'],
    ['2020-W53', '2020-12-28', '2021-01-04'],
    ['2021-W01', '2021-01-04', '2021-01-11'],
    ['2026-W01', '2025-12-29', '2026-01-05'],
    ['2024-W39', '2024-09-23', '2024-09-30'],
    ['2024-W40', '2024-09-30', '2024-10-07'],
    ['2025-W24', '2025-06-09', '2025-06-16'],
  ])('%s is [%s, %s)', (text, start, end) => {
    const week = parseIsoWeek(text)
    expect([week.start, week.end, week.label]).toEqual([start, end, text])
  })

  it('rejects weeks a year does not have and malformed text', () => {
    expect(() => parseIsoWeek('2021-W53')).toThrow(IsoWeekError)
    expect(() => parseIsoWeek('2024-W00')).toThrow(/weeks 1 to 52/)
    expect(() => parseIsoWeek('2024-7')).toThrow(/YYYY-Www/)
    expect(weeksInYear(2020)).toBe(53)
    expect(weeksInYear(2015)).toBe(53)
    expect(weeksInYear(2024)).toBe(52)
  })
})

describe('isoWeekOf and shiftIsoWeek', () => {
  it('puts days at a year boundary into the week of their Thursday', () => {
    expect(isoWeekOf('2021-01-03').label).toBe('2020-W53')
    expect(isoWeekOf('2021-01-04').label).toBe('2021-W01')
    expect(isoWeekOf('2024-12-31').label).toBe('2025-W01')
    expect(isoWeekOf('2024-12-29T23:59:59Z').label).toBe('2024-W52')
  })

  it('steps back across a month and a year boundary', () => {
    expect(shiftIsoWeek(parseIsoWeek('2021-W01'), -1).label).toBe('2020-W53')
    expect(shiftIsoWeek(parseIsoWeek('2024-W40'), -1).label).toBe('2024-W39')
    expect(shiftIsoWeek(parseIsoWeek('2020-W53'), 1).label).toBe('2021-W01')
  })

  it('lists a week across a month boundary Monday first', () => {
    expect(daysOfWeek(parseIsoWeek('2024-W40'))).toEqual([
      '2024-09-30',
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-05',
      '2024-10-06',
    ])
  })
})
