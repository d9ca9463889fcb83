/** The fast text → DECIMAL(38,18) path gives exactly what a plain cast gives, on every edge. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  canonicalValue,
  overScaleCondition,
  rowFitsFastDecimal,
} from '../../../electron/core/ingest/stage-sql'
import {
  fitsFastDecimal,
  roundsPast18Decimals,
  textToMoney,
} from '../../../electron/core/ingest/money-text-sql'
import type { MappedColumn } from '../../../shared/formats/focus-header'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { scratchSql } from '../../helpers/duckdb'
import { freshWorkspace } from '../../helpers/workspace'

const VALUES = [
  '0',
  '-0',
  '+1',
  '.5',
  '5.',
  '-.5',
  '123456789',
  '12345678',
  '-1234567',
  '12345678.1234567890',
  '1234567.12345678901',
  '0.1234567890',
  '0.12345678901',
  '0.123456789012345678',
  '0.1234567890123456789',
  '1E-15',
  '1e3',
  '-2.5E+2',
  '99999999.9999999999',
  '100000000',
  '0.00000080000',
  '-30.000000',
  '$10,000.00',
  '1,5',
  'inf',
  'nan',
  'abc',
  '',
  '.',
  '-',
  '1.2.3',
  '5.0E-7',
  '-4.0E-7',
  '1.2345678E7',
  '1.23456789E8',
  '1.0E-10',
  '1.5E-11',
  '12345678.9E0',
  '+1.0E+2',
  '.5E1',
  '1.e3',
  '1E',
  'E5',
  '1.0E-1.5',
  '--1E1',
]

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace()
})
afterAll(() => ws.close())

describe('textToMoney', () => {
  it.each(VALUES)('%j converts exactly like CAST(… AS DECIMAL(38,18))', async (value) => {
    const [row] = await ws.all(
      `SELECT TRY_CAST($1 AS DECIMAL(38,18))::VARCHAR AS plain, (${textToMoney('$1', 'TRY_CAST')})::VARCHAR AS fast`,
      [value],
    )
    expect(row?.fast).toBe(row?.plain)
  })
})

describe('a money column typed DECIMAL(18,10) in read_csv', () => {
  // Why a CSV read in place (store-in-place.ts) reads money as text and casts it with
  // textToMoney, though typing the column in read_csv parses faster: DuckDB's CSV reader
  // rounds a value's extra decimals to the column's scale without an error or a rejected
  // row, so a typed read could store 1.12345678905 as 1.1234567891 and say nothing.
  it('rounds extra decimals silently, where textToMoney keeps them exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'focal-money-'))
    const path = join(dir, 'amounts.csv')
    writeFileSync(path, 'BilledCost\n1.123456789012\n1.12345678905\n0.00000000004\n1e-11\n')
    try {
      const typed = await scratchSql(
        `SELECT BilledCost::VARCHAR AS v FROM read_csv($1, auto_detect = false, header = true,
          columns = {'BilledCost': 'DECIMAL(18,10)'}, store_rejects = true)`,
        [path],
      )
      expect(typed.map((r) => r.v)).toEqual([
        '1.1234567890',
        '1.1234567891',
        '0.0000000000',
        '0.0000000000',
      ])
      const exact = await Promise.all(
        ['1.123456789012', '1.12345678905', '0.00000000004', '1e-11'].map(async (value) => {
          const [row] = await ws.all(`SELECT (${textToMoney('$1')})::VARCHAR AS v`, [value])
          return row?.v
        }),
      )
      expect(exact).toEqual([
        '1.123456789012000000',
        '1.123456789050000000',
        '0.000000000040000000',
        '0.000000000010000000',
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

/** Texts and whether DECIMAL(38,18) loses a non-zero digit of them (worked out by hand). */
const ROUNDING: ReadonlyArray<[string, boolean]> = [
  ['1e-20', true],
  ['1E-19', true],
  ['1.23456789e-15', true],
  ['-1.5e-18', true],
  ['0.1234567890123456789', true],
  ['0.000000000000000000500', true],
  ['1e-18', false],
  ['100e-20', false],
  ['0.10e-17', false],
  ['1.0000000000000000000', false],
  ['0.123456789012345678', false],
  ['0e-30', false],
  ['1.5e3', false],
  ['2.5', false],
  ['12345678901234567890.12', false],
]

