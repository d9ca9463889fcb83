/** Reconciliation's own reading of numbers as a person's export writes them (electron/core/ingest/written-number.ts). */
import { describe, expect, it } from 'vitest'
import { readWrittenNumber } from '../../../electron/core/ingest/written-number'

describe('readWrittenNumber', () => {
  it('reads decimal commas, thousands separators and a currency sign', () => {
    const german = { decimal: ',', thousands: '.' } as const
    expect(readWrittenNumber('1.234.567,89', german)).toBe('1234567.89')
    expect(readWrittenNumber('-0,5', german)).toBe('-0.5')
    expect(readWrittenNumber("1'234.5", { thousands: "'" })).toBe('1234.5')
    expect(readWrittenNumber('€ 12,50', { decimal: ',', trim: '€ ' })).toBe('12.5')
    expect(readWrittenNumber('12,50 €', { decimal: ',', trim: '€ ' })).toBe('12.5')
  })

  it('multiplies by a factor exactly, rounding past 18 decimals half away from zero', () => {
    expect(readWrittenNumber('12345', { factor: '0.01' })).toBe('123.45')
    expect(readWrittenNumber('3', { factor: '-1.5' })).toBe('-4.5')
    expect(readWrittenNumber('0.000000000000000005', { factor: '0.5' })).toBe(
      '0.000000000000000003',
    )
    expect(readWrittenNumber('-0.000000000000000005', { factor: '0.5' })).toBe(
      '-0.000000000000000003',
    )
  })

  it('gives null for text that is no number once read', () => {
    expect(readWrittenNumber('zwölf', { decimal: ',' })).toBeNull()
    expect(readWrittenNumber('1,2,3', { decimal: ',' })).toBeNull()
    expect(readWrittenNumber('€', { trim: '€' })).toBeNull()
  })
})
