/**
 * core/report/focus-export through writePack: the allocated rows as FOCUS
 * CSV and Parquet, read back as files (CSV by the plain-TS parser, Parquet by
 * a separate in-memory DuckDB) and compared with the CSV oracle.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal, sumDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, oracle } from './support'

const PERIOD = '2024-09'
let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('exports')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
})
afterAll(() => ws.close())

describe.each(['SubAccountName', 'tag:business_unit'])('allocated FOCUS exports by %s', (by) => {
  const expected = oracle(DEMO, PERIOD, by)
  let out: string

  beforeAll(async () => {
    out = tempDir('focal-export-')
    await writePack(ws, {
      kind: 'chargeback',
      period: PERIOD,
      metric: 'BilledCost',
      source: dimensionLinesSource(parseDimension(by)),
      outDir: out,
      formats: ['focus-csv', 'parquet'],
    })
  }, 120_000)

  it('the allocated FOCUS CSV keeps every FOCUS column and adds the allocation columns', () => {
    const [header = [], ...rows] = parseCsv(
      readFileSync(join(out, `chargeback-${PERIOD}-allocated.focus.csv`), 'utf8'),
    )
    for (const column of [
      'BilledCost',
      'EffectiveCost',
      'ServiceName',
      'Tags',
      'x_SourceRow',
      'x_AllocationTarget',
      'x_AllocatedCost',
    ])
      expect(header).toContain(column)
    expect(header.indexOf('x_AllocationTarget')).toBeGreaterThan(header.indexOf('BilledCost'))
    const target = header.indexOf('x_AllocationTarget')
    const cost = header.indexOf('x_AllocatedCost')
    const sums = new Map<string, string[]>()
    for (const r of rows)
      sums.set(r[target] ?? '', [...(sums.get(r[target] ?? '') ?? []), r[cost] ?? '0'])
    expect(new Map([...sums].map(([t, v]) => [t, sumDecimals(v)]))).toEqual(
      new Map([...expected.targets].map(([t, v]) => [t, v.sum])),
    )
  })

  it('the Parquet export holds the same lines with exact DECIMAL amounts', async () => {
    const db = await DuckDBInstance.create(':memory:')
    const connection = await db.connect()
    try {
      const reader = await connection.runAndReadAll(
        `SELECT x_AllocationTarget AS t, sum(x_AllocatedCost)::VARCHAR AS s, count(*)::INTEGER AS n,
           any_value(typeof(x_AllocatedCost)) AS type FROM read_parquet($1) GROUP BY 1`,
        [join(out, `chargeback-${PERIOD}-allocated.parquet`)],
      )
      const rows = reader.getRowObjectsJson()
      expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['DECIMAL(38,18)']))
      expect(
        new Map(
          rows.map((r) => [
            String(r.t),
            { sum: normalizeDecimal(String(r.s)), lines: Number(r.n) },
          ]),
        ),
      ).toEqual(expected.targets)
    } finally {
      connection.closeSync()
      db.closeSync()
    }
  })
})
