/** compile-sql.ts: each expression kind run in real DuckDB over a small text stage. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  compileMapping,
  mappedViewSql,
  sourceSumsSql,
} from '../../../../shared/formats/compile-sql'
import type { Expression, FormatMapping } from '../../../../shared/formats/mapping-types'

const HEADER = ['Type', 'Cost', 'Other', 'When', 'tag/user:Team', 'tag/aws:owner', 'Json', 'Cur']
const ROWS = [
  ['Usage', ' 1.5 ', '0.25', '03/01/2024', 'data', 'alice', '"a": "1"', 'USD'],
  ['Fee', '2', '', '2024-03-02T05:00:00+02:00', '', '', '{"b":"2"}', 'USD'],
  ['Odd', 'n/a', 'x', 'not a date', 'ops', '', '', 'EUR'],
]

let connection: DuckDBConnection
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect()
  const columns = HEADER.map((_, i) => `c${i} VARCHAR`).join(', ')
  await connection.run(`CREATE TABLE stage (${columns})`)
  for (const row of ROWS)
    await connection.run(
      `INSERT INTO stage VALUES (${row.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`,
    )
})
afterAll(() => connection.closeSync())

function mapping(columns: Record<string, Expression>): FormatMapping {
  return {
    id: 'test',
    title: 'Test',
    signature: { all: [] },
    columns: Object.fromEntries(Object.entries(columns).map(([k, value]) => [k, { value }])),
    reconcile: {
      currency: 'Cur',
      billed: [{ column: 'Cost', when: [{ column: 'Type', in: ['Usage', 'Fee'] }] }],
      effective: [
        { column: ['Missing', 'Other'], when: [{ column: 'Type', notIn: ['Odd'] }] },
        { column: 'Cost', negate: true, when: [{ column: 'Type', notIn: ['Usage', 'Odd'] }] },
      ],
    },
  }
}

/** The compiled column values, row by row. */
async function values(columns: Record<string, Expression>): Promise<unknown[][]> {
  const compiled = compileMapping(mapping(columns), HEADER)
  await connection.run('DROP VIEW IF EXISTS mapped')
  await connection.run(mappedViewSql(compiled, 'stage', 'mapped', 'rowid'))
  const names = compiled.columns.map((_, i) => `c${i}`).join(', ')
  const reader = await connection.runAndReadAll(`SELECT ${names} FROM mapped ORDER BY source_row`)
  return reader.getRowsJson() as unknown[][]
}

