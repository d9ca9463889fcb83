/**
 * stage-sql.ts textToMoney and roundsPast18Decimals on amounts written with many decimals, as
 * Azure writes a third of its costs (0.0001188669167459011366): the value a plain DECIMAL(38,18)
 * cast gives and whether it rounds, both worked out by string arithmetic, not by DuckDB.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roundsPast18Decimals, textToMoney } from '../../../electron/core/ingest/money-text-sql'
import { loadTexts } from '../../helpers/duckdb'

let connection: DuckDBConnection
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect()
})
afterAll(() => connection.closeSync())

/** A plain decimal rounded to 18 decimals half away from zero, as DECIMAL(38,18) stores it. */
function exact18(text: string): string {
  const match = /^([+-]?)(\d+)\.(\d*)$/.exec(text)
  if (!match) throw new Error(`not a plain decimal: ${text}`)
  const [, sign = '', whole = '', fraction = ''] = match
  const kept = BigInt(`${whole}${fraction.slice(0, 18).padEnd(18, '0')}`)
  const scaled = kept + (Number(fraction[18] ?? '0') >= 5 ? 1n : 0n)
  const padded = scaled.toString().padStart(19, '0')
  const value = `${padded.slice(0, -18)}.${padded.slice(-18)}`
  return scaled === 0n || sign !== '-' ? value : `-${value}`
}

/** True where a plain decimal has a non-zero digit past the 18th decimal. */
function rounds(text: string): boolean {
  return /[1-9]/.test(text.split('.')[1]?.slice(18) ?? '')
}

/** Deterministic amounts below and above one with 0–40 decimals, runs of nines and trailing zeros. */
function amounts(count: number): string[] {
  let seed = 20261130
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const digits = (n: number): string =>
    Array.from({ length: n }, () => (next(4) === 0 ? '9' : String(next(10)))).join('')
  return Array.from({ length: count }, () => {
    const sign = next(3) === 0 ? '-' : ''
    const whole = next(3) === 0 ? digits(1 + next(next(5) === 0 ? 20 : 6)) : '0'
    const fraction = digits(next(41)) + '0'.repeat(next(3) === 0 ? next(6) : 0)
    return `${sign}${whole}.${fraction}`
  })
}

/** Edges: rounding up to ±1, a half at the 19th decimal, zeros past it, empty fractions. */
const EDGES = [
  '0.9999999999999999995',
  '-0.9999999999999999995',
  '0.99999999999999999949999',
  '0.0000000000000000005',
  '-0.0000000000000000005',
  '0.00000000000000000049',
  '0.000000000000000000000',
  '-0.0',
  '0.',
  '-0.',
  '0.1234567890123456789000',
  '0.0001188669167459011366',
  '0.0000000072922557592391990000',
  // Whole parts of up to 18 digits with up to 18 decimals, and past them (the plain cast).
  '999999999999999999.999999999999999999',
  '-123456789012345678.000000000000000001',
  '1234567890123456789.5',
  '-99999999999999999999.123456789012345678',
  '00012.500000000000000',
  '12.',
  '-12.0',
  '1.0000000000000000005',
  '1.00000000000000000049',
]

async function read(
  texts: readonly string[],
): Promise<{ money: string | null; plain: string | null; rounds: boolean | null }[]> {
  await loadTexts(connection, 't', 'v', texts)
  const reader = await connection.runAndReadAll(
    `SELECT (${textToMoney('v')})::VARCHAR AS money, TRY_CAST(v AS DECIMAL(38,18))::VARCHAR AS plain,
       ${roundsPast18Decimals('v')} AS rounds FROM t ORDER BY i`,
  )
  return reader.getRowObjectsJson().map((row) => ({
    money: row.money == null ? null : String(row.money),
    plain: row.plain == null ? null : String(row.plain),
    rounds: typeof row.rounds === 'boolean' ? row.rounds : null,
  }))
}

describe('amounts with many decimals', () => {
  it('convert exactly as DECIMAL(38,18) rounds them, and are flagged where digits are lost', async () => {
    const texts = [...EDGES, ...amounts(20000)]
    const got = await read(texts)
    const wrong = texts.flatMap((text, i) => {
      const row = got[i]
      const expected = { money: exact18(text), plain: exact18(text), rounds: rounds(text) }
      return JSON.stringify(row) === JSON.stringify(expected) ? [] : [{ text, row, expected }]
    })
    expect(wrong).toEqual([])
    // The set reaches both sides of one and of 18 decimals.
    expect(texts.filter((t) => /^-?0\./.test(t) && rounds(t)).length).toBeGreaterThan(1000)
    expect(texts.filter((t) => !/^-?0\./.test(t) && rounds(t)).length).toBeGreaterThan(1000)
  })

  it('a value that is no number is refused by the cast, whatever its first characters', async () => {
    for (const text of [
      '0.12abc',
      '0..1',
      '0.-1',
      '-0.5.5',
      '0.1 2',
      '12.3abc',
      '1.2.3',
      '--1.5',
    ]) {
      await expect(
        connection.runAndReadAll(`SELECT (${textToMoney(`'${text}'`)})::VARCHAR`),
      ).rejects.toThrow(/Could not convert/)
    }
  })
})
