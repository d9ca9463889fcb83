/**
 * Candidates (electron/core/backlog/candidates.ts) on a crafted September 2024: an unused
 * commitment (10/day), a resource whose cost tripled in the last whole ISO week, a sub account
 * whose spend has no owner tag (a row tagged "Team" counts as owned through the alias policy),
 * and an idle-looking disk; a flat tagged resource proposes nothing. Accepting one adds it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptCandidate } from '../../../electron/core/backlog/accept-candidate'
import { listItems } from '../../../electron/core/backlog/backlog-items'
import { listCandidates } from '../../../electron/core/backlog/candidates'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { freshWorkspace } from '../../helpers/workspace'
import { daily, writeRows } from './fixture'

let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('candidates')
  const file = writeRows('september.csv', [
    ...daily('2024-09-01', '2024-10-01', {
      resource: 'vm-flat',
      cost: '5',
      tags: { team: 'core' },
    }),
    // 10/day up to Sunday 22, 30/day from Monday 23: the week of the 23rd is 210 against 70.
    ...daily('2024-09-01', '2024-09-23', {
      resource: 'vm-grow',
      cost: '10',
      subAccount: 'Sandbox',
      tags: { Team: 'payments' },
    }),
    ...daily('2024-09-23', '2024-10-01', {
      resource: 'vm-grow',
      cost: '30',
      subAccount: 'Sandbox',
      tags: { Team: 'payments' },
    }),
    ...daily('2024-09-01', '2024-10-01', {
      resource: 'disk-1',
      cost: '2',
      quantity: '0',
      subAccount: 'Sandbox',
    }),
    ...daily('2024-09-01', '2024-10-01', {
      resource: null,
      cost: '10',
      quantity: null,
      subAccount: 'Shared',
      tags: { owner: 'finops' },
      commitmentId: 'cd-1',
      commitmentStatus: 'Unused',
    }),
  ])
  expect((await importFile(ws, file)).status).toBe('imported')
})
afterAll(() => ws.close())

const USD = 'USD'

describe('listCandidates', () => {
  it('proposes each kind with its figures, window and rows filter', async () => {
    const found = await listCandidates(ws)
    expect(found.window).toEqual({ start: '2024-09-01', end: '2024-10-01', days: 30 })
    expect(found.weeks).toEqual({ previous: '2024-09-16', latest: '2024-09-23', end: '2024-09-30' })
    expect(found.metric).toBe('EffectiveCost')
    expect(
      found.candidates.map((c) => [
        c.key,
        c.cost,
        c.previousCost,
        c.expectedMonthlySavings,
        c.rows,
      ]),
    ).toEqual([
      // 30 days × 10 unused; per 30 days the same.
      ['unused-commitment:USD:cd-1', '300', null, '300', 30],
      // The increase 210 − 70 = 140 a week is 140 × 30 / 7 = 600 a month.
      ['week-growth:USD:vm-grow', '210', '70', '600', 14],
      // disk-1's 30 × 2 carries no owner tag; vm-grow's "Team" reads as team.
      ['untagged:USD:Sandbox', '60', null, '0', 30],
      ['idle:USD:disk-1', '60', null, '60', 30],
    ])
    const growth = found.candidates[1]
    expect(growth?.title).toBe('Cost of vm-grow-name grew 200% week over week')
    expect(growth?.evidenceRows).toEqual({
      filters: [
        { dimension: { kind: 'column', name: 'ResourceId' }, op: 'in', values: ['vm-grow'] },
      ],
      conditions: [],
      dateRange: { start: '2024-09-16', end: '2024-09-30' },
    })
    expect(found.candidates[2]?.scope).toEqual({
      kind: 'filter',
      filters: [
        { dimension: { kind: 'column', name: 'SubAccountName' }, op: 'in', values: ['Sandbox'] },
      ],
      conditions: [
        { op: 'tagMissing', key: 'team' },
        { op: 'tagMissing', key: 'budget_owner' },
        { op: 'tagMissing', key: 'owner' },
      ],
    })
    expect(found.candidates.every((c) => c.currency === USD && c.itemId === null)).toBe(true)
  })

  it('proposes no growth under a higher threshold (200% is not above 250%)', async () => {
    const found = await listCandidates(ws, { thresholdPercent: 250 })
    expect(found.candidates.some((c) => c.kind === 'week-growth')).toBe(false)
    expect(found.method).toContain('more than 250% above')
  })

  it('accepts a candidate once, its scope, savings and evidence prefilled', async () => {
    const item = await acceptCandidate(ws, 'idle:USD:disk-1', 'storage team')
    expect(item).toMatchObject({
      title: 'Idle-looking resource disk-1-name: stop or delete it',
      owner: 'storage team',
      expectedMonthlySavings: '60',
      currency: USD,
      status: 'proposed',
      effort: 2,
      priority: '30',
      source: 'idle:USD:disk-1',
      notes: 'USD\u00a060.00 over 30 days with no consumed quantity (30 rows).',
    })
    expect((await acceptCandidate(ws, 'idle:USD:disk-1')).id).toBe(item.id)
    expect(await listItems(ws)).toHaveLength(1)
    const again = await listCandidates(ws)
    expect(again.candidates.find((c) => c.key === 'idle:USD:disk-1')?.itemId).toBe(item.id)
    await expect(acceptCandidate(ws, 'idle:USD:nothing')).rejects.toThrow(
      'No candidate idle:USD:nothing in the data now.',
    )
  })
})
