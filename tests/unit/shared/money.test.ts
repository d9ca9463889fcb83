import { describe, expect, it } from 'vitest'
import {
  formatMoney,
  fromScaled,
  normalizeDecimal,
  subtractDecimals,
  sumDecimals,
  toScaled,
} from '../../../shared/money'

describe('money', () => {
  it('adds decimal strings exactly where floats drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3')
    expect(sumDecimals(['20.520226728990000000', '-0.000000000000000001'])).toBe(
      '20.520226728989999999',
    )
  })

  it('round-trips scale-18 values and normalizes trailing zeros and signs', () => {
    expect(fromScaled(toScaled('-1.500'))).toBe('-1.5')
    expect(normalizeDecimal('-0.000')).toBe('0')
    expect(normalizeDecimal('+12')).toBe('12')
    expect(subtractDecimals('2.51', '2.5')).toBe('0.01')
  })

  it('writes scaled integers at every scale as long division by the power of ten says', () => {
    // Independent: the quotient and remainder by 10^scale, the remainder padded and trimmed.
    const expected = (value: bigint, scale: number): string => {
      const size = value < 0n ? -value : value
      const unit = 10n ** BigInt(scale)
      const frac = (size % unit).toString().padStart(scale, '0').replace(/0+$/, '')
      const body = `${size / unit}${frac ? `.${frac}` : ''}`
      return value < 0n && body !== '0' ? `-${body}` : body
    }
    const values = [0n, 1n, -1n, 9n, -10n, 10n ** 18n, -(10n ** 18n), 10n ** 38n - 1n]
    let seed = 7n
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n
      const digits = Number(seed % 39n)
      const value = seed % 10n ** BigInt(digits) // 0 to 38 digits, many trailing zeros below
      values.push(i % 2 ? -value : value * 10n ** BigInt(i % 7))
    }
    for (const scale of [0, 1, 2, 6, 10, 18, 38])
      for (const value of values)
        expect(fromScaled(value, scale), `${value} at ${scale}`).toBe(expected(value, scale))
    expect(fromScaled(-5n, 3)).toBe('-0.005')
    expect(fromScaled(120n, 2)).toBe('1.2')
  })

  it('normalizes DuckDB decimal text as the bigint round trip does, and refuses what it refuses', () => {
    const texts = [
      '7872.876826005600000000',
      '-0.000000000000000000',
      '007.0100',
      '-00.50',
      '5.',
      '0',
      '-0',
      '123456789012345678901234567890.000000000000000001',
      '-1.000000000000000000',
      '.5',
      '+3.10',
      ' 4.20 ',
    ]
    for (const text of texts) expect(normalizeDecimal(text), text).toBe(fromScaled(toScaled(text)))
    expect(normalizeDecimal('007.0100')).toBe('7.01')
    expect(normalizeDecimal('-00.50')).toBe('-0.5')
    expect(() => normalizeDecimal('0.1234567890123456789')).toThrow('more than 18 decimals')
    expect(() => normalizeDecimal('1e5')).toThrow('not a decimal number')
  })

  it('refuses text that is not a plain decimal', () => {
    expect(() => toScaled('$10,000.00')).toThrow('not a decimal number')
    expect(() => toScaled('1e5')).toThrow('not a decimal number')
    expect(() => toScaled('0.1234567890123456789')).toThrow('more than 18 decimals')
  })

  it('formats with the currency code and rounds on the exact decimal', () => {
    const plain = (text: string) => text.replaceAll('\u00a0', ' ')
    expect(plain(formatMoney('1234567.125', 'USD'))).toBe('USD 1,234,567.13')
    expect(plain(formatMoney('0.30000000000000000001', 'USD', { maximumFractionDigits: 20 }))).toBe(
      'USD 0.30000000000000000001',
    )
    expect(plain(formatMoney('-0.004', 'EUR'))).toBe('EUR 0.00')
    expect(formatMoney('10', 'TOKENS')).toBe('TOKENS 10.00')
  })

  it('puts a minus sign by the digits, never before the currency code', () => {
    const plain = (text: string) => text.replaceAll('\u00a0', ' ')
    expect(plain(formatMoney('-0.15', 'USD'))).toBe('USD -0.15')
    expect(plain(formatMoney('-12.5', 'EUR'))).toBe('EUR -12.50')
    expect(plain(formatMoney('-1234567.125', 'USD'))).toBe('USD -1,234,567.13')
    expect(plain(formatMoney('-1500', 'JPY', { minimumFractionDigits: 0 }))).toBe('JPY -1,500')
    expect(formatMoney('-10', 'TOKENS')).toBe('TOKENS -10.00')
    expect(plain(formatMoney('-0.001', 'USD'))).toBe('USD 0.00')
  })
})
