/** value-sql.ts dateSql: times in any written form to ISO 8601 UTC, run in real DuckDB. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dateSql } from '../../../../shared/formats/value-sql'
import { loadTexts } from '../../../helpers/duckdb'

let connection: DuckDBConnection
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect()
  await connection.run("SET TimeZone = 'UTC'")
})
afterAll(() => connection.closeSync())

/** The mapping preview's test of a date the import reads (mapping-preview.ts). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** For each text: the mapped value and the instant it is read as (epoch ms, null when none). */
async function mapped(
  texts: readonly string[],
  spec: Parameters<typeof dateSql>[1] = {},
): Promise<{ value: string | null; ms: number | null }[]> {
  await loadTexts(connection, 'd', 't', texts)
  const reader = await connection.runAndReadAll(
    `SELECT v, epoch_ms(TRY_CAST(v AS TIMESTAMPTZ)) AS ms
     FROM (SELECT i, ${dateSql('t', spec)} AS v FROM d) ORDER BY i`,
  )
  return reader.getRowObjectsJson().map((row) => ({
    value: row.v == null ? null : String(row.v),
    ms: row.ms == null ? null : Number(row.ms),
  }))
}

describe('dateSql', () => {
  it('passes a time already in ISO 8601 UTC as written and writes any other form in it', async () => {
    const texts = [
      '2023-11-01T00:00:00.000Z',
      '2023-11-01T00:00:00Z',
      '2023-11-01T05:00:00+02:00',
      '2023-11-01 05:00:00Z',
      '2023-11-13T10:00Z',
      '2023-11-01 05:00:00',
      '2023-11-01',
    ]
    const got = await mapped(texts, { formats: ['%m/%d/%Y'] })
    expect(got.map((g) => g.value)).toEqual([
      '2023-11-01T00:00:00.000Z',
      '2023-11-01T00:00:00Z',
      '2023-11-01T03:00:00.000000Z',
      '2023-11-01T05:00:00.000000Z',
      '2023-11-13T10:00:00.000000Z',
      '2023-11-01T05:00:00.000000Z',
      '2023-11-01T00:00:00.000000Z',
    ])
    // Each is the instant the text says (a time without offset is UTC), as JavaScript reads it.
    const expected = [
      '2023-11-01T00:00:00Z',
      '2023-11-01T00:00:00Z',
      '2023-11-01T05:00:00+02:00',
      '2023-11-01T05:00:00Z',
      '2023-11-13T10:00:00Z',
      '2023-11-01T05:00:00Z',
      '2023-11-01T00:00:00Z',
    ].map((t) => Date.parse(t))
    expect(got.map((g) => g.ms)).toEqual(expected)
    for (const g of got) expect(g.value).toMatch(ISO_TIME)
  })

  it('passes a text that is no date as written, in ISO form or not', async () => {
    // DuckDB reads no lower-case z: such a time is refused with its row, as before.
    const texts = [
      '2023-02-30T00:00:00Z',
      '2023-11-01T25:00:00.000Z',
      '2023-11-01T00:00:00.000z',
      'not a date',
      '11/31/2023',
    ]
    const got = await mapped(texts, { formats: ['%m/%d/%Y'] })
    expect(got).toEqual(texts.map((value) => ({ value, ms: null })))
  })

  it('reads more than six decimals of a second as DuckDB reads the text itself', async () => {
    const texts = ['2023-11-01T00:00:00.1234567Z', '2023-11-01T00:00:00.9999999Z']
    const got = await mapped(texts)
    const direct = await connection.runAndReadAll(
      `SELECT epoch_us(CAST(t AS TIMESTAMPTZ)) FROM d ORDER BY i`,
    )
    const viaMapped = await connection.runAndReadAll(
      `SELECT epoch_us(CAST(${dateSql('t', {})} AS TIMESTAMPTZ)) FROM d ORDER BY i`,
    )
    expect(got.map((g) => g.value)).toEqual(texts)
    expect(viaMapped.getRowsJson()).toEqual(direct.getRowsJson())
  })

  it('shifts an ISO 8601 UTC time by days, months or to its month start, written anew', async () => {
    const texts = ['2023-11-30T12:00:00.000Z']
    expect((await mapped(texts, { addDays: 1 }))[0]?.value).toBe('2023-12-01T12:00:00.000000Z')
    expect((await mapped(texts, { addMonths: 1 }))[0]?.value).toBe('2023-12-30T12:00:00.000000Z')
    expect((await mapped(texts, { monthStart: true }))[0]?.value).toBe(
      '2023-11-01T00:00:00.000000Z',
    )
  })
})