describe('compileMapping', () => {
  it('column references are trimmed text, empty is null; a column no source can fill is left out', async () => {
    expect(
      await values({ a: { column: 'Cost' }, b: { column: 'Other' }, c: { column: 'Nope' } }),
    ).toEqual([
      ['1.5', '0.25'],
      ['2', null],
      ['n/a', 'x'],
    ])
    const compiled = compileMapping(
      mapping({ gone: { coalesce: [{ column: 'Nope' }] }, kept: { constant: 'AWS' } }),
      HEADER,
    )
    expect(compiled.columns.map((c) => c.target)).toEqual(['kept'])
  })

  it('lookups, cases and constants', async () => {
    expect(
      await values({
        a: {
          lookup: { column: 'Type' },
          table: { Usage: 'U', Fee: 'F' },
          otherwise: { constant: 'other' },
        },
        b: {
          cases: [
            {
              when: [
                { column: 'Type', in: ['Fee'] },
                { column: 'Other', present: false },
              ],
              then: { constant: 'fee, no other' },
            },
          ],
        },
        c: { lookup: { column: 'Type' }, table: { usage: 'lower' }, lower: true },
      }),
    ).toEqual([
      ['U', null, 'lower'],
      ['F', 'fee, no other', null],
      ['other', null, null],
    ])
  })

  it('exact decimal sums; a term that is not a number is passed on as written, to be refused with its row', async () => {
    expect(
      await values({
        a: { sum: [{ value: { column: 'Cost' } }, { value: { column: 'Other' }, negate: true }] },
      }),
    ).toEqual([['1.250000000000000000'], ['2.000000000000000000'], ['n/a']])
  })

  it('dates in listed formats or ISO, offsets honoured, as UTC ISO text; an unreadable date passes as written', async () => {
    expect(
      await values({ a: { date: { column: 'When' }, formats: ['%m/%d/%Y'], addDays: 1 } }),
    ).toEqual([['2024-03-02T00:00:00.000000Z'], ['2024-03-03T03:00:00.000000Z'], ['not a date']])
  })

  it('tag columns become one JSON object without empty values; JSON written without braces is wrapped', async () => {
    const rows = await values({
      tags: { tagColumns: { prefixes: ['tag/'], dropKeyPrefix: 'user:' } },
      json: { json: { column: 'Json' }, braces: true },
    })
    expect(rows.map((r) => (r[0] === null ? null : JSON.parse(String(r[0]))))).toEqual([
      { Team: 'data', 'aws:owner': 'alice' },
      null,
      { Team: 'ops' },
    ])
    expect(rows.map((r) => r[1])).toEqual(['{"a": "1"}', '{"b":"2"}', null])
  })

  it('reads a dotted name the header lacks as a field of the record its first part names, keeping the record', async () => {
    expect(await values({ b: { column: 'Json.b' }, c: { column: 'Nope.b' } })).toEqual([
      [null],
      ['2'],
      [null],
    ])
    const compiled = compileMapping(mapping({ b: { column: 'Json.b' } }), HEADER)
    expect(compiled.columns[0]).toMatchObject({ direct: false, sources: ['Json'] })
    expect(compiled.kept.map((k) => k.source)).toContain('Json')
  })

  it('keeps every column not taken unchanged by a FOCUS column', () => {
    const compiled = compileMapping(
      mapping({ BilledCost: { column: 'Cost' }, x: { sum: [{ value: { column: 'Other' } }] } }),
      HEADER,
    )
    expect(compiled.kept.map((k) => k.source)).toEqual(HEADER.filter((h) => h !== 'Cost'))
    expect(compiled.columns[0]).toMatchObject({
      target: 'BilledCost',
      direct: true,
      sources: ['Cost'],
    })
    expect(compiled.columns[1]).toMatchObject({ direct: false, sources: ['Other'] })
  })

  it('a condition on many values adds no join, so an insert reading the mapped view writes as it goes', async () => {
    const many = ['Usage', 'Fee', 'Tax', 'Credit', 'Refund', 'Purchase']
    const compiled = compileMapping(
      mapping({
        in: { cases: [{ when: [{ column: 'Type', in: many }], then: { constant: 'yes' } }] },
        notIn: { cases: [{ when: [{ column: 'Type', notIn: many }], then: { constant: 'odd' } }] },
      }),
      HEADER,
    )
    await connection.run('DROP VIEW IF EXISTS mapped_many')
    await connection.run(mappedViewSql(compiled, 'stage', 'mapped_many', 'rowid'))
    const rows = await connection.runAndReadAll(
      'SELECT c0, c1 FROM mapped_many ORDER BY source_row',
    )
    expect(rows.getRowsJson()).toEqual([
      ['yes', null],
      ['yes', null],
      [null, 'odd'],
    ])
    // DuckDB turns `IN` with five or more values into a join, and an insert from a join keeps
    // every row in memory until commit instead of writing row groups as it goes (BATCH_INSERT).
    await connection.run('CREATE OR REPLACE TABLE inserted (a VARCHAR, b VARCHAR)')
    const plan = await connection.runAndReadAll(
      'EXPLAIN INSERT INTO inserted SELECT c0, c1 FROM mapped_many',
    )
    const text = plan.getRowsJson().flat().join('\n')
    expect(text).toContain('BATCH_INSERT')
    expect(text).not.toContain('JOIN')
  })
})

describe('sourceSumsSql', () => {
  it('sums the named source columns per currency over the rows their conditions select', async () => {
    const sql = sourceSumsSql(mapping({}), HEADER, 'stage')
    // Cost 'n/a' is only in a row no term selects, so the plain casts never meet it.
    const reader = await connection.runAndReadAll(`SELECT * FROM (${sql}) ORDER BY currency`)
    expect(reader.getRowObjectsJson()).toEqual([
      {
        currency: 'EUR',
        n: '1',
        billed: '0.000000000000000000',
        effective: '0.000000000000000000',
      },
      {
        currency: 'USD',
        n: '2',
        billed: '3.500000000000000000',
        effective: '-1.750000000000000000',
      },
    ])
  })
})

