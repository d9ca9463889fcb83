/** shared/ledger/change: exact deltas and delta % (rounded half away from zero, null on a zero base), and the sign-off flag. */
import { describe, expect, it } from 'vitest'
import { needsSignOff as flagged } from '../../../electron/core/ledger/ledger-week'
import { atLeast, change, deltaPercent } from '../../../shared/ledger/change'
import {
  checkSignOff,
  DEFAULT_SIGN_OFF,
  signOffRule,
  type SignOffThreshold,
} from '../../../shared/ledger/sign-off'
import type { LedgerExplanation } from '../../../shared/contract/ledger'

const needsSignOff = (
  figures: { delta: string; deltaPercent: string | null },
  explanation: LedgerExplanation | null,
  threshold: SignOffThreshold = DEFAULT_SIGN_OFF,
): boolean => flagged(figures, explanation, threshold)

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
  it(`flags ${signOffRule(DEFAULT_SIGN_OFF)} until signed off`, () => {
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

  it('flags by the parts of a workspace threshold that are on', () => {
    const amountOnly = { amount: '50', percent: null }
    expect(needsSignOff(change('150', '100'), null, amountOnly)).toBe(true) // 50
    expect(needsSignOff(change('1.9', '1'), null, amountOnly)).toBe(false) // 90%, 0.9
    const percentOnly = { amount: null, percent: '5.5' }
    expect(needsSignOff(change('105.5', '100'), null, percentOnly)).toBe(true) // 5.5%
    expect(needsSignOff(change('105.49', '100'), null, percentOnly)).toBe(false) // 5.49%
    expect(needsSignOff(change('90000', '0'), null, percentOnly)).toBe(false) // new: no %
  })
})

describe('checkSignOff', () => {
  it('keeps decimals ≥ 0 with at most 4 decimals, empty or "off" as off, not both off', () => {
    expect(checkSignOff({ amount: ' 250.50 ', percent: 'off' })).toEqual({
      ok: true,
      value: { amount: '250.5', percent: null },
    })
    expect(checkSignOff({ amount: '', percent: '0' })).toEqual({
      ok: true,
      value: { amount: null, percent: '0' },
    })
    const refused = (amount: string | null, percent: string | null): string =>
      JSON.stringify(
        checkSignOff({ amount, percent }, { amount: '--amount', percent: '--percent' }),
      )
    expect(refused('-5', '20')).toContain('--amount \\"-5\\" is negative')
    expect(refused('1.23456', '20')).toContain('--amount \\"1.23456\\" has more than 4 decimals')
    expect(refused('1000', 'twenty')).toContain('--percent \\"twenty\\" is not a number')
    expect(refused('1e3', '20')).toContain('--amount \\"1e3\\" is not a number')
    expect(refused(null, '')).toContain('"part":"both"')
  })
})
