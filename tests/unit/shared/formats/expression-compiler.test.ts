/** expression-compiler.ts trimmedText: the trim it skips never changes a value, run in real DuckDB. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trimmedText } from '../../../../shared/formats/expression-compiler'

let connection: DuckDBConnection
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect()
})
afterAll(() => connection.closeSync())

/** [value, trimmedText(value), and whether it matches nullif(trim(value), '')] for each value. */
async function compare(values: readonly (string | null)[]): Promise<unknown[][]> {
  await connection.run('CREATE OR REPLACE TABLE v (i INTEGER, t VARCHAR)')
  const appender = await connection.createAppender('v')
  values.forEach((value, i) => {
    appender.appendInteger(i)
    if (value === null) appender.appendNull()
    else appender.appendVarchar(value)
    appender.endRow()
  })
  appender.closeSync()
  const reader = await connection.runAndReadAll(
    `SELECT t, ${trimmedText('t')} AS fast, nullif(trim(t), '') AS slow FROM v ORDER BY i`,
  )
  return reader.getRowsJson() as unknown[][]
}

describe('trimmedText', () => {
  it('is nullif(trim(value), ...) for padded, empty, blank, tabbed and non-ASCII values', async () => {
    const values = [
      'abc',
      ' abc',
      'abc ',
      '  a b  ',
      '',
      ' ',
      '   ',
      '\tabc',
      'abc\t',
      '\u00a0abc',
      'abc\u00a0',
      'abc\u3000',
      '\u2003abc',
      '\u202fabc\u205f',
      'café',
      'café ',
      ' café',
      'x\u00a0y',
      '!',
      '~',
      null,
    ]
    const rows = await compare(values)
    expect(rows.map((r) => r[1])).toEqual(rows.map((r) => r[2]))
    // The values the fast test lets through untrimmed are their own trimmed value.
    expect(rows.map((r) => r[1])).toEqual([
      'abc',
      'abc',
      'abc',
      'a b',
      null,
      null,
      null,
      '\tabc',
      'abc\t',
      'abc',
      'abc',
      'abc',
      'abc',
      'abc',
      'café',
      'café',
      'café',
      'x\u00a0y',
      '!',
      '~',
      null,
    ])
  })

  it('matches trim for every character before, after and around a value', async () => {
    // Every code point of the Basic Multilingual Plane but the surrogates, on either side.
    const points = Array.from({ length: 0xffff }, (_, i) => i + 1).filter(
      (p) => p < 0xd800 || p > 0xdfff,
    )
    const values = points.flatMap((p) => {
      const c = String.fromCodePoint(p)
      return [`${c}x`, `x${c}`, c]
    })
    const rows = await compare(values)
    const differing = rows.filter((r) => r[1] !== r[2])
    expect(differing).toEqual([])
    expect(rows).toHaveLength(values.length)
  })
})
