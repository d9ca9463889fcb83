/**
 * core/budgets/budget-store.ts: a budgets CSV imported all or nothing (a bad row names the
 * file, line and column, and stores nothing), `--by` for files without a dimension, set,
 * edit and delete each audited, and the export read back by the import.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  deleteBudget,
  exportBudgets,
  importBudgets,
  listBudgets,
  setBudget,
} from '../../../electron/core/budgets/budget-store'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { FocalFailure, type FocalError } from '../../../shared/contract'
import { freshWorkspace } from '../../helpers/workspace'
import { daily, importCostDays } from './support'

let ws: Workspace | undefined
afterEach(() => ws?.close())

async function seeded(): Promise<Workspace> {
  const w = await freshWorkspace()
  await importCostDays(
    w,
    'costs.csv',
    daily('2025-06-01', '2025-06-03', 'ml', 'USD', () => '1'),
  )
  return w
}

async function auditActions(w: Workspace): Promise<string[]> {
  const rows = await w.all("SELECT action FROM audit_log WHERE action LIKE 'budget.%' ORDER BY seq")
  return rows.map((r) => String(r.action))
}

async function failureOf(work: Promise<unknown>): Promise<FocalError> {
  const cause: unknown = await work.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  )
  if (cause instanceof FocalFailure) return cause.error
  throw cause
}

const GOOD = 'period,dimension,value,currency,amount\n2025-06,tag:team,ml,USD,1000\n'

describe('budget store', () => {
  it.each([
    ['2025-6,tag:team,ml,USD,10', 'line 3, column period', 'YYYY-MM'],
    ['2025-06,tag:team,,USD,10', 'line 3, column value', 'team'],
    ['2025-06,tag:team,ml,US$,10', 'line 3, column currency', 'ISO code'],
    ['2025-06,tag:team,ml,USD,ten', 'line 3, column amount', 'plain numbers'],
    ['2025-06,tag:team,ml,USD,-5', 'line 3, column amount', 'above zero'],
    ['2025-06,tag:team,ml,USD,10,50;eighty', 'line 3, column thresholds', '50;80;100'],
    ['2025-06,tag:team,ml,USD,5', 'line 3, column value', 'one row per'],
    ['2025-06,NoSuchColumn,ml,USD,5', 'line 3, column dimension', 'FOCUS column name'],
  ])('refuses %s naming %s, and imports nothing', async (row, where, hint) => {
    ws = await seeded()
    const text = `period,dimension,value,currency,amount,thresholds\n2025-06,tag:team,ml,USD,1000\n${row}\n`
    const failure = await failureOf(importBudgets(ws, text, 'team-budgets.csv'))
    expect(failure.message).toContain(`team-budgets.csv ${where}`)
    expect(failure.hint).toContain(hint)
    expect(failure.hint).toContain('Nothing was imported')
    expect(failure.location).toMatchObject({ file: 'team-budgets.csv', line: 3 })
    expect(await listBudgets(ws, null)).toEqual([])
    expect(await auditActions(ws)).toEqual([])
  })

  it('needs a dimension column or --by', async () => {
    ws = await seeded()
    const text = 'period,value,currency,amount\n2025-06,ml,USD,10\n'
    const failure = await failureOf(importBudgets(ws, text, 'b.csv'))
    expect([failure.code, failure.message]).toEqual([
      'MISSING_COLUMNS',
      'b.csv has no "dimension" column.',
    ])
    expect(await importBudgets(ws, text, 'b.csv', 'tag:team')).toEqual({
      fileName: 'b.csv',
      added: 1,
      replaced: 0,
    })
    expect((await listBudgets(ws, '2025-06'))[0]).toMatchObject({
      dimension: 'tag:team',
      value: 'ml',
      amount: '10',
      thresholds: [50, 80, 100],
    })
  })

  it('sets, edits, deletes and re-imports, each audited, and exports what it reads back', async () => {
    ws = await seeded()
    expect(await importBudgets(ws, GOOD, 'b.csv')).toMatchObject({ added: 1, replaced: 0 })
    expect(await importBudgets(ws, GOOD, 'b.csv')).toMatchObject({ added: 0, replaced: 1 })
    const key = { period: '2025-06', dimension: 'tag:team', value: 'ml', currency: 'USD' }
    const edited = await setBudget(
      ws,
      { ...key, value: 'ml-platform', amount: '1250.50', thresholds: [90, 50] },
      key,
    )
    expect(edited).toMatchObject({ value: 'ml-platform', amount: '1250.5', thresholds: [50, 90] })
    await setBudget(ws, { ...key, value: 'web, shop', amount: '20', thresholds: [100] })
    const csv = await exportBudgets(ws, '2025-06')
    expect(csv).toBe(
      'period,dimension,value,currency,amount,thresholds\r\n' +
        '2025-06,tag:team,ml-platform,USD,1250.5,50;90\r\n' +
        '2025-06,tag:team,"web, shop",USD,20,100\r\n',
    )
    expect(await deleteBudget(ws, { ...key, value: 'web, shop' })).toBe(true)
    expect(await deleteBudget(ws, { ...key, value: 'web, shop' })).toBe(false)
    expect(await importBudgets(ws, csv, 'exported.csv')).toMatchObject({ added: 1, replaced: 1 })
    expect((await listBudgets(ws, null)).map((b) => `${b.value} ${b.amount}`)).toEqual([
      'ml-platform 1250.5',
      'web, shop 20',
    ])
    expect(await auditActions(ws)).toEqual([
      'budget.import',
      'budget.import',
      'budget.set',
      'budget.set',
      'budget.delete',
      'budget.import',
    ])
  })
})
