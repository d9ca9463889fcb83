/** shared/report/budgets: strict parsing of target,currency,amount. */
import { describe, expect, it } from 'vitest'
import { errorOf } from '../../helpers/failure'
import { budgetsOfPeriod, parseBudgetsCsv } from '../../../shared/report'

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

  it('reads an optional period column: a row with one counts for that month only', () => {
    const budgets = parseBudgetsCsv(
      'target,currency,amount,period\nA,USD,10,2024-09\nA,USD,11,2024-10\nB,USD,5,\n',
    )
    expect(budgetsOfPeriod(budgets, '2024-09')).toEqual([
      { target: 'A', currency: 'USD', amount: '10', period: '2024-09' },
      { target: 'B', currency: 'USD', amount: '5' },
    ])
    expect(budgetsOfPeriod(budgets, '2024-11')).toEqual([
      { target: 'B', currency: 'USD', amount: '5' },
    ])
    expect(
      errorOf(() => parseBudgetsCsv('target,currency,amount,period\nA,USD,1,Sept')),
    ).toMatchObject({
      code: 'BAD_VALUE',
      location: { line: 2 },
    })
    expect(
      errorOf(() =>
        parseBudgetsCsv('target,currency,amount,period\nA,USD,1,2024-09\nA,USD,2,2024-09'),
      ).message,
    ).toContain('repeats the budget of A in USD for 2024-09')
  })
})
