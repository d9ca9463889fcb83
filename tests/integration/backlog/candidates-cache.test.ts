/**
 * The candidates kept in memory (electron/core/backlog/candidates-cache.ts): asked again on the
 * same data they come back without reading the rows (candidateScans does not move), accepting
 * one does not make them read again, and an import or a tag alias edit does (a new idle disk
 * appears; vm-grow's "Team" split out of team makes its spend untagged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptCandidate } from '../../../electron/core/backlog/accept-candidate'
import { listCandidates } from '../../../electron/core/backlog/candidates'
import { candidateScans } from '../../../electron/core/backlog/candidates-cache'
import { importFile } from '../../../electron/core/ingest/import-file'
import { editTagPolicy } from '../../../electron/core/tags/tag-policy'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { freshWorkspace } from '../../helpers/workspace'
import { daily, writeRows, type CraftedRow } from './fixture'

let ws: Workspace

const SEPTEMBER: CraftedRow[] = [
  // 10/day up to Sunday 22, 30/day from Monday 23: 22 × 10 + 8 × 30 = 460 in September.
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
]

beforeAll(async () => {
  ws = await freshWorkspace('candidates-cache')
  expect((await importFile(ws, writeRows('september.csv', SEPTEMBER))).status).toBe('imported')
})
afterAll(() => ws.close())

const keys = async (): Promise<string[]> => (await listCandidates(ws)).candidates.map((c) => c.key)

describe('cachedCandidates', () => {
  it('answers the same data again without reading the rows, accepted marks included', async () => {
    const before = candidateScans()
    const first = await listCandidates(ws)
    expect(candidateScans()).toBe(before + 1)
    expect(first.candidates.map((c) => c.key)).toEqual([
      'week-growth:USD:vm-grow',
      'untagged:USD:Sandbox',
      'idle:USD:disk-1',
    ])
    expect(await listCandidates(ws)).toEqual(first)
    const item = await acceptCandidate(ws, 'idle:USD:disk-1')
    const again = await listCandidates(ws)
    expect(candidateScans()).toBe(before + 1)
    expect(again.candidates.find((c) => c.key === 'idle:USD:disk-1')?.itemId).toBe(item.id)
    // An answer edited by its caller leaves the kept one as it was.
    const edited = again.candidates[0]
    const scope = JSON.stringify(edited?.scope)
    if (edited?.scope.kind === 'filter') edited.scope.filters.length = 0
    expect(JSON.stringify((await listCandidates(ws)).candidates[0]?.scope)).toBe(scope)
    // Other options are another answer, read once.
    await listCandidates(ws, { thresholdPercent: 250 })
    await listCandidates(ws, { thresholdPercent: 250 })
    expect(candidateScans()).toBe(before + 2)
  })

  it('reads the rows again after an import: its idle disk is proposed', async () => {
    const before = candidateScans()
    const october = writeRows('disk-2.csv', [
      ...daily('2024-09-01', '2024-10-01', {
        resource: 'disk-2',
        cost: '3',
        quantity: '0',
        subAccount: 'Storage',
        tags: { team: 'storage' },
      }),
    ])
    expect((await importFile(ws, october)).status).toBe('imported')
    expect(await keys()).toContain('idle:USD:disk-2')
    expect(candidateScans()).toBe(before + 1)
  })

  it('reads the rows again after a tag alias edit: "Team" split out leaves vm-grow untagged', async () => {
    const untagged = async (): Promise<string | undefined> =>
      (await listCandidates(ws)).candidates.find((c) => c.key === 'untagged:USD:Sandbox')?.cost
    // disk-1: 30 × 2 = 60 without an owner tag; vm-grow's "Team" reads as team.
    expect(await untagged()).toBe('60')
    const before = candidateScans()
    await editTagPolicy(ws, { action: 'split', key: 'Team' })
    // 60 + vm-grow's 460.
    expect(await untagged()).toBe('520')
    expect(candidateScans()).toBe(before + 1)
  })
})
