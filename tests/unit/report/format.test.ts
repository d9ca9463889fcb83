/** shared/report/format: amounts with their currency, changes, shares, reconciliation sentence. */
import { describe, expect, it } from 'vitest'
import {
  axisLabel,
  describeChange,
  formatAmount,
  formatExact,
  formatShare,
  formatSigned,
  reconciliationText,
  ruleSetText,
} from '../../../shared/report'

const plain = (s: string): string => s.replace(/\u00a0/g, ' ')

describe('report formatting', () => {
  it('formats at the minor unit and exactly', () => {
    expect(plain(formatAmount('1234.565', 'USD'))).toBe('USD 1,234.57')
    expect(plain(formatAmount('1234.5', 'JPY'))).toBe('JPY 1,235')
    expect(plain(formatExact('15.469362549700000000', 'USD'))).toBe('USD 15.4693625497')
    expect(plain(formatExact('0.000000000000000001', 'USD'))).toBe('USD 0.000000000000000001')
    expect(plain(formatExact('3', 'USD'))).toBe('USD 3.00')
  })

  it('signs changes and hides a sign on zero', () => {
    expect(plain(formatSigned('1.2', 'USD'))).toBe('USD +1.20')
    expect(plain(formatSigned('-0.3', 'USD'))).toBe('USD -0.30')
    expect(plain(formatSigned('-0.001', 'USD'))).toBe('USD 0.00')
    // Exact: every decimal, so a difference of a thousandth of a cent is not shown as none.
    expect(plain(formatSigned('-0.001', 'USD', true))).toBe('USD -0.001')
    expect(plain(formatSigned('0.000000000000000001', 'USD', true))).toBe(
      'USD +0.000000000000000001',
    )
    expect(plain(formatSigned('0', 'USD', true))).toBe('USD 0.00')
    expect(describeChange('5', null, 'USD')).toMatchObject({ difference: null, percent: null })
    const change = describeChange('12', '10', 'USD')
    expect(change.difference).toBe('2')
    expect(change.percent).toBe('+20.0%')
    expect(describeChange('1', '0', 'USD')).toMatchObject({ percent: null, detail: 'up from zero' })
    expect(describeChange('0', '0', 'USD').detail).toBe('no change')
    expect(describeChange('-1', '0', 'USD').detail).toBe('down from zero')
    expect(describeChange('1', null, 'USD').detail).toBe('no previous data')
    expect(describeChange('-1', '-2', 'USD').percent).toBe('+50.0%')
  })

  it('computes shares and axis labels', () => {
    expect(formatShare('1', '3')).toBe('33.3%')
    expect(formatShare('1', '0')).toBe('–')
    expect(axisLabel(2500)).toBe('2.5k')
    expect(axisLabel(0.05)).toBe('0.05')
    expect(axisLabel(0)).toBe('0')
  })

  it('writes the reconciliation line with exact amounts and a verdict', () => {
    const line = {
      currency: 'USD',
      targets: '20',
      unallocated: '0.28022672899',
      sum: '20.28022672899',
      periodTotal: '20.28022672899',
      difference: '0',
      ok: true,
    }
    expect(plain(reconciliationText(line, 'BilledCost'))).toBe(
      'USD: cost centers USD 20.00 + Unallocated USD 0.28022672899 = USD 20.28022672899; ' +
        'period invoice total (BilledCost) USD 20.28022672899 — reconciled',
    )
    expect(
      plain(reconciliationText({ ...line, ok: false, difference: '0.01' }, 'EffectiveCost')),
    ).toContain('DOES NOT RECONCILE: difference USD 0.01')
    expect(ruleSetText(null, 'tag:team')).toBe('No rules: grouped by tag:team')
  })
})