describe('roundsPast18Decimals', () => {
  it.each(ROUNDING)('%j rounds at 18 decimals: %s', async (value, rounds) => {
    const [row] = await ws.all(`SELECT ${roundsPast18Decimals('$1')} AS r`, [value])
    expect(row?.r).toBe(rounds)
  })
})

describe('rowFitsFastDecimal', () => {
  const money = (index: number): MappedColumn =>
    ({
      index,
      source: `m${index}`,
      target: 'BilledCost',
      type: 'decimal',
      nullText: false,
    }) as MappedColumn
  const text = { index: 2, source: 'n', target: 'ServiceName', type: 'string' } as MappedColumn
  const rowFits = rowFitsFastDecimal([money(0), money(1), text], 'csv')!

  it('clears a row only where the fast cast of each field is the plain cast and nothing rounds', async () => {
    const texts = [...VALUES, ...ROUNDING.map(([value]) => value)].flatMap((v) => [v, ` ${v}`])
    for (const value of texts) {
      const [row] = await ws.all(
        `SELECT ${rowFits} AS cleared,
           TRY_CAST(TRY_CAST(c0 AS DECIMAL(18,10)) AS DECIMAL(38,18))::VARCHAR AS fast,
           TRY_CAST(c0 AS DECIMAL(38,18))::VARCHAR AS plain,
           coalesce(${roundsPast18Decimals('trim(c0)')}, false) AS rounds
         FROM (SELECT $1::VARCHAR AS c0, '1.5' AS c1, 'x,y' AS c2)`,
        [value],
      )
      if (row?.cleared !== true) continue
      expect(row.fast, JSON.stringify(value)).toBe(row.plain)
      expect(row.rounds, JSON.stringify(value)).toBe(false)
    }
  })

  it('clears the rows of an ordinary export and leaves the others to each field’s own test', async () => {
    const rows = await ws.all(
      `SELECT ${rowFits} AS cleared FROM (VALUES ('20.676414209', '0.0273362005'), (NULL, '-1.25'),
        (NULL, NULL), ('12345678.1234567890', '0'), ('0.12345678901', '1'), ('5.0E-7', '1'),
        ('123456789', '1'), (' 1.5', '1'), ('1', '$1.5')) t(c0, c1)`,
    )
    expect(rows.map((r) => r.cleared)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('takes only money fields read as written: none without one', () => {
    expect(rowFitsFastDecimal([text], 'csv')).toBeNull()
    expect(rowFitsFastDecimal([{ ...money(0), nullText: true }], 'csv')).toBeNull()
    expect(rowFitsFastDecimal([money(0)], 'parquet')).toBeNull()
  })
})

/** The exact DECIMAL(38,18) text of a plain or exponent number, by string arithmetic (not DuckDB). */
function exactDecimal(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (!match) throw new Error(`not a number: ${text}`)
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match
  const digits = BigInt(`${whole}${fraction}` || '0')
  const shift = 18 - fraction.length + Number(exponent)
  const scaled = shift >= 0 ? digits * 10n ** BigInt(shift) : digits / 10n ** BigInt(-shift)
  const padded = scaled.toString().padStart(19, '0')
  const value = `${padded.slice(0, -18)}.${padded.slice(-18)}`
  return scaled === 0n || sign !== '-' ? value : `-${value}`
}

/** Amounts as AWS writes them, and edges of the exponent rule (8 integer and 10 decimal places). */
const EXPONENTS = [
  '5.0E-7',
  '-4.0E-7',
  '2.0E-6',
  '1E-10',
  '9.999999999E-1',
  '1.2345678E7',
  '99999999.99E0',
  '1.0E07',
  '5e+0',
  '0.000001E4',
]

describe('fitsFastDecimal', () => {
  it.each(EXPONENTS)(
    '%j, written with an exponent, takes the fast path and is exact',
    async (value) => {
      const [row] = await ws.all(
        `SELECT ${fitsFastDecimal('$1')} AS fits, (${textToMoney('$1')})::VARCHAR AS v`,
        [value],
      )
      expect(row?.fits).toBe(true)
      expect(row?.v).toBe(exactDecimal(value))
    },
  )

  it.each([
    '1.0E-10',
    '1.5E-11',
    '1.0E08',
    '1.23456789E8',
    '123456789E0',
    '1.0E9',
    '1E-99',
    '1E99999999999',
  ])('%j does not fit DECIMAL(18,10) and takes the plain cast', async (value) => {
    const [row] = await ws.all(`SELECT ${fitsFastDecimal('$1')} AS fits`, [value])
    expect(row?.fits).toBe(false)
  })
})

/** Money texts as a CSV may hold them, padded or not; each is cast as the staged column c0. */
const PADDED = [
  ' 1.5',
  '1.5 ',
  '\t2.25\t',
  ' -12345678.1234567890 ',
  '12345678 ',
  ' 5.0E-7',
  '1.5E-11 ',
  '0.1234567890123456789 ',
  ' 1e-20',
  '99999999999999999999.5 ',
  '1.5\u00a0',
  '\u00a01.5',
  ' ',
  ' abc ',
  ' 1 .5',
]

const MONEY: MappedColumn = {
  index: 0,
  source: 'BilledCost',
  target: 'BilledCost',
  type: 'decimal',
}
const DATE: MappedColumn = {
  index: 0,
  source: 'ChargePeriodStart',
  target: 'ChargePeriodStart',
  type: 'datetime',
}

/** An expression over the one-column stage holding `text` as c0: its value as text, or its error. */
async function valueOf(sql: string, text: string): Promise<string | null> {
  try {
    const [row] = await ws.all(`SELECT (${sql})::VARCHAR AS v FROM (SELECT $1::VARCHAR AS c0)`, [
      text,
    ])
    return row?.v == null ? null : String(row.v)
  } catch {
    return 'error'
  }
}

describe('canonicalValue of a CSV read in place', () => {
  it('casts the untrimmed field, so no value is copied by trim', () => {
    // trim copies every value: on the 1M-row bench the trims took about 2 CPU-s (stage-sql.ts inPlaceText).
    for (const column of [MONEY, DATE])
      expect(canonicalValue(column, 'csv', 'VARCHAR', true)).not.toMatch(/trim\(/)
    expect(overScaleCondition(MONEY, 'csv', 'VARCHAR', true)).toMatch(/^\(CASE WHEN c0 IS NULL OR/)
    // The text stage still trims, and reads `null` and currency strings (currency-text-sql.ts).
    expect(canonicalValue(MONEY, 'csv', 'VARCHAR')).toMatch(/trim\(c0\)/)
    expect(canonicalValue({ ...MONEY, nullText: true }, 'csv', 'VARCHAR', true)).toMatch(/trim\(/)
  })

  it.each(PADDED)(
    "%j gives the text stage's value and rounding flag, or fails so the text stage reads it",
    async (text) => {
      const staged = await valueOf(canonicalValue(MONEY, 'csv', 'VARCHAR'), text)
      const inPlace = await valueOf(canonicalValue(MONEY, 'csv', 'VARCHAR', true), text)
      // A failed cast is never a different value: the import reads the file again through the text stage.
      if (inPlace !== 'error') expect(inPlace).toBe(staged)
      if (staged !== 'error') {
        const rounds = await valueOf(overScaleCondition(MONEY, 'csv')!, text)
        expect(await valueOf(overScaleCondition(MONEY, 'csv', 'VARCHAR', true)!, text)).toBe(rounds)
      }
    },
  )

  it('fails, rather than reads, only values that trim alone makes readable', async () => {
    const failing = []
    for (const text of PADDED) {
      const staged = await valueOf(canonicalValue(MONEY, 'csv', 'VARCHAR'), text)
      const inPlace = await valueOf(canonicalValue(MONEY, 'csv', 'VARCHAR', true), text)
      if (inPlace === 'error' && staged !== 'error') failing.push(text)
    }
    expect(failing).toEqual(['1.5\u00a0', '\u00a01.5'])
  })

  it.each([
    ' 2024-09-01T00:00:00Z',
    '2024-09-01T00:00:00Z ',
    '\t2024-09-01 02:00:00+02\t',
    '2024-09-01T00:00:00Z\u00a0',
    ' not a date ',
  ])("%j as a date: the text stage's value, or a failed cast", async (text) => {
    const staged = await valueOf(canonicalValue(DATE, 'csv', 'VARCHAR'), text)
    const inPlace = await valueOf(canonicalValue(DATE, 'csv', 'VARCHAR', true), text)
    if (inPlace !== 'error') expect(inPlace).toBe(staged)
    else expect(text).toMatch(/\u00a0|not a date/)
  })
})
