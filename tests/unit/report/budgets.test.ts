/** shared/report/budgets: strict parsing of target,currency,amount. */
import { describe, expect, it } from 'vitest'
import { FocalFailure } from '../../../shared/contract'
import { parseBudgetsCsv } from '../../../shared/report'

function errorOf(fn: () => unknown): FocalFailure['error'] {
  try {
    fn()
  } catch (cause) {
    if (cause instanceof FocalFailure) return cause.error
    throw cause
  }
  throw new Error('expected a FocalFailure')
}

describe('parseBudgetsCsv', () => {
  it('reads columns in any order, quoted names, BOM and CRLF', () => {
    const text =
      '\ufeffcurrency,target,amount\r\nusd,"Atlas, Orion",15.00\r\nEUR,Team B,"1,250.5"\r\n\r\n'
    expect(parseBudgetsCsv(text)).toEqual([
      { target: 'Atlas, Orion', currency: 'USD', amount: '15' },
      { target: 'Team B', currency: 'EUR', amount: '1250.5' },
    ])
  })

  it('says which line is wrong', () => {
    expect(errorOf(() => parseBudgetsCsv('target,currency\nA,USD'))).toMatchObject({
      code: 'MISSING_COLUMNS',
    })
    expect(errorOf(() => parseBudgetsCsv('target,currency,amount\nA,USD,12x'))).toMatchObject({
      code: 'BAD_VALUE',
      location: { line: 2 },
    })
    expect(errorOf(() => parseBudgetsCsv('target,currency,amount\nA,US Dollar,1'))).toMatchObject({
      code: 'BAD_VALUE',
    })
    expect(
      errorOf(() => parseBudgetsCsv('target,currency,amount\nA,USD,1\nA,USD,2')).message,
    ).toContain('repeats')
  })
})
