/**
 * compile-sql.ts `lookup` under a condition: the key is read once per row, not once per
 * table entry. Written as CASE key WHEN …, a 400-entry table inside a CASE branch read its
 * key 400 times a row (Azure's units under a usage condition: 40 s per million rows, as the
 * bench measures); the test checks the compiled shape and the values, never a time.
 */
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { compileMapping, mappedViewSql } from '../../../../shared/formats/compile-sql'
import type { FormatMapping } from '../../../../shared/formats/mapping-types'

const ROWS = 3_000
const TABLE = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`${i} Units`, `U${i}`]))

describe('lookup inside a condition', () => {
  it('maps rows through a 400-entry table in a CASE branch with one key read, not one WHEN per entry', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect()
    try {
      await connection.run(
        `CREATE TABLE stage AS SELECT ' ' || (range % 500) || ' Units ' AS c0,
           CASE WHEN range % 2 = 0 THEN 'Usage' ELSE 'Tax' END AS c1, range AS c2 FROM range(${ROWS})`,
      )
      const mapping: FormatMapping = {
        id: 'test',
        title: 'Test',
        signature: { all: [] },
        columns: {
          u: {
            value: {
              cases: [
                {
                  when: [{ column: 'Type', in: ['Usage'] }],
                  then: { lookup: { column: 'Unit' }, table: TABLE, otherwise: { column: 'Unit' } },
                },
              ],
            },
          },
        },
        reconcile: { currency: 'Unit', billed: [], effective: [] },
      }
      const sql = mappedViewSql(
        compileMapping(mapping, ['Unit', 'Type', 'Order']),
        'stage',
        'mapped',
        'c2',
      )
      // CASE key WHEN … wrote one branch per table entry, each reading the key again.
      expect((sql.match(/\bWHEN\b/gi) ?? []).length).toBeLessThan(10)
      await connection.run(sql)
      const reader = await connection.runAndReadAll(
        `SELECT count(c0)::INTEGER AS n, count(*) FILTER (WHERE c0 LIKE 'U%')::INTEGER AS mapped,
           min(c0) FILTER (WHERE c0 NOT LIKE 'U%') AS kept FROM mapped`,
      )
      // Usage rows only; units 0–399 are in the table, 400–499 kept as written.
      expect(reader.getRowObjectsJson()).toEqual([
        { n: ROWS / 2, mapped: (ROWS / 2) * 0.8, kept: '400 Units' },
      ])
    } finally {
      connection.closeSync()
    }
  })
})
