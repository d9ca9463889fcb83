/** DecimalAdder: exact sums of decimal text, the fast parts path and the bigint path agreeing. */
import { describe, expect, it } from 'vitest'
import { DecimalAdder, scaledOf } from '../../../shared/decimal-adder'
import { sumDecimals } from '../../../shared/money'

function sum(values: readonly string[]): string {
  const adder = new DecimalAdder()
  for (const v of values) expect(adder.add(v)).toBe(true)
  return adder.sum()
}

describe('DecimalAdder', () => {
  it('adds plain values exactly, signs and missing parts included', () => {
    expect(sum(['1.25', '-0.25', '+.5', '3.', '0.000000000000000001'])).toBe('4.500000000000000001')
    expect(sum([])).toBe('0')
    expect(sum([' 2.5 ', '-2.5'])).toBe('0')
  })

  it('stays exact over a million values of 12 integer digits and 18 decimals (flushes before 2^53)', () => {
    const value = '999999999999.999999999999999999'
    const adder = new DecimalAdder()
    for (let i = 0; i < 1_000_000; i++) adder.add(value)
    expect(adder.sum()).toBe('999999999999999999.999999999999000000'.replace(/0+$/, ''))
  })

  it('takes the bigint path for exponents and long integers, equal to the money oracle', () => {
    expect(sum(['1e3', '2.5E-1', '1234567890123456789.5', '-1e0'])).toBe(
      sumDecimals(['1000', '0.25', '1234567890123456789.5', '-1']),
    )
  })

  it('rounds past the 18th decimal half away from zero, as DECIMAL(38,18) stores it', () => {
    expect(sum(['0.1234567890123456789'])).toBe('0.123456789012345679')
    expect(sum(['-0.00000000000000000050'])).toBe('-0.000000000000000001')
    expect(sum(['1e-20', '1.23456789e-15', '100e-20'])).toBe('0.000000000000001236')
  })

  it('refuses what is not a number, adding nothing', () => {
    const adder = new DecimalAdder()
    for (const bad of ['', '-', '.', '1,5', '$1', '1.2.3', 'e5', '1e', 'NaN'])
      expect(adder.add(bad)).toBe(false)
    expect(adder.sum()).toBe('0')
    expect(scaledOf('1e99999')).toBeNull()
  })
})

describe('DecimalAdder.addAscii', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

  it('adds plain byte values to the same sum as their text', () => {
    const values = [
      '1.25',
      '-0.000000001',
      '+7',
      '3.',
      '.5',
      '999999999999.999999999999999999',
      '-12.3456789012',
    ]
    const fromBytes = new DecimalAdder()
    for (const v of values)
      expect(fromBytes.addAscii(bytes(`x${v}y`), 1, v.length + 1), v).toBe(true)
    expect(fromBytes.sum()).toBe(sumDecimals(values))
  })

  it('adds amounts written with an exponent, as AWS writes them, to the same sum as scaledOf', () => {
    const values = [
      '5.0E-7',
      '-4.0E-7',
      '1e3',
      '1.e3',
      '.5E1',
      '+1.0E+2',
      '2.5e-1',
      '1.2345678E7',
      '9.99999999999E11',
      '1e-18',
      '12345678901.2345678E-8',
      '-0.000001E4',
      '0e99',
      '1E-0',
      '100e-20',
    ]
    const fromBytes = new DecimalAdder()
    let exact = 0n
    for (const v of values) {
      expect(fromBytes.addAscii(bytes(`x${v}y`), 1, v.length + 1), v).toBe(true)
      exact += scaledOf(v)!
    }
    const oracle = new DecimalAdder()
    for (const v of values) oracle.add(v)
    expect(fromBytes.sum()).toBe(oracle.sum())
    expect(scaledOf(fromBytes.sum())).toBe(exact)
  })

  it('leaves an exponent amount past 12 integer digits or 18 decimals, or so written, to the text path', () => {
    const adder = new DecimalAdder()
    for (const v of [
      '1e12',
      '1e-19',
      '1.5e-18',
      '9.99E13',
      '1e',
      '1e+',
      'e5',
      '.e5',
      '1e1000',
      '1e5x',
    ])
      expect(adder.addAscii(bytes(v), 0, v.length), v).toBe(false)
    expect(adder.sum()).toBe('0')
  })

  it('leaves to the text path what is not plain: spaces, 13 integer digits, 19 decimals', () => {
    const adder = new DecimalAdder()
    for (const v of [' 1', '1 ', '1234567890123', '0.1234567890123456789', '-', '.', '1,5'])
      expect(adder.addAscii(bytes(v), 0, v.length), v).toBe(false)
    expect(adder.sum()).toBe('0')
  })
})
