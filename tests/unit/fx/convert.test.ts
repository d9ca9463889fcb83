/** shared/fx/convert and reporting: which rate applies, exact conversion, a missing rate named. */
import { describe, expect, it } from 'vitest'
import { FocalFailure } from '../../../shared/contract'
import {
  buildReportingCurrency,
  convertAmount,
  findRate,
  parseRatesCsv,
  requireRate,
} from '../../../shared/fx'

const DAILY = parseRatesCsv(
  'date,from,to,rate,source\n2024-09-02,USD,EUR,0.90,ECB\n2024-09-27,USD,EUR,0.8972,ECB\n2024-10-01,USD,EUR,0.95,ECB\n',
  'd.csv',
)
const MONTHLY = parseRatesCsv(
  'month,from,to,rate,source\n2024-09,USD,EUR,0.91,Treasury avg\n',
  'm.csv',
)

describe('findRate', () => {
  it('a month takes its month rate before any daily rate', () => {
    expect(findRate([...DAILY, ...MONTHLY], 'USD', 'EUR', '2024-09')).toEqual({
      from: 'USD',
      to: 'EUR',
      rate: '0.91',
      rateDate: '2024-09',
      source: 'Treasury avg',
    })
  })

  it('a month without a month rate takes the last daily rate dated within it', () => {
    expect(findRate(DAILY, 'USD', 'EUR', '2024-09')?.rateDate).toBe('2024-09-27')
    expect(findRate(DAILY, 'USD', 'EUR', '2024-08')).toBeNull()
  })

  it('a day takes its own rate, else the last before it in its month, else the month rate', () => {
    expect(findRate(DAILY, 'USD', 'EUR', '2024-09-27')?.rate).toBe('0.8972')
    expect(findRate(DAILY, 'USD', 'EUR', '2024-09-29')?.rateDate).toBe('2024-09-27')
    expect(findRate(DAILY, 'USD', 'EUR', '2024-09-01')).toBeNull()
    expect(findRate([...DAILY, ...MONTHLY], 'USD', 'EUR', '2024-09-01')?.rateDate).toBe('2024-09')
  })

  it('never inverts a rate', () => {
    expect(findRate(DAILY, 'EUR', 'USD', '2024-09')).toBeNull()
  })
})

describe('requireRate', () => {
  it('names the currencies and the month when the rate is missing', () => {
    let error: FocalFailure['error'] | null = null
    try {
      requireRate(DAILY, 'GBP', 'EUR', '2024-09')
    } catch (cause) {
      if (cause instanceof FocalFailure) error = cause.error
    }
    expect(error).toMatchObject({
      code: 'FX_RATE_MISSING',
      message: 'No exchange rate from GBP to EUR for the month 2024-09.',
    })
  })
})

describe('convertAmount', () => {
  it('multiplies exactly, with no rounding', () => {
    expect(convertAmount('123.456789012345678901', '0.8972')).toBe('110.7654311018765431099772') // Python Decimal, 80 digits
    expect(convertAmount('-0.01', '0.000000000001')).toBe('-0.00000000000001')
  })
})

describe('buildReportingCurrency', () => {
  const model = {
    period: '2024-09',
    currencies: ['EUR', 'USD'],
    targets: [
      {
        target: 'A',
        amounts: [
          { currency: 'EUR', exact: '10.5' },
          { currency: 'USD', exact: '100.01' },
        ],
      },
      { target: 'B', amounts: [{ currency: 'USD', exact: '0.333' }] },
    ],
  }

  it('converts each cost center and adds the total exactly; the reporting currency is kept as it is', () => {
    const r = buildReportingCurrency(model, 'EUR', DAILY)
    expect(r.rates).toEqual([
      { from: 'USD', to: 'EUR', rate: '0.8972', rateDate: '2024-09-27', source: 'ECB' },
    ])
    // 10.5 + 100.01 × 0.8972 = 10.5 + 89.728972; 0.333 × 0.8972 = 0.2987676
    expect(r.targets).toEqual([
      { target: 'A', amount: '100.228972' },
      { target: 'B', amount: '0.2987676' },
    ])
    expect(r.total).toBe('100.5277396')
  })

  it('fails when a currency of the pack has no rate', () => {
    expect(() => buildReportingCurrency(model, 'GBP', DAILY)).toThrow(
      'No exchange rate from EUR to GBP for the month 2024-09.',
    )
  })
})
