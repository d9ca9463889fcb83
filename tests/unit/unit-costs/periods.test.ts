/** The buckets of a cost-per-unit series (shared/unit-costs/periods.ts): every bucket, across month and year ends. */
import { describe, expect, it } from 'vitest'
import { bucketRange } from '../../../shared/unit-costs/periods'

describe('bucketRange', () => {
  it('lists every day, across a leap day and a year end', () => {
    expect(bucketRange('day', '2028-02-28', '2028-03-01')).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ])
    expect(bucketRange('day', '2026-12-31', '2027-01-01')).toEqual(['2026-12-31', '2027-01-01'])
  })

  it('lists every Monday from the first week to the last', () => {
    expect(bucketRange('week', '2026-12-21', '2027-01-11')).toEqual([
      '2026-12-21',
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ])
  })

  it('lists every month across a year end, and one bucket when first is last', () => {
    expect(bucketRange('month', '2026-11', '2027-02')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ])
    expect(bucketRange('month', '2024-09', '2024-09')).toEqual(['2024-09'])
  })
})
