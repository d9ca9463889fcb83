/**
 * Realized savings (electron/core/backlog/realized-savings.ts) on a synthetic level shift: one
 * resource at 100/day for the 30 days before its change date and 60/day after it, beside a
 * resource outside the scope, gives (100 − 60) × 30 = 1200 exactly; and the burn-down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addItem, updateItem } from '../../../electron/core/backlog/backlog-items'
import { realizedSavings } from '../../../electron/core/backlog/realized-savings'
import { importFile } from '../../../electron/core/ingest/import-file'
import { deleteView, saveView } from '../../../electron/core/views/saved-views'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import type { BacklogInput } from '../../../shared/contract/backlog'
import { DEFAULT_PIVOT } from '../../../shared/pivot'
import { freshWorkspace } from '../../helpers/workspace'
import { daily, writeRows } from './fixture'

let ws: Workspace
const CHANGE = '2024-09-01'
const VM1 = [
  {
    dimension: { kind: 'column' as const, name: 'ResourceId' },
    op: 'in' as const,
    values: ['vm-1'],
  },
]

beforeAll(async () => {
  ws = await freshWorkspace('realized')
  const file = writeRows('shift.csv', [
    ...daily('2024-08-02', CHANGE, { resource: 'vm-1', cost: '100' }),
    ...daily(CHANGE, '2024-10-01', { resource: 'vm-1', cost: '60' }),
    ...daily('2024-08-02', '2024-10-01', { resource: 'vm-2', cost: '7.25' }),
  ])
  expect((await importFile(ws, file)).status).toBe('imported')
})
afterAll(() => ws.close())

const item = (patch: Partial<BacklogInput>): BacklogInput => ({
  title: 'Right-size vm-1',
  scope: {
    kind: 'filter',
    filters: VM1,
    conditions: [],
  },
  owner: 'platform',
  expectedMonthlySavings: '1000',
  currency: 'USD',
  risk: 'low',
  effort: 2,
  status: 'in progress',
  dueDate: '2024-09-15',
  changeDate: null,
  notes: '',
  ...patch,
})

describe('realizedSavings', () => {
  it('measures 100/day before the change and 60/day after as 1200 a month, with the method', async () => {
    const added = await addItem(ws, item({}))
    // Not done yet: nothing measured.
    expect((await realizedSavings(ws)).items).toEqual([])
    await updateItem(ws, { id: added.id, status: 'done', changeDate: CHANGE })
    const realized = await realizedSavings(ws)
    expect(realized.metric).toBe('EffectiveCost')
    expect(realized.days).toBe(30)
    expect(realized.method).toContain('over the 30 days before its change date')
    expect(realized.items).toEqual([
      {
        id: added.id,
        title: 'Right-size vm-1',
        currency: 'USD',
        expectedMonthlySavings: '1000',
        changeDate: CHANGE,
        before: { start: '2024-08-02', end: CHANGE, days: 30 },
        after: { start: CHANGE, end: '2024-10-01', days: 30 },
        figures: [
          {
            currency: 'USD',
            beforeCost: '3000',
            afterCost: '1800',
            beforeDaily: '100',
            afterDaily: '60',
            realizedMonthly: '1200',
            beforeRows: {
              filters: VM1,
              conditions: [],
              dateRange: { start: '2024-08-02', end: CHANGE },
            },
            afterRows: {
              filters: VM1,
              conditions: [],
              dateRange: { start: CHANGE, end: '2024-10-01' },
            },
          },
        ],
        note: null,
      },
    ])
  })

  it('uses fewer baseline days when asked, and only days the workspace has data for', async () => {
    // 10 days before: 1000 / 10 = 100 a day; 10 days after: 600 / 10 = 60 a day.
    const ten = await realizedSavings(ws, { days: 10 })
    expect(ten.items[0]?.before).toEqual({ start: '2024-08-22', end: CHANGE, days: 10 })
    expect(ten.items[0]?.figures[0]?.realizedMonthly).toBe('1200')
    // 45 days asked: the data starts on 2024-08-02, so 30 days before count (3000 / 30).
    const long = await realizedSavings(ws, { days: 45 })
    expect(long.items[0]?.before?.days).toBe(30)
    expect(long.items[0]?.figures[0]?.beforeDaily).toBe('100')
  })

  it('says why an item with a change date after the data cannot be measured', async () => {
    const late = await addItem(
      ws,
      item({ title: 'Later', status: 'done', changeDate: '2024-12-01' }),
    )
    const realized = await realizedSavings(ws)
    const measured = realized.items.find((i) => i.id === late.id)
    expect(measured?.figures).toEqual([])
    expect(measured?.note).toBe(
      'No data from the change date 2024-12-01 on yet: import later data to measure it.',
    )
    await updateItem(ws, { id: late.id, status: 'rejected' })
  })

  it('leaves an item whose saved view was deleted unmeasured, saying so, and measures the others', async () => {
    await saveView(ws, 'vm-1 view', { ...DEFAULT_PIVOT, filters: VM1 })
    const byView = await addItem(
      ws,
      item({
        title: 'By view',
        scope: { kind: 'view', view: 'vm-1 view' },
        status: 'done',
        changeDate: CHANGE,
      }),
    )
    expect(
      (await realizedSavings(ws)).items.find((i) => i.id === byView.id)?.figures[0]
        ?.realizedMonthly,
    ).toBe('1200')
    await deleteView(ws, 'vm-1 view')
    const realized = await realizedSavings(ws)
    expect(realized.items.find((i) => i.id === byView.id)?.note).toBe(
      "The saved view vm-1 view of its scope no longer exists: edit the item's scope.",
    )
    expect(realized.items.find((i) => i.id !== byView.id)?.figures[0]?.realizedMonthly).toBe('1200')
    await updateItem(ws, { id: byView.id, status: 'rejected' })
  })

  it('draws the burn-down: expected savings move to delivered at the change date, beside what was realized', async () => {
    await addItem(
      ws,
      item({ title: 'Open work', expectedMonthlySavings: '250.5', status: 'accepted' }),
    )
    const { burnDown } = await realizedSavings(ws)
    expect(burnDown).toEqual([
      {
        date: '2024-08-31',
        currency: 'USD',
        remainingExpected: '1250.5',
        deliveredExpected: '0',
        realized: '0',
      },
      {
        date: CHANGE,
        currency: 'USD',
        remainingExpected: '250.5',
        deliveredExpected: '1000',
        realized: '1200',
      },
    ])
  })
})
