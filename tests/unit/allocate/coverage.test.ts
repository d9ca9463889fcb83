/** shared/allocate/coverage: allocated share per currency against the target, compared exactly. */
import { describe, expect, it } from 'vitest'
import { computeCoverage } from '../../../shared/allocate/coverage'

describe('computeCoverage', () => {
  it('computes the allocated share and the unallocated amount per currency', () => {
    const coverage = computeCoverage(
      [
        { currency: 'USD', total: '1000', unallocated: '40' },
        { currency: 'EUR', total: '200', unallocated: '20' },
      ],
      95,
    )
    expect(coverage.currencies).toEqual([
      {
        currency: 'USD',
        total: '1000',
        allocated: '960',
        unallocated: '40',
        percent: '96.00',
        meetsTarget: true,
      },
      {
        currency: 'EUR',
        total: '200',
        allocated: '180',
        unallocated: '20',
        percent: '90.00',
        meetsTarget: false,
      },
    ])
    expect(coverage.meetsTarget).toBe(false)
    expect(coverage.target).toBe(95)
  })

  it('compares before rounding: 94.996% shows as 95.00 but misses a 95% target', () => {
    const [usd] = computeCoverage(
      [{ currency: 'USD', total: '100000', unallocated: '5004' }],
      95,
    ).currencies
    expect(usd).toMatchObject({ percent: '95.00', meetsTarget: false })
    const [exact] = computeCoverage(
      [{ currency: 'USD', total: '100000', unallocated: '5000' }],
      95,
    ).currencies
    expect(exact).toMatchObject({ percent: '95.00', meetsTarget: true })
  })

  it('takes fractional targets and tiny amounts exactly (98.632961…% allocated)', () => {
    const totals = [{ currency: 'USD', total: '20.28022672899', unallocated: '0.2772384847' }]
    expect(computeCoverage(totals, 98.63).currencies[0]).toMatchObject({
      allocated: '20.00298824429',
      percent: '98.63',
      meetsTarget: true,
    })
    expect(computeCoverage(totals, 98.633).currencies[0]).toMatchObject({ meetsTarget: false })
  })

  it('has no percentage when the total is zero or negative (credits exceed charges)', () => {
    const [zero, negative] = computeCoverage(
      [
        { currency: 'USD', total: '0', unallocated: '0' },
        { currency: 'EUR', total: '-5', unallocated: '-1' },
      ],
      95,
    ).currencies
    expect(zero).toMatchObject({ percent: null, meetsTarget: true })
    expect(negative).toMatchObject({ percent: null, meetsTarget: false, allocated: '-4' })
  })
})
