/** Contract commitments' terms and expiry windows (electron/core/commitments/commitment-terms.ts), in UTC whatever TZ says. */
import { describe, expect, it } from 'vitest'
import {
  daysUntil,
  expiryWindow,
  termText,
} from '../../../../electron/core/commitments/commitment-terms'

describe('commitment terms', () => {
  it('names whole years, whole months, else days', () => {
    expect(termText('2026-05-01T04:00:00Z', '2027-05-01T04:00:00Z')).toBe('1 year')
    expect(termText('2024-01-15T00:00:00Z', '2027-01-15T00:00:00Z')).toBe('3 years')
    expect(termText('2024-01-31T00:00:00Z', '2025-07-31T00:00:00Z')).toBe('18 months')
    expect(termText('2024-01-01T00:00:00Z', '2024-02-15T00:00:00Z')).toBe('45 days')
    expect(termText(null, '2024-02-15T00:00:00Z')).toBeNull()
  })

  it('counts days from the start of the "as of" day, a started day as whole', () => {
    expect(daysUntil('2027-03-01', '2027-03-31T00:00:00Z')).toBe(30)
    expect(daysUntil('2027-03-01', '2027-03-31T00:00:01Z')).toBe(31)
    expect(daysUntil('2027-03-01', '2027-02-28T00:00:00Z')).toBe(-1)
  })

  it('puts an end in the smallest of the 30, 60 and 90 day windows', () => {
    expect([0, 30, 31, 60, 61, 90, 91, -1, null].map(expiryWindow)).toEqual([
      30,
      30,
      60,
      60,
      90,
      90,
      null,
      null,
      null,
    ])
  })
})
