/** readCurrencyText: reconciliation's own reading of money written as a currency string. */
import { describe, expect, it } from 'vitest'
import { readCurrencyText } from '../../../electron/core/ingest/currency-text'

describe('readCurrencyText', () => {
  it.each([
    ['$10,000.00', 'USD', '10000.00'],
    ['-$1,234,567.891', 'USD', '-1234567.891'],
    ['$20', 'USD', '20'],
    ['€1,000', 'EUR', '1000'],
    ['¥1,000', 'CNY', '1000'],
    ['2,000.25', 'EUR', '2000.25'],
    ['2,000.25', null, '2000.25'],
  ])('reads %j on a %s row as %j', (text, currency, expected) => {
    expect(readCurrencyText(text, currency)).toBe(expected)
  })

  it.each([
    ['$10.00', 'EUR'],
    ['$10.00', null],
    ['1.234,5', 'EUR'],
    ['12,5', 'EUR'],
    ['1,23,456', 'USD'],
    ['1234,567', 'USD'],
    ['10.00$', 'USD'],
    ['$-10', 'USD'],
    ['$', 'USD'],
    ['$1.', 'USD'],
    ['20', 'USD'],
    ['1.2.3', 'USD'],
  ])('refuses %j on a %s row', (text, currency) => {
    expect(readCurrencyText(text, currency)).toBeNull()
  })
})
