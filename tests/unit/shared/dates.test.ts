/** shared/dates: times for people are UTC and say so. */
import { describe, expect, it } from 'vitest'
import { formatUtcTime } from '../../../shared/dates'

describe('formatUtcTime', () => {
  it('writes the UTC time with its zone, whatever the offset it was given in', () => {
    expect(formatUtcTime('2024-09-18T22:05:41.123Z')).toBe('2024-09-18 22:05 UTC')
    expect(formatUtcTime('2024-09-19T00:05:41+02:00')).toBe('2024-09-18 22:05 UTC')
    expect(formatUtcTime('not a time')).toBe('not a time')
  })
})
