/** The business metrics CSV (shared/unit-costs/metrics-csv.ts): columns in any order, blank rows, dimensions, and each refusal. */
import { describe, expect, it } from 'vitest'
import { FocalFailure } from '../../../shared/contract'
import { parseMetricsCsv } from '../../../shared/unit-costs/metrics-csv'

function refusal(text: string): string {
  try {
    parseMetricsCsv(text, 'm.csv')
  } catch (cause) {
    if (cause instanceof FocalFailure) return `${cause.error.code}: ${cause.error.message}`
    throw cause
  }
  return 'accepted'
}

describe('parseMetricsCsv', () => {
  it('reads columns in any order and case, skips blank rows, keeps exact values', () => {
    expect(
      parseMetricsCsv(
        '\ufeffValue,Dimension,DATE,Metric\r\n0012.500,shop,2024-09-01,orders\r\n,,,\r\n0,,2024-09-02,orders\r\n',
        'm.csv',
      ),
    ).toEqual([
      { date: '2024-09-01', metric: 'orders', dimension: 'shop', value: '12.5' },
      { date: '2024-09-02', metric: 'orders', dimension: null, value: '0' },
    ])
  })

  it('keeps one value per date, metric and dimension; another dimension is another value', () => {
    expect(
      parseMetricsCsv(
        'date,metric,value,dimension\n2024-09-01,orders,1,a\n2024-09-01,orders,2,b\n',
        'm.csv',
      ),
    ).toHaveLength(2)
    expect(
      refusal('date,metric,value,dimension\n2024-09-01,orders,1,a\n2024-09-01,orders,2,a\n'),
    ).toBe(
      'BAD_VALUE: m.csv row 3, column date: a second value of orders for a on 2024-09-01 (the first is on row 2).',
    )
  })

  it('refuses a bad header, an empty file and a file without values', () => {
    expect(refusal('')).toBe('EMPTY_FILE: m.csv is empty.')
    expect(refusal('date,value\n2024-09-01,1\n')).toBe(
      'MISSING_COLUMNS: m.csv row 1: no "metric" column.',
    )
    expect(refusal('date,metric,value,value\n')).toBe(
      'MISSING_COLUMNS: m.csv row 1: the column "value" appears twice.',
    )
    expect(refusal('date,metric,value\n')).toBe('NO_ROWS: m.csv has a header but no metric values.')
  })

  it('refuses a value with more than 18 decimals, exponent notation, or a date that is not one', () => {
    expect(refusal(`date,metric,value\n2024-09-01,orders,0.${'1'.repeat(19)}\n`)).toMatch(
      /^BAD_VALUE: m\.csv row 2, column value: /,
    )
    expect(refusal('date,metric,value\n2024-09-01,orders,1e3\n')).toBe(
      'BAD_VALUE: m.csv row 2, column value: "1e3" is not a number of units.',
    )
    expect(refusal('date,metric,value\n01/09/2024,orders,1\n')).toBe(
      'BAD_VALUE: m.csv row 2, column date: "01/09/2024" is not a date.',
    )
  })
})
