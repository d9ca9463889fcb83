/** shared/ledger/change: exact deltas and delta % (rounded half away from zero, null on a zero base), and the sign-off flag. */
import { describe, expect, it } from 'vitest'
import { needsSignOff, SIGN_OFF_THRESHOLD } from '../../../electron/core/ledger/ledger-week'
import { atLeast, change, deltaPercent } from '../../../shared/ledger/change'

describe('change', () => {
  it('subtracts exactly and gives the percentage of last week', () => {
    expect(change('0.3', '0.1')).toEqual({
      thisWeek: '0.3',
      lastWeek: '0.1',
      delta: '0.2',
      deltaPercent: '200',
    })
    expect(change('4.9816431895', '6.6439612724').deltaPercent).toBe('-25.02')
    expect(change('5', '0')).toMatchObject({ delta: '5', deltaPercent: null })
  })

  it('rounds half away from zero and keeps the sign against a negative base (credits)', () => {
    expect(deltaPercent('1', '8')).toBe('12.5')
    expect(deltaPercent('1', '3')).toBe('33.33')
    expect(deltaPercent('2', '3')).toBe('66.67')
    expect(deltaPercent('-2', '3')).toBe('-66.67')
    expect(deltaPercent('1', '-4')).toBe('-25')
    expect(deltaPercent('0.00005', '1')).toBe('0.01')
  })

  it('compares sizes whatever the sign', () => {
    expect(atLeast('-1000', '1000')).toBe(true)
    expect(atLeast('999.999999', '1000')).toBe(false)
  })
})

describe('needsSignOff', () => {
  const signed = {
    text: 't',
    owner: 'o',
    updatedBy: 'u',
    updatedAt: '2024-09-30T00:00:00Z',
    signedBy: 'lead',
    signedAt: '2024-09-30T00:00:00Z',
  }
  it(`flags |delta| ≥ ${SIGN_OFF_THRESHOLD.amount} or |delta %| ≥ ${SIGN_OFF_THRESHOLD.percent}% until signed off`, () => {
    expect(needsSignOff(change('11000', '10000'), null)).toBe(true) // 1,000, 10%
    expect(needsSignOff(change('10999', '10000'), null)).toBe(false) // 999, 9.99%
    expect(needsSignOff(change('1.2', '1'), null)).toBe(true) // 20%
    expect(needsSignOff(change('1.19', '1'), null)).toBe(false) // 19%
    expect(needsSignOff(change('500', '0'), null)).toBe(false) // new, under the amount
    expect(needsSignOff(change('0', '2000'), null)).toBe(true)
    expect(needsSignOff(change('0', '2000'), signed)).toBe(false)
    expect(needsSignOff(change('0', '2000'), { ...signed, signedBy: null, signedAt: null })).toBe(
      true,
    )
  })
})
