/**
 * Business metrics import (electron/core/unit-costs/metrics.ts): a bad row is refused naming
 * the file, row and column with what to fix, and nothing is stored; a value for a date, metric
 * and dimension already stored is replaced and counted; every import is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importMetrics, listMetrics } from '../../../electron/core/unit-costs/metrics'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { FocalFailure } from '../../../shared/contract'
import { freshWorkspace } from '../../helpers/workspace'

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('metrics')
})
afterAll(() => ws.close())

async function refusal(text: string): Promise<{ message: string; hint?: string }> {
  const caught = await importMetrics(ws, text, 'orders.csv', 'x').catch((c: unknown) => c)
  expect(caught).toBeInstanceOf(FocalFailure)
  const { message, hint } = (caught as FocalFailure).error
  return { message, ...(hint ? { hint } : {}) }
}

describe('importMetrics', () => {
  it('refuses a bad row naming file, row and column, and stores nothing', async () => {
    const good = '2024-09-01,orders,10\n'
    expect((await refusal(`date,metric,value\n${good}2024-09-31,orders,5\n`)).message).toBe(
      'orders.csv row 3, column date: "2024-09-31" is not a date.',
    )
    const value = await refusal(`date,metric,value\n${good}2024-09-02,orders,"1,200"\n`)
    expect(value.message).toBe('orders.csv row 3, column value: "1,200" is not a number of units.')
    expect(value.hint).toMatch(/no thousands separator.*Nothing was imported\.$/)
    expect((await refusal(`date,metric,value\n${good}2024-09-02,orders,-3\n`)).message).toBe(
      'orders.csv row 3, column value: "-3" is not a number of units.',
    )
    expect((await refusal(`date,metric,value\n${good}2024-09-02,,3\n`)).message).toBe(
      'orders.csv row 3, column metric: the metric name is empty.',
    )
    expect((await refusal(`date,metric,value\n${good}2024-09-01,orders,11\n`)).message).toBe(
      'orders.csv row 3, column date: a second value of orders on 2024-09-01 (the first is on row 2).',
    )
    expect((await refusal(`date,metric,units\n${good}`)).message).toBe(
      'orders.csv row 1: unknown column "units".',
    )
    expect((await refusal(`date,metric,value\n${good}2024-09-02,orders\n`)).message).toBe(
      'orders.csv row 3 has 2 fields; the header has 3.',
    )
    expect(await listMetrics(ws)).toEqual({ metrics: [], imports: [] })
    const [audited] = await ws.all(
      "SELECT count(*)::INT AS n FROM audit_log WHERE action = 'metrics.import'",
    )
    expect(audited?.n).toBe(0)
  })

  it('stores values, replaces a re-imported date, metric and dimension, and audits each import', async () => {
    const first = await importMetrics(
      ws,
      'date,metric,value,dimension\n2024-09-01,orders,10,shop\n2024-09-01,orders,4,\n2024-09-02,orders,12.50,shop\n',
      'orders.csv',
      'a1',
    )
    expect(first).toEqual({
      importId: 1,
      fileName: 'orders.csv',
      sha256: 'a1',
      values: 3,
      replaced: 0,
    })
    const second = await importMetrics(
      ws,
      'date,dimension,metric,value\n2024-09-02,shop,orders,13\n2024-09-03,shop,orders,7\n',
      'orders-fix.csv',
      'b2',
    )
    expect(second).toMatchObject({ importId: 2, values: 2, replaced: 1 })
    const list = await listMetrics(ws)
    expect(list.metrics).toEqual([
      { metric: 'orders', dimension: null, values: 1, first: '2024-09-01', last: '2024-09-01' },
      { metric: 'orders', dimension: 'shop', values: 3, first: '2024-09-01', last: '2024-09-03' },
    ])
    expect(list.imports.map((i) => [i.fileName, i.values, i.replaced])).toEqual([
      ['orders.csv', 3, 0],
      ['orders-fix.csv', 2, 1],
    ])
    const stored = await ws.all(
      "SELECT strftime(on_date, '%Y-%m-%d') AS d, CAST(value AS VARCHAR) AS v, import_id FROM metric_values WHERE dimension = 'shop' ORDER BY on_date",
    )
    expect(stored.map((r) => [r.d, Number(r.v), r.import_id])).toEqual([
      ['2024-09-01', 10, 1],
      ['2024-09-02', 13, 2],
      ['2024-09-03', 7, 2],
    ])
    const audit = await ws.all(
      "SELECT subject, details FROM audit_log WHERE action = 'metrics.import' ORDER BY seq",
    )
    expect(audit.map((r) => [r.subject, JSON.parse(String(r.details))])).toEqual([
      ['orders.csv', { sha256: 'a1', values: 3, replaced: 0, metrics: ['orders'] }],
      ['orders-fix.csv', { sha256: 'b2', values: 2, replaced: 1, metrics: ['orders'] }],
    ])
  })
})
