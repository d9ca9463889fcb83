/** shared/fx/rates-csv: the strict parse of the exchange rates file, each mistake named with file, line and column. */
import { describe, expect, it } from 'vitest'
import { errorOf } from '../../helpers/failure'
import { parseRatesCsv } from '../../../shared/fx'

const HEADER = 'date,from,to,rate,source\n'

describe('parseRatesCsv', () => {
  it('reads daily rates in any column order, with BOM, CRLF, quotes and blank lines, keeping the exact rate', () => {
    const text =
      '\ufeffsource,rate,to,from,date\r\n"ECB, reference",0.921500,EUR,USD,2024-09-30\r\n\r\nBoE,1.1862,EUR,GBP,2024-09-27\r\n'
    expect(parseRatesCsv(text, 'rates.csv')).toEqual([
      {
        from: 'USD',
        to: 'EUR',
        grain: 'day',
        on: '2024-09-30',
        rate: '0.9215',
        source: 'ECB, reference',
      },
      { from: 'GBP', to: 'EUR', grain: 'day', on: '2024-09-27', rate: '1.1862', source: 'BoE' },
    ])
  })

  it('reads month rates', () => {
    expect(
      parseRatesCsv('month,from,to,rate,source\n2024-09,USD,EUR,0.9,Treasury', 'm.csv'),
    ).toEqual([
      { from: 'USD', to: 'EUR', grain: 'month', on: '2024-09', rate: '0.9', source: 'Treasury' },
    ])
  })

  it('refuses a bad date naming file, line and column', () => {
    const error = errorOf(() =>
      parseRatesCsv(
        `${HEADER}2024-09-30,USD,EUR,0.9,ECB\n2024-02-30,USD,EUR,0.9,ECB\n`,
        'rates.csv',
      ),
    )
    expect(error).toMatchObject({
      code: 'BAD_VALUE',
      message: 'rates.csv line 3, column date: "2024-02-30" is not a date.',
      hint: 'Write the date as YYYY-MM-DD, e.g. 2024-09-30.',
      location: { file: 'rates.csv', line: 3, column: 'date', value: '2024-02-30' },
    })
    expect(
      errorOf(() => parseRatesCsv('month,from,to,rate,source\n2024-13,USD,EUR,1,X', 'm.csv'))
        .message,
    ).toBe('m.csv line 2, column month: "2024-13" is not a month.')
  })

  it('refuses a rate that is not an exact decimal', () => {
    const error = errorOf(() => parseRatesCsv(`${HEADER}2024-09-30,USD,EUR,0.92x,ECB`, 'rates.csv'))
    expect(error.message).toBe('rates.csv line 2, column rate: "0.92x" is not a rate above zero.')
    expect(error.hint).toBe(
      'Write the rate as a plain decimal above zero with at most 12 decimals, e.g. 0.9215 (1 USD = 0.9215 EUR).',
    )
    expect(error.location).toEqual({ file: 'rates.csv', line: 2, column: 'rate', value: '0.92x' })
    expect(
      errorOf(() => parseRatesCsv(`${HEADER}2024-09-30,USD,EUR,1e-3,ECB`, 'r.csv')).message,
    ).toBe('r.csv line 2, column rate: "1e-3" is not a rate above zero.')
    expect(
      errorOf(() => parseRatesCsv(`${HEADER}2024-09-30,USD,EUR,0.1234567890123,ECB`, 'r.csv')).code,
    ).toBe('BAD_VALUE')
  })

  it('refuses a negative or zero rate', () => {
    expect(
      errorOf(() => parseRatesCsv(`${HEADER}2024-09-30,USD,EUR,-0.9,ECB`, 'r.csv')).message,
    ).toBe('r.csv line 2, column rate: "-0.9" is not a rate above zero.')
    expect(
      errorOf(() => parseRatesCsv(`${HEADER}2024-09-30,USD,EUR,0.000,ECB`, 'r.csv')).message,
    ).toBe('r.csv line 2, column rate: "0.000" is not a rate above zero.')
  })

  it('refuses an unknown column, a missing one, or both date and month', () => {
    const unknown = errorOf(() => parseRatesCsv('date,from,to,rate,source,bank\n', 'rates.csv'))
    expect(unknown).toMatchObject({
      code: 'MISSING_COLUMNS',
      message: 'rates.csv line 1: unknown column "bank".',
      location: { file: 'rates.csv', line: 1 },
    })
    expect(errorOf(() => parseRatesCsv('date,from,to,rate\n', 'r.csv')).message).toBe(
      'r.csv line 1: no "source" column.',
    )
    expect(errorOf(() => parseRatesCsv('date,month,from,to,rate,source\n', 'r.csv')).message).toBe(
      'r.csv line 1: give either a date column (YYYY-MM-DD) or a month column (YYYY-MM), not both.',
    )
  })

  it('refuses a bad currency, a rate to itself, an empty source, a repeated date and a short line', () => {
    const cases: Array<[string, string]> = [
      ['2024-09-30,usd,EUR,0.9,ECB', 'r.csv line 2, column from: "usd" is not a currency code.'],
      ['2024-09-30,EUR,EUR,1,ECB', 'r.csv line 2, column to: a rate from EUR to itself.'],
      ['2024-09-30,USD,EUR,0.9,', 'r.csv line 2, column source: the source is empty.'],
      [
        '2024-09-30,USD,EUR,0.9,ECB\n2024-09-30,USD,EUR,0.91,ECB',
        'r.csv line 3, column date: a second rate from USD to EUR for 2024-09-30 (the first is on line 2).',
      ],
      ['2024-09-30,USD,EUR,0.9', 'r.csv line 2 has 4 fields; the header has 5.'],
    ]
    for (const [body, message] of cases)
      expect(errorOf(() => parseRatesCsv(HEADER + body, 'r.csv')).message).toBe(message)
  })

  it('refuses a file with no rates', () => {
    expect(errorOf(() => parseRatesCsv(HEADER, 'r.csv'))).toMatchObject({
      code: 'NO_ROWS',
      message: 'r.csv has a header but no rates.',
    })
  })
})
