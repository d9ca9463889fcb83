/** shared/compliance/percent: the compliant share rounded half away from zero on exact decimals. */
import { describe, expect, it } from 'vitest'
import { percentOf } from '../../../shared/compliance/percent'

describe('percentOf', () => {
  it('rounds to two decimals, half away from zero', () => {
    expect(percentOf('170.15', '224.795')).toBe('75.69')
    expect(percentOf('1', '3')).toBe('33.33')
    expect(percentOf('2', '3')).toBe('66.67')
    expect(percentOf('1', '8')).toBe('12.50')
    expect(percentOf('0.00005', '1')).toBe('0.01')
    expect(percentOf('0.000049', '1')).toBe('0.00')
    expect(percentOf('40', '40')).toBe('100.00')
    expect(percentOf('0', '7')).toBe('0.00')
  })

  it('keeps the sign of credits and is null over nothing', () => {
    expect(percentOf('-1', '8')).toBe('-12.50')
    expect(percentOf('5', '-10')).toBe('-50.00')
    expect(percentOf('-5', '-10')).toBe('50.00')
    expect(percentOf('3', '0')).toBeNull()
  })

  it('is exact past what a float holds', () => {
    expect(percentOf('1', '300000000000000000000.000000000000000001')).toBe('0.00')
    expect(percentOf('123456789012345678.5', '123456789012345679')).toBe('100.00')
    expect(percentOf('0.333333333333333333', '1')).toBe('33.33')
  })
})