describe('JSON array and month expressions (GCP, OCI)', () => {
  const header = ['credits', 'labels', 'project.labels', 'month', 'at']
  const rows = [
    [
      "[{'name': 'Trial', 'amount': -5e-06, 'full_name': None}, {'amount': -0.25}]",
      "[{'key': 'team', 'value': 'data'}, {'key': 'env', 'value': ''}]",
      '[{"key": "team", "value": "ops"}, {"key": "cc", "value": "42"}]',
      '202011',
      '2023-11-13T07:00Z',
    ],
    [
      '[]',
      `[{'key': 'owner', 'value': "Bob's"}, {'key': 'note', 'value': 'None, True'}, {'key': 'n', 'value': None}]`,
      '',
      '202403',
      '2024-03-31 23:30:00+00:00',
    ],
    ["[{'amount': 'five'}]", "[{'key': \"it's\"", '[]', '202412', '2024-12-31T23:00:00Z'],
  ]

  async function run(columns: Record<string, Expression>): Promise<unknown[][]> {
    const compiled = compileMapping(mapping(columns), header)
    await connection.run('DROP TABLE IF EXISTS arrays')
    await connection.run(
      `CREATE TABLE arrays (${header.map((_, i) => `c${i} VARCHAR`).join(', ')})`,
    )
    for (const row of rows)
      await connection.run(
        `INSERT INTO arrays VALUES (${row.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`,
      )
    await connection.run('DROP VIEW IF EXISTS mapped_arrays')
    await connection.run(mappedViewSql(compiled, 'arrays', 'mapped_arrays', 'rowid'))
    const names = compiled.columns.map((_, i) => `c${i}`).join(', ')
    return (
      await connection.runAndReadAll(`SELECT ${names} FROM mapped_arrays ORDER BY source_row`)
    ).getRowsJson() as unknown[][]
  }

  it('arraySum adds one key of each object exactly; an empty array is null; an unreadable amount passes as written', async () => {
    const got = await run({ s: { arraySum: { column: 'credits' }, key: 'amount' } })
    expect(got.map((r) => (r[0] === null ? null : String(r[0])))).toEqual([
      '-0.250005000000000000',
      null,
      "[{'amount': 'five'}]",
    ])
  })

  it('keyValues merges {key, value} arrays into one object, the first array winning, empty values left out, unreadable text kept', async () => {
    const got = await run({
      t: { keyValues: [{ column: 'labels' }, { column: 'project.labels' }] },
    })
    expect(
      got.map((r) =>
        r[0] === null || String(r[0]).startsWith('[') ? r[0] : JSON.parse(String(r[0])),
      ),
    ).toEqual([
      { team: 'data', cc: '42' },
      // An apostrophe and the words None and True inside values are kept as written.
      { owner: "Bob's", note: 'None, True' },
      // Labels that are no array are passed as written, for the Tags check to refuse with their row.
      "[{'key': \"it's\"",
    ])
  })

  it('reads a month in a time zone, a month start, whole months added, and a time without seconds', async () => {
    const got = await run({
      start: { date: { column: 'month' }, formats: ['%Y%m'], zone: 'America/Los_Angeles' },
      end: {
        date: { column: 'month' },
        formats: ['%Y%m'],
        zone: 'America/Los_Angeles',
        addMonths: 1,
      },
      first: { date: { column: 'at' }, monthStart: true },
      next: { date: { column: 'at' }, monthStart: true, addMonths: 1 },
      at: { date: { column: 'at' } },
    })
    expect(got).toEqual([
      [
        '2020-11-01T07:00:00.000000Z',
        '2020-12-01T08:00:00.000000Z',
        '2023-11-01T00:00:00.000000Z',
        '2023-12-01T00:00:00.000000Z',
        '2023-11-13T07:00:00.000000Z',
      ],
      [
        '2024-03-01T08:00:00.000000Z',
        '2024-04-01T07:00:00.000000Z',
        '2024-03-01T00:00:00.000000Z',
        '2024-04-01T00:00:00.000000Z',
        '2024-03-31T23:30:00.000000Z',
      ],
      [
        '2024-12-01T08:00:00.000000Z',
        '2025-01-01T08:00:00.000000Z',
        '2024-12-01T00:00:00.000000Z',
        '2025-01-01T00:00:00.000000Z',
        // Already ISO 8601 UTC: passed as written, the same instant.
        '2024-12-31T23:00:00Z',
      ],
    ])
  })

  it('sourceSumsSql sums an array key of a reconcile term', async () => {
    const format: FormatMapping = {
      ...mapping({}),
      reconcile: {
        currency: 'month',
        billed: [{ column: 'credits', arrayKey: 'amount' }],
        effective: [],
      },
    }
    const sql = sourceSumsSql(format, header, 'arrays')
    const reader = await connection.runAndReadAll(
      `SELECT currency, billed FROM (${sql}) WHERE currency <> '202412' ORDER BY currency`,
    )
    expect(reader.getRowsJson()).toEqual([
      ['202011', '-0.250005000000000000'],
      ['202403', '0.000000000000000000'],
    ])
  })
})
