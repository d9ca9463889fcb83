/** core/report/lines-by-dimension on the demo data: the allocated-lines contract without rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALLOCATED_LINE_COLUMNS } from '../../../electron/core/allocate/lines'
import { importFile } from '../../../electron/core/ingest/import-file'
import { linesByDimension } from '../../../electron/core/report/lines-by-dimension'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { FocalFailure } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, oracle } from './support'

let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('lines')
  const record = await importFile(ws, DEMO)
  expect(record.status).toBe('imported')
})
afterAll(() => ws.close())

async function sums(table: string): Promise<Map<string, { sum: string; lines: number }>> {
  const rows = await ws.all(
    `SELECT target, sum(amount)::VARCHAR AS s, count(*)::INTEGER AS n FROM "${table}" GROUP BY 1`,
  )
  return new Map(
    rows.map((r) => [String(r.target), { sum: normalizeDecimal(String(r.s)), lines: Number(r.n) }]),
  )
}

describe('linesByDimension', () => {
  it('creates the contract columns, in order, as a TEMP table', async () => {
    const table = await linesByDimension(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      by: parseDimension('SubAccountName'),
    })
    const columns = await ws.all(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 AND database_name = 'temp' ORDER BY column_index`,
      [table],
    )
    expect(columns.map((c) => c.column_name)).toEqual([...ALLOCATED_LINE_COLUMNS])
    expect(columns.find((c) => c.column_name === 'amount')?.data_type).toBe('DECIMAL(38,18)')
    const [nulls] = await ws.all(
      `SELECT count(pool)::INTEGER AS p, count(method)::INTEGER AS m, count(rule)::INTEGER AS r FROM "${table}"`,
    )
    expect(nulls).toEqual({ p: 0, m: 0, r: 0 })
    await ws.run(`DROP TABLE "${table}"`)
  })

  it.each([
    ['SubAccountName', 'BilledCost'],
    ['tag:business_unit', 'BilledCost'],
    ['tag:business_unit', 'EffectiveCost'],
    ['ServiceName', 'EffectiveCost'],
  ] as const)(
    'by %s (%s) matches the CSV oracle per target, Unallocated included',
    async (by, metric) => {
      for (const period of ['2024-09', '2024-10']) {
        const table = await linesByDimension(ws, { period, metric, by: parseDimension(by) })
        const expected = oracle(DEMO, period, by, metric)
        const actual = await sums(table)
        expect(new Map([...actual].sort())).toEqual(new Map([...expected.targets].sort()))
        await ws.run(`DROP TABLE "${table}"`)
      }
    },
  )

  it('puts rows with no tag value in Unallocated (340 demo rows have no business_unit)', async () => {
    const table = await linesByDimension(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      by: parseDimension('tag:business_unit'),
    })
    const unallocated = (await sums(table)).get('Unallocated')
    expect(unallocated?.lines).toBe(
      oracle(DEMO, '2024-09', 'tag:business_unit').targets.get('Unallocated')?.lines,
    )
    expect(unallocated?.lines).toBeGreaterThan(300)
    await ws.run(`DROP TABLE "${table}"`)
  })

  it('binds tag keys (quotes and dots are data, not SQL or JSON path syntax)', async () => {
    const table = await linesByDimension(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      by: parseDimension(`tag:it's."odd"`),
    })
    expect([...(await sums(table)).keys()]).toEqual(['Unallocated'])
    await ws.run(`DROP TABLE "${table}"`)
  })

  it('refuses a column the workspace does not have, as BAD_REQUEST', async () => {
    const attempt = linesByDimension(ws, {
      period: '2024-09',
      metric: 'BilledCost',
      by: parseDimension('CostCentre'),
    })
    await expect(attempt).rejects.toBeInstanceOf(FocalFailure)
    await expect(attempt).rejects.toMatchObject({ error: { code: 'BAD_REQUEST' } })
  })
})
