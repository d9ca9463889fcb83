/**
 * electron/core/query/result-columns.ts on real DuckDB results: every DECIMAL width and scale
 * written exactly (against DuckDB's own text of the same value, trimmed), text (repeated keys
 * of every length, not ASCII, empty) and other values as node-api's JSON converter gives them,
 * NULLs kept, and results of several chunks stitched in order.
 */
import { DuckDBInstance, DuckDBVarCharVector } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readsTextEntries, resultColumns } from '../../../electron/core/query/result-columns'
import { normalizeDecimal } from '../../../shared/money'

describe('resultColumns', () => {
  let instance: DuckDBInstance
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:')
  })
  afterAll(() => instance.closeSync())

  it('writes DECIMALs of every width exactly and reads the rest as the JSON converter does', async () => {
    const connection = await instance.connect()
    // 5,000 rows: three chunks of DuckDB's 2,048.
    const sql = `
      SELECT i,
        ((i * 37) % 1999 - 999)::DECIMAL(4,1) AS d16,
        (((i * 7919) % 99999 - 50000) / 1000)::DECIMAL(9,3) AS d32,
        (((i * 104729) % 999999999 - 500000000) / 1000000)::DECIMAL(18,6) AS d64,
        (((i * 982451653) % 99999999999999 - 50000000000000)::VARCHAR || '.'
          || lpad(((i::HUGEINT * 1000000007 * 1000000009) % 1000000000000000000)::VARCHAR, 18, '0'))::DECIMAL(38,18) AS d128,
        CASE WHEN i % 5 = 0 THEN NULL ELSE ('-0.' || lpad(i::VARCHAR, 18, '0'))::DECIMAL(38,18) END AS d128nulls,
        CASE WHEN i % 3 = 0 THEN NULL ELSE 'k' || i END AS text,
        -- Repeated keys as a pivot's are, of 0 to 14 bytes, some not ASCII, some NULL.
        CASE i % 9 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN 'USD' WHEN 3 THEN '2025-06-29'
          WHEN 4 THEN '200028395041' WHEN 5 THEN '2000283950412' WHEN 6 THEN 'Zürich-Ost €'
          WHEN 7 THEN 'é' ELSE '20002839504' || (i % 4) END AS keys,
        i % 2 = 0 AS flag,
        i::BIGINT * 3000000000 AS big,
        i / 4 AS real,
        DATE '2026-01-01' + i::INTEGER AS day
      FROM range(5000) t(i) ORDER BY i`
    const read = resultColumns(await connection.run(sql))
    const reader = await connection.runAndReadAll(sql)
    const json = reader.getColumnsJson()
    // DuckDB's own text of each value: the independent side.
    const texts = (
      await connection.runAndReadAll(
        `SELECT ${['d16', 'd32', 'd64', 'd128', 'd128nulls'].map((c) => `${c}::VARCHAR`).join(', ')} FROM (${sql})`,
      )
    ).getColumnsJson()
    expect(read.rowCount).toBe(5000)
    expect(read.names).toEqual(reader.columnNames())
    const decimal = new Set(['d16', 'd32', 'd64', 'd128', 'd128nulls'])
    read.names.forEach((name, j) => {
      const column = read.columns[j]!
      expect(column).toHaveLength(5000)
      if (decimal.has(name)) {
        const duckdb = texts[[...decimal].indexOf(name)]!
        expect(column, name).toEqual(
          duckdb.map((t) => (t === null ? null : normalizeDecimal(String(t)))),
        )
      } else expect(column, name).toEqual(json[j])
    })
    // The DECIMAL columns, and only they, are flagged canonical: the layout takes them as they
    // are (shared/pivot/table.ts), so each must already be its own canonical form.
    expect(read.canonical).toEqual(read.names.map((name) => decimal.has(name)))
    read.names.forEach((name, j) => {
      if (!decimal.has(name)) return
      const column = read.columns[j]!
      expect(
        column.filter((v) => v !== null && normalizeDecimal(String(v)) !== v),
        name,
      ).toEqual([])
    })
    // Spot checks: the widths really differ, and NULLs stay NULL.
    expect(reader.columnTypes().map(String).slice(1, 5)).toEqual([
      'DECIMAL(4,1)',
      'DECIMAL(9,3)',
      'DECIMAL(18,6)',
      'DECIMAL(38,18)',
    ])
    // Text is read from node-api's string entries, not one decode per value.
    const chunk = (await connection.run(sql)).getChunk(0)
    const vector = chunk.getColumnVector(read.names.indexOf('keys'))
    expect(vector).toBeInstanceOf(DuckDBVarCharVector)
    expect(readsTextEntries(vector as DuckDBVarCharVector)).toBe(true)
    expect(read.columns[read.names.indexOf('keys')]!.slice(0, 10)).toEqual([
      null,
      '',
      'USD',
      '2025-06-29',
      '200028395041',
      '2000283950412',
      'Zürich-Ost €',
      'é',
      '200028395040',
      null,
    ])
    expect(read.columns[5]![0]).toBeNull()
    expect(read.columns[5]![1]).toBe('-0.000000000000000001')
    expect(read.columns[1]![0]).toBe('-999')
    connection.closeSync()
  })
})
