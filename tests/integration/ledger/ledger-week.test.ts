/**
 * core/ledger/ledger-week on real DuckDB with the demo sample (September 2024, USD): the week's
 * totals, every mover, the rest, the days and the drivers equal sums worked out here from the
 * CSV itself; explanations and sign-offs are audited and carry over a regenerated ledger and a
 * new import that changes the week's figures.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { explainMover, signOffMover } from '../../../electron/core/ledger/explanations'
import { ledgerWeek } from '../../../electron/core/ledger/ledger-week'
import { ledgerWeeks } from '../../../electron/core/ledger/week-request'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { FocalFailure } from '../../../shared/contract'
import { LEDGER_CHANNELS } from '../../../shared/contract/ledger'
import { change } from '../../../shared/ledger/change'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')

/** The demo's rows as records, read by the test's own CSV parser. */
function records(path: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

const present = (v: string | undefined): v is string => v !== undefined && v !== '' && v !== 'NULL'

/** Independent sums of `metric` per value of `key` over [start, end) of ChargePeriodStart. */
function expected(
  rows: Array<Record<string, string>>,
  start: string,
  end: string,
  key: (r: Record<string, string>) => string | null,
  metric = 'BilledCost',
): Map<string | null, string> {
  const groups = new Map<string | null, string[]>()
  for (const r of rows) {
    const day = (r.ChargePeriodStart ?? '').slice(0, 10)
    if (day < start || day >= end) continue
    const k = key(r)
    const values = groups.get(k) ?? []
    if (present(r[metric])) values.push(r[metric] as string)
    groups.set(k, values)
  }
  return new Map([...groups].map(([k, v]) => [k, sumDecimals(v)]))
}

const column =
  (name: string) =>
  (r: Record<string, string>): string | null =>
    present(r[name]) ? (r[name] as string) : null

let ws: Workspace
let rows: Array<Record<string, string>>
beforeAll(async () => {
  ws = await freshWorkspace('ledger')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
  rows = records(DEMO)
})
afterAll(() => ws.close())

describe('ledgerWeek', () => {
  it('lists the weeks with data and picks the latest complete one', async () => {
    const weeks = await ledgerWeeks(ws)
    // 2024-09-01 is a Sunday (2024-W35); 2024-09-30 opens 2024-W40, which the data does not finish.
    expect(weeks.weeks).toEqual([
      '2024-W40',
      '2024-W39',
      '2024-W38',
      '2024-W37',
      '2024-W36',
      '2024-W35',
    ])
    expect(weeks.latestComplete).toBe('2024-W39')
  })

  it('gives the owner dimension, the totals, every mover and the rest exactly', async () => {
    const ledger = LEDGER_CHANNELS['ledger:week'].response.parse(
      await ledgerWeek(ws, { week: '2024-W39', top: 3 }),
    )
    // The demo has neither an owner nor a team tag.
    expect([ledger.by, ledger.byReason, ledger.metric]).toEqual([
      'SubAccountName',
      'owner-default',
      'BilledCost',
    ])
    expect([ledger.start, ledger.end, ledger.lastWeek.week]).toEqual([
      '2024-09-23',
      '2024-09-30',
      '2024-W38',
    ])
    const thisWeek = expected(rows, '2024-09-23', '2024-09-30', column('SubAccountName'))
    const lastWeek = expected(rows, '2024-09-16', '2024-09-23', column('SubAccountName'))
    const [usd] = ledger.currencies
    expect(ledger.currencies.map((c) => c.currency)).toEqual(['USD'])
    const total = change(sumDecimals(thisWeek.values()), sumDecimals(lastWeek.values()))
    expect(usd).toMatchObject(total)
    // The week's total is the exact sum of its days, each day summed from the file.
    expect(usd?.days.map((d) => d.day)).toEqual([
      '2024-09-23',
      '2024-09-24',
      '2024-09-25',
      '2024-09-26',
      '2024-09-27',
      '2024-09-28',
      '2024-09-29',
    ])
    for (const d of usd?.days ?? [])
      expect(d.cost).toBe(
        sumDecimals(
          expected(
            rows,
            d.day,
            `${d.day.slice(0, 8)}${String(Number(d.day.slice(8)) + 1).padStart(2, '0')}`,
            () => 'all',
          ).values(),
        ),
      )
    expect(sumDecimals(usd?.days.map((d) => d.cost) ?? [])).toBe(total.thisWeek)
    // Every value's change, worked out here; the movers are the three largest by |delta|.
    const values = new Set([...thisWeek.keys(), ...lastWeek.keys()])
    const all = [...values].map((v) => ({
      value: v,
      ...change(thisWeek.get(v) ?? '0', lastWeek.get(v) ?? '0'),
    }))
    all.sort((a, b) => Math.abs(Number(b.delta)) - Math.abs(Number(a.delta)))
    expect(
      usd?.movers.map(({ value, thisWeek, lastWeek, delta, deltaPercent }) => ({
        value,
        thisWeek,
        lastWeek,
        delta,
        deltaPercent,
      })),
    ).toEqual(all.slice(0, 3))
    expect(usd?.rest).toEqual({
      values: all.length - 3,
      ...change(
        sumDecimals(all.slice(3).map((a) => a.thisWeek)),
        sumDecimals(all.slice(3).map((a) => a.lastWeek)),
      ),
    })
  })

  it('gives each mover its ServiceName, ResourceId and SkuId drivers from its own rows', async () => {
    const ledger = await ledgerWeek(ws, {
      week: '2024-W39',
      top: 2,
      by: 'ServiceName',
      metric: 'EffectiveCost',
    })
    expect([ledger.by, ledger.byReason, ledger.metric]).toEqual([
      'ServiceName',
      'requested',
      'EffectiveCost',
    ])
    const mover = ledger.currencies[0]?.movers[0]
    expect(mover?.drivers.map((d) => d.column)).toEqual(['ServiceName', 'ResourceId', 'SkuId'])
    const mine = rows.filter((r) => column('ServiceName')(r) === mover?.value)
    for (const group of mover?.drivers ?? []) {
      const tw = expected(mine, '2024-09-23', '2024-09-30', column(group.column), 'EffectiveCost')
      const lw = expected(mine, '2024-09-16', '2024-09-23', column(group.column), 'EffectiveCost')
      expect(group.items.length).toBeLessThanOrEqual(5)
      for (const item of group.items)
        expect(item).toEqual({
          value: item.value,
          ...change(tw.get(item.value) ?? '0', lw.get(item.value) ?? '0'),
        })
    }
    // The mover's own rows in one column add up to the mover (ServiceName by ServiceName is itself).
    expect(mover?.drivers[0]?.items).toEqual([
      {
        value: mover?.value,
        thisWeek: mover?.thisWeek,
        lastWeek: mover?.lastWeek,
        delta: mover?.delta,
        deltaPercent: mover?.deltaPercent,
      },
    ])
  })

  it('reads tag:<key> through the same tag SQL as Explore', async () => {
    const ledger = await ledgerWeek(ws, { week: '2024-W39', by: 'tag:business_unit', top: 50 })
    const tag = (r: Record<string, string>): string | null => {
      try {
        const v = (JSON.parse(r.Tags || '{}') as Record<string, unknown>).business_unit
        return v == null ? null : String(v)
      } catch {
        return null
      }
    }
    const tw = expected(rows, '2024-09-23', '2024-09-30', tag)
    const usd = ledger.currencies[0]
    expect(usd?.movers).toHaveLength(50)
    for (const m of usd?.movers ?? [])
      expect(m.thisWeek).toBe(change(tw.get(m.value) ?? '0', '0').thisWeek)
    expect(usd?.thisWeek).toBe(sumDecimals(tw.values()))
  })

  it('rejects a week that does not exist and a column the workspace lacks', async () => {
    await expect(ledgerWeek(ws, { week: '2021-W53' })).rejects.toThrow(/weeks 1 to 52/)
    const bad = await ledgerWeek(ws, { week: '2024-W39', by: 'NoSuchColumn' }).catch(
      (e: unknown) => e,
    )
    expect(bad).toBeInstanceOf(FocalFailure)
    expect((bad as FocalFailure).error.message).toMatch(/Unknown column NoSuchColumn/)
  })
})

describe('explanations', () => {
  it('are audited, signed off by the OS user and kept across regeneration and a new import', async () => {
    const before = await ledgerWeek(ws, { week: '2024-W39', by: 'ServiceName', top: 3 })
    const mover = before.currencies[0]?.movers[0]
    expect(mover?.explanation).toBeNull()
    const key = { week: '2024-W39', by: 'ServiceName', value: mover?.value ?? null }
    await expect(signOffMover(ws, key)).rejects.toThrow(/no explanation to sign off/)
    const saved = await explainMover(ws, {
      ...key,
      text: 'New load balancer for the launch',
      owner: 'platform',
    })
    expect([saved.text, saved.owner, saved.signedBy]).toEqual([
      'New load balancer for the launch',
      'platform',
      null,
    ])
    const signed = await signOffMover(ws, key)
    expect(signed.signedBy).toBe(saved.updatedBy)
    expect(signed.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)

    const again = await ledgerWeek(ws, { week: '2024-W39', by: 'ServiceName', top: 3 })
    expect(again.currencies[0]?.movers[0]?.explanation).toEqual(signed)
    expect(again.currencies[0]?.movers[0]?.needsSignOff).toBe(false)

    // A new import with rows in the week changes the figures; the explanation is still found.
    const dir = tempDir()
    const [header = '', ...lines] = readFileSync(DEMO, 'utf8').split('\n')
    const moved = lines
      .slice(0, 3)
      .map((l) =>
        l.replaceAll('2024-09-18', '2024-09-24').replaceAll('2024-09-30 2', '2024-09-25 2'),
      )
    writeFileSync(join(dir, 'late.csv'), [header, ...moved].join('\n') + '\n')
    expect((await importFile(ws, join(dir, 'late.csv'))).status).toBe('imported')
    const after = await ledgerWeek(ws, { week: '2024-W39', by: 'ServiceName', top: 50 })
    expect(after.currencies[0]?.thisWeek).not.toBe(before.currencies[0]?.thisWeek)
    expect(after.currencies[0]?.movers.find((m) => m.value === key.value)?.explanation).toEqual(
      signed,
    )

    // A changed text clears the sign-off: the owner signed what was written before.
    const edited = await explainMover(ws, {
      ...key,
      text: 'Launch load balancer, kept for Q4',
      owner: 'platform',
    })
    expect(edited.signedBy).toBeNull()
    const audit = await ws.all(
      "SELECT action, subject FROM audit_log WHERE action LIKE 'ledger.%' ORDER BY seq",
    )
    expect(audit.map((a) => a.action)).toEqual([
      'ledger.explain',
      'ledger.signoff',
      'ledger.explain',
    ])
    expect(audit[0]?.subject).toBe(`2024-W39 ServiceName=${key.value}`)
  })
})
