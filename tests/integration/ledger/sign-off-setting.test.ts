/**
 * The ledger's sign-off threshold as a workspace setting (core/ledger/sign-off-setting.ts) on
 * crafted weeks 2024-W38 (Sep 16–22) and 2024-W39 (Sep 23–29), daily cost per resource:
 * vm-a 100 → 110 (Δ 70, 10%), vm-b 10 → 20 (Δ 70, 100%), vm-c 1000 → 1200 (Δ 1400, 20%),
 * vm-d 500 → 560 (Δ 420, 12%). Each threshold flags exactly the movers worked out by hand
 * here, in the ledger and its CSV; every change is audited with its old and new values, a
 * refused one stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerWeek } from '../../../electron/core/ledger/ledger-week'
import { readSignOff, writeSignOff } from '../../../electron/core/ledger/sign-off-setting'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { ledgerCsv } from '../../../electron/core/ledger/ledger-csv'
import { parseCsv } from '../../helpers/csv-sums'
import { freshWorkspace } from '../../helpers/workspace'
import { daily, writeRows } from '../backlog/fixture'

let ws: Workspace

const weeks = (resource: string, last: string, now: string): ReturnType<typeof daily> => [
  ...daily('2024-09-16', '2024-09-23', { resource, cost: last }),
  ...daily('2024-09-23', '2024-09-30', { resource, cost: now }),
]

beforeAll(async () => {
  ws = await freshWorkspace('ledger-sign-off')
  const file = writeRows('weeks.csv', [
    ...weeks('vm-a', '100', '110'),
    ...weeks('vm-b', '10', '20'),
    ...weeks('vm-c', '1000', '1200'),
    ...weeks('vm-d', '500', '560'),
  ])
  expect((await importFile(ws, file)).status).toBe('imported')
})
afterAll(() => ws.close())

/** The flagged movers of 2024-W39 by ResourceId, sorted, and the threshold the ledger states. */
async function flagged(): Promise<{ values: string[]; threshold: unknown }> {
  const ledger = await ledgerWeek(ws, { week: '2024-W39', by: 'ResourceId' })
  const movers = ledger.currencies[0]?.movers ?? []
  expect(movers.map((m) => [m.value, m.delta, m.deltaPercent])).toEqual([
    ['vm-c', '1400', '20'],
    ['vm-d', '420', '12'],
    ['vm-a', '70', '10'],
    ['vm-b', '70', '100'],
  ])
  return {
    values: movers.flatMap((m) => (m.needsSignOff && m.value ? [m.value] : [])).sort(),
    threshold: ledger.threshold,
  }
}

const auditEntries = async (): Promise<unknown[]> =>
  (
    await ws.all(
      "SELECT subject, details FROM audit_log WHERE action = 'ledger.settings' ORDER BY seq",
    )
  ).map((r) => [r.subject, JSON.parse(String(r.details))])

describe('ledger sign-off threshold', () => {
  it('flags by the default until one is set: |Δ| ≥ 1000 or |Δ %| ≥ 20', async () => {
    expect(await readSignOff(ws)).toEqual({ amount: '1000', percent: '20' })
    expect(await flagged()).toEqual({
      values: ['vm-b', 'vm-c'],
      threshold: { amount: '1000', percent: '20' },
    })
  })

  it('flags by the stored threshold after each change, audited with old and new', async () => {
    expect(await writeSignOff(ws, { amount: '400', percent: null })).toEqual({
      amount: '400',
      percent: null,
    })
    // 1400 and 420 reach 400; no percent.
    expect(await flagged()).toEqual({
      values: ['vm-c', 'vm-d'],
      threshold: { amount: '400', percent: null },
    })
    // The amount kept; 10% reaches every mover's change.
    await writeSignOff(ws, { percent: '10' })
    expect((await flagged()).values).toEqual(['vm-a', 'vm-b', 'vm-c', 'vm-d'])
    await writeSignOff(ws, { amount: '', percent: '15.5' })
    const last = await flagged()
    expect(last).toEqual({ values: ['vm-b', 'vm-c'], threshold: { amount: null, percent: '15.5' } })
    expect(await auditEntries()).toEqual([
      [
        'sign-off threshold',
        { old: { amount: '1000', percent: '20' }, new: { amount: '400', percent: null } },
      ],
      [
        'sign-off threshold',
        { old: { amount: '400', percent: null }, new: { amount: '400', percent: '10' } },
      ],
      [
        'sign-off threshold',
        { old: { amount: '400', percent: '10' }, new: { amount: null, percent: '15.5' } },
      ],
    ])
    // The CSV flags by the stored threshold and states it on every mover's line.
    const [header = [], ...lines] = parseCsv(
      ledgerCsv(await ledgerWeek(ws, { week: '2024-W39', by: 'ResourceId' })),
    )
    const at = (name: string): number => header.indexOf(name)
    expect(
      lines
        .filter((l) => l[at('Line')] === 'mover')
        .map((l) => [l[at('Value')], l[at('NeedsSignOff')], l[at('SignOffRule')]]),
    ).toEqual([
      ['vm-c', 'yes', '|delta %| ≥ 15.5%'],
      ['vm-d', 'no', '|delta %| ≥ 15.5%'],
      ['vm-a', 'no', '|delta %| ≥ 15.5%'],
      ['vm-b', 'yes', '|delta %| ≥ 15.5%'],
    ])
  })

  it.each([
    [{ amount: '-5' }, 'The sign-off amount "-5" is negative'],
    [{ amount: 'a lot' }, 'The sign-off amount "a lot" is not a number'],
    [{ amount: '1.00001' }, 'The sign-off amount "1.00001" has more than 4 decimals'],
    [{ percent: '-1' }, 'The sign-off percent "-1" is negative'],
    [{ percent: null }, 'cannot both be off'],
  ])('refuses %j and stores nothing', async (change, message) => {
    const before = await auditEntries()
    await expect(writeSignOff(ws, change)).rejects.toThrow(message)
    expect(await readSignOff(ws)).toEqual({ amount: null, percent: '15.5' })
    expect(await auditEntries()).toEqual(before)
  })
})
