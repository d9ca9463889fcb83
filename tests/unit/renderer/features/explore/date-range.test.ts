/** The Explore date inputs (renderer/src/features/explore/date-range): each bound works alone. */
import { describe, expect, it } from 'vitest'
import { dateRangeOf, isReversed } from '../../../../../renderer/src/features/explore/date-range'

describe('dateRangeOf', () => {
  it('applies From alone and Until alone', () => {
    expect(dateRangeOf('2024-09-15', '')).toEqual({ start: '2024-09-15', end: null })
    expect(dateRangeOf('', '2024-09-15')).toEqual({ start: null, end: '2024-09-15' })
  })

  it('applies both bounds in order, and neither when empty or reversed', () => {
    expect(dateRangeOf('2024-09-01', '2024-10-01')).toEqual({
      start: '2024-09-01',
      end: '2024-10-01',
    })
    expect(dateRangeOf('', '')).toBeNull()
    expect(dateRangeOf('2024-10-01', '2024-09-01')).toBeNull()
    expect(isReversed('2024-10-01', '2024-10-01')).toBe(true)
    expect(isReversed('2024-09-01', '')).toBe(false)
  })
})
