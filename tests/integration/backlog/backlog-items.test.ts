/**
 * Backlog items (electron/core/backlog/backlog-items.ts): listed by savings ÷ effort with open
 * work first, every add and update in the audit log with what changed, each bad field refused
 * naming it and saying what to write, nothing written on a refusal, and the CSV export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backlogCsv } from '../../../electron/core/backlog/backlog-csv'
import { addItem, listItems, updateItem } from '../../../electron/core/backlog/backlog-items'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { saveView } from '../../../electron/core/views/saved-views'
import { FocalFailure } from '../../../shared/contract'
import type { BacklogInput } from '../../../shared/contract/backlog'
import { DEFAULT_PIVOT } from '../../../shared/pivot'
import { parseCsv } from '../../helpers/csv-sums'
import { freshWorkspace } from '../../helpers/workspace'
import { daily, writeRows } from './fixture'

let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('items')
  const file = writeRows(
    'few.csv',
    daily('2024-09-01', '2024-09-08', { resource: 'vm-1', cost: '3' }),
  )
  expect((await importFile(ws, file)).status).toBe('imported')
})
afterAll(() => ws.close())

const input = (patch: Partial<BacklogInput>): BacklogInput => ({
  title: 'An item',
  scope: { kind: 'filter', filters: [], conditions: [] },
  owner: 'finops',
  expectedMonthlySavings: '100',
  currency: 'USD',
  risk: 'low',
  effort: 1,
  status: 'proposed',
  dueDate: null,
  changeDate: null,
  notes: '',
  ...patch,
})

/** The FocalFailure `work` throws. */
async function refusal(work: Promise<unknown>): Promise<FocalFailure['error']> {
  const cause = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(cause).toBeInstanceOf(FocalFailure)
  return (cause as FocalFailure).error
}

describe('backlog items', () => {
  it('lists open items by savings ÷ effort, then done, then rejected', async () => {
    // Priorities: 900 / 3 = 300, 500 / 1 = 500, 1000 / 5 = 200, 100 / 4 = 25.
    const a = await addItem(ws, input({ title: 'A', expectedMonthlySavings: '900', effort: 3 }))
    const b = await addItem(ws, input({ title: 'B', expectedMonthlySavings: '500', effort: 1 }))
    const c = await addItem(ws, input({ title: 'C', expectedMonthlySavings: '1000', effort: 5 }))
    const d = await addItem(ws, input({ title: 'D', expectedMonthlySavings: '100', effort: 4 }))
    const e = await addItem(ws, input({ title: 'E', expectedMonthlySavings: '10', effort: 3 }))
    expect(e.priority).toBe('3.33')
    await updateItem(ws, { id: b.id, status: 'rejected' })
    await updateItem(ws, { id: d.id, status: 'done', changeDate: '2024-09-05' })
    const listed = await listItems(ws)
    expect(listed.map((i) => [i.title, i.priority, i.status])).toEqual([
      ['A', '300', 'proposed'],
      ['C', '200', 'proposed'],
      ['E', '3.33', 'proposed'],
      ['D', '25', 'done'],
      ['B', '500', 'rejected'],
    ])
    expect(a.createdBy).toBe(a.updatedBy)
    expect(c.id).toBe(3)
  })

  it('audits every add and update, an update with each changed field before and after', async () => {
    const item = await addItem(ws, input({ title: 'Audited' }))
    await updateItem(ws, { id: item.id, owner: 'platform', effort: 2 })
    // Saving the same values again changes nothing and writes no entry.
    await updateItem(ws, { id: item.id, owner: 'platform' })
    const rows = await ws.all(
      `SELECT action, subject, details FROM audit_log WHERE subject = $1 ORDER BY logged_at`,
      [`backlog item ${item.id}`],
    )
    expect(rows.map((r) => r.action)).toEqual(['backlog.add', 'backlog.update'])
    expect(JSON.parse(String(rows[1]?.details))).toEqual({
      id: item.id,
      changes: { owner: { before: 'finops', after: 'platform' }, effort: { before: 1, after: 2 } },
    })
  })

  it('refuses each bad field naming it and saying what to write, and writes nothing', async () => {
    const before = (await listItems(ws)).length
    const cases: Array<[Partial<BacklogInput>, string, string]> = [
      [{ title: ' ' }, 'Backlog item, title: ', 'Give the item a title'],
      [
        { expectedMonthlySavings: '-5' },
        'Backlog item, expectedMonthlySavings: expected an amount such as 1200 or 99.50.',
        'per month',
      ],
      [
        { currency: 'usd' },
        'Backlog item, currency: expected an ISO currency code such as USD.',
        'ISO code',
      ],
      [{ effort: 6 }, 'Backlog item, effort: ', 'S, M, L (1, 3, 5)'],
      [
        { dueDate: '2024-02-30' },
        'Backlog item, dueDate: 2024-02-30 is not a calendar day.',
        'YYYY-MM-DD',
      ],
      [
        { status: 'done' },
        'Backlog item, changeDate: a done item needs the day the change was made.',
        'Set the change date',
      ],
      [
        {
          scope: {
            kind: 'filter',
            filters: [{ dimension: { kind: 'column', name: 'Nope' }, op: 'in', values: ['x'] }],
            conditions: [],
          },
        },
        "The backlog item's scope: Unknown column Nope.",
        'Explore',
      ],
      [{ scope: { kind: 'view', view: 'missing view' } }, 'No saved view missing view.', ''],
    ]
    for (const [patch, message, hint] of cases) {
      const error = await refusal(addItem(ws, input(patch)))
      expect(error.message).toContain(message)
      expect(error.hint ?? '').toContain(hint)
    }
    const first = (await listItems(ws))[0]
    const error = await refusal(updateItem(ws, { id: first?.id ?? 0, changeDate: '2024-13-01' }))
    expect(error.location).toEqual({ column: 'changeDate', value: '2024-13-01' })
    expect(await listItems(ws)).toHaveLength(before)
    expect((await refusal(updateItem(ws, { id: 999, title: 'x' }))).code).toBe('NOT_FOUND')
  })

  it('takes a saved view as the scope', async () => {
    await saveView(ws, 'vm-1 only', {
      ...DEFAULT_PIVOT,
      filters: [{ dimension: { kind: 'column', name: 'ResourceId' }, op: 'in', values: ['vm-1'] }],
    })
    const item = await addItem(
      ws,
      input({ title: 'By view', scope: { kind: 'view', view: 'vm-1 only' } }),
    )
    expect(item.scope).toEqual({ kind: 'view', view: 'vm-1 only' })
  })

  it('exports the list as CSV in priority order, text guarded against formulas', async () => {
    await addItem(
      ws,
      input({ title: '=HYPERLINK("x")', expectedMonthlySavings: '0.5', notes: 'a, "b"' }),
    )
    const items = await listItems(ws)
    const [header, ...rows] = parseCsv(backlogCsv(items).replaceAll('\r\n', '\n').trimEnd())
    expect(header?.slice(0, 7)).toEqual([
      'Priority',
      'Id',
      'Title',
      'Owner',
      'Status',
      'ExpectedMonthlySavings',
      'Currency',
    ])
    expect(rows.map((r) => r[2])).toEqual(items.map((i) => i.title.replace(/^=/, "'=")))
    const guarded = rows.find((r) => r[2] === `'=HYPERLINK("x")`)
    expect(guarded?.[0]).toBe('0.5')
    expect(guarded?.[13]).toBe('a, "b"')
  })
})
