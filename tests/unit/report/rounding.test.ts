/** shared/report/rounding: half-away rounding and largest-remainder apportioning keep totals exact. */
import { describe, expect, it } from 'vitest'
import { sumDecimals } from '../../../shared/money'
import {
  apportionRounded,
  chargedAmounts,
  chargedKey,
  currencyDecimals,
  fixedDecimals,
  roundDecimal,
} from '../../../shared/report'

describe('currencyDecimals', () => {
  it('knows minor units and falls back to 2', () => {
    expect(currencyDecimals('USD')).toBe(2)
    expect(currencyDecimals('JPY')).toBe(0)
    expect(currencyDecimals('BHD')).toBe(3)
    expect(currencyDecimals('not a code')).toBe(2)
  })
})

describe('roundDecimal', () => {
  it('rounds half away from zero, like the display does', () => {
    expect(roundDecimal('0.125', 2)).toBe('0.13')
    expect(roundDecimal('-0.125', 2)).toBe('-0.13')
    expect(roundDecimal('0.124999999999999999', 2)).toBe('0.12')
    expect(roundDecimal('20.28022672899', 2)).toBe('20.28')
    expect(roundDecimal('-0.004', 2)).toBe('0')
    expect(roundDecimal('1234.5', 0)).toBe('1235')
  })

  it('writes fixed decimals for ledgers', () => {
    expect(fixedDecimals('20.3', 2)).toBe('20.30')
    expect(fixedDecimals('-0.005', 2)).toBe('-0.01')
    expect(fixedDecimals('7', 2)).toBe('7.00')
    expect(fixedDecimals('1234.5', 0)).toBe('1235')
  })
})

describe('apportionRounded', () => {
  it('makes rounded parts add up to the rounded total where plain rounding would not', () => {
    const values = ['0.004', '0.004', '0.004'] // plain rounding: 0.00 × 3 = 0.00, total 0.012 → 0.01
    const rounded = apportionRounded(values, 2)
    expect(rounded).toEqual(['0.01', '0', '0'])
    expect(sumDecimals(rounded)).toBe('0.01')
  })

  it('gives the extra cents to the largest remainders, ties to the earlier value', () => {
    expect(apportionRounded(['1.005', '2.009', '3.006'], 2)).toEqual(['1', '2.01', '3.01'])
    expect(apportionRounded(['0.5', '0.5'], 0)).toEqual(['1', '0'])
  })

  it('handles credits (negative values) with floors toward minus infinity', () => {
    const values = ['-1.004', '3.337', '-0.333']
    const rounded = apportionRounded(values, 2)
    expect(sumDecimals(rounded)).toBe(roundDecimal(sumDecimals(values), 2))
    rounded.forEach((r, i) => {
      const diff = Math.abs(Number(r) - Number(values[i]))
      expect(diff).toBeLessThan(0.01)
    })
  })

  it('hits an explicit total (a cost center split over ledger accounts)', () => {
    expect(apportionRounded(['0.333', '0.333', '0.334'], 2, '1.01')).toEqual([
      '0.34',
      '0.33',
      '0.34',
    ])
  })

  it('keeps the sum for many tiny amounts', () => {
    const values = Array.from({ length: 500 }, (_, i) => `0.00${(i * 7919) % 1000}`)
    const rounded = apportionRounded(values, 2)
    expect(sumDecimals(rounded)).toBe(roundDecimal(sumDecimals(values), 2))
  })

  it('refuses a total it cannot reach by moving each value to its floor or ceiling', () => {
    expect(() => apportionRounded(['1.00', '2.00'], 2, '3.01')).toThrow(/cannot round/)
    expect(() => apportionRounded(['1'], 2, '1.001')).toThrow(/decimals/)
  })
})

describe('chargedAmounts', () => {
  const amounts = [
    { target: 'b', currency: 'USD', exact: '1.005' },
    { target: 'a', currency: 'USD', exact: '1.005' },
    { target: 'c', currency: 'USD', exact: '0.004' },
    { target: 'Unallocated', currency: 'USD', exact: '0.005' },
    { target: 'd', currency: 'USD', exact: '0.001' },
    { target: 'a', currency: 'JPY', exact: '10.5' },
    { target: 'b', currency: 'JPY', exact: '10.5' },
  ]

  it('apportions per currency to the rounded total; ties go to the larger amount, then the first name', () => {
    const charged = chargedAmounts(amounts)
    // 2.02 to hand out: a and b win the tie of .005 remainders against Unallocated.
    expect(charged.get(chargedKey('USD', 'a'))).toBe('1.01')
    expect(charged.get(chargedKey('USD', 'b'))).toBe('1.01')
    expect(charged.get(chargedKey('USD', 'Unallocated'))).toBe('0')
    expect(charged.get(chargedKey('USD', 'c'))).toBe('0')
    expect(charged.get(chargedKey('USD', 'd'))).toBe('0')
    // 21 yen for two equal halves: the name first in code-point order takes the odd yen.
    expect(charged.get(chargedKey('JPY', 'a'))).toBe('11')
    expect(charged.get(chargedKey('JPY', 'b'))).toBe('10')
  })

  it('gives the same cents whatever order the caller holds the targets in', () => {
    expect([...chargedAmounts([...amounts].reverse())].sort()).toEqual(
      [...chargedAmounts(amounts)].sort(),
    )
  })
})
