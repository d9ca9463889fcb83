/**
 * core/anomalies on a crafted workspace: one USD series alternating 10 and 11 a day across
 * two resources, with a third resource's 10 on its last day, and the same series in EUR, flat
 * at 100 and 95 on the last day. Expected figures are worked out by hand (and by shared
 * baselineAt): expected 10.5, deviation 0.7803 × 1 (the 80th percentile |residual|); the EUR
 * series' deviation is its 1 % floor; the band is ± 4 deviations (the default sensitivity). Also the minimum amount, states kept across a re-scan with their audit entries, and
 * a run of days (a level shift) folded into one sustained anomaly.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anomalySeries, scanAnomalies } from '../../../electron/core/anomalies/anomaly-scan'
import {
  readSettings,
  setAnomalyState,
  writeSettings,
} from '../../../electron/core/anomalies/anomaly-states'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { addDays, baselineAt } from '../../../shared/anomalies'
import { HEADER, focusLine } from '../../bench/anomaly-generator'
import { tempDir } from '../../helpers/paths'
import { LAST, START, USD_DAYS, craftedCsv } from './fixture'
import { freshWorkspace } from '../../helpers/workspace'

const usd = USD_DAYS

let ws: Workspace
beforeAll(async () => {
  const file = join(tempDir(), 'crafted.csv')
  writeFileSync(file, craftedCsv())
  ws = await freshWorkspace('anomalies')
  expect((await importFile(ws, file)).status).toBe('imported')
})
afterAll(() => ws.close())

describe('scanAnomalies', () => {
  it('finds the spike and the drop with exact expected, deviation, band, score and drivers', async () => {
    const scan = await scanAnomalies(ws, { from: LAST, to: LAST, minAmount: '1' })
    expect([scan.from, scan.to, scan.by, scan.metric]).toEqual([
      LAST,
      LAST,
      ['ServiceName', 'SubAccountId'],
      'BilledCost',
    ])
    const base = baselineAt(usd, 56)
    expect([base?.expected, base?.deviation]).toEqual([10.5, 0.7803])
    expect(
      scan.anomalies.map((a) => [
        a.key.currency,
        a.direction,
        a.kind,
        a.actual,
        a.expected,
        a.deviation,
        a.lower,
        a.upper,
        a.score,
        a.excess,
      ]),
    ).toEqual([
      // 0.7803 × 1; band 10.5 ± 4 × 0.7803; score 9.5 / 0.7803 (its own: the day before, 11
      // against its seven weeks' median 10, scores 1.28, and (12.17 + 1.28) / √2 is less).
      ['USD', 'up', 'spike', '20', '10.5', '0.7803', '7.3788', '13.6212', 12.17, '9.5'],
      // Flat at 100: every residual 0, so the deviation is its floor, 1 % of 100.
      ['EUR', 'down', 'spike', '95', '100', '1', '96', '104', -5, '-5'],
    ])
    expect(scan.anomalies[0]?.key).toEqual({
      by: ['ServiceName', 'SubAccountId'],
      values: ['Compute', 'a1'],
      currency: 'USD',
      day: LAST,
    })
    expect(
      scan.anomalies[0]?.drivers.map((d) => [d.resourceId, d.actual, d.expected, d.change]),
    ).toEqual([
      ['vm-3', '10', '0', '10'],
      // vm-2: 5 on the day against the middle four of four 5s and four 6s.
      ['vm-2', '5', '5.5', '-0.5'],
      ['vm-1', '5', '5', '0'],
    ])
  })

  it('groups series by a tag: the spike is team web’s, whose own baseline is 5.5', async () => {
    const scan = await scanAnomalies(ws, {
      from: LAST,
      to: LAST,
      minAmount: '1',
      by: ['ServiceName', 'tag:team'],
    })
    expect(scan.by).toEqual(['ServiceName', 'tag:team'])
    expect(
      scan.anomalies.map((a) => [a.key.values, a.key.currency, a.expected, a.actual, a.deviation]),
    ).toEqual([
      // vm-2 alternates 5 and 6 (the same residuals as the whole), plus vm-3's 10.
      [['Compute', 'web'], 'USD', '5.5', '15', '0.7803'],
      [['Compute', null], 'EUR', '100', '95', '1'],
    ])
    expect(scan.anomalies[0]?.drivers.map((d) => d.resourceId)).toEqual(['vm-3', 'vm-2'])
  })

  it('leaves out a change below the minimum amount (default 10) and below the sensitivity', async () => {
    expect((await scanAnomalies(ws, { from: LAST, to: LAST })).anomalies).toEqual([])
    const strict = await scanAnomalies(ws, { from: LAST, to: LAST, minAmount: '1', sensitivity: 6 })
    expect(strict.anomalies.map((a) => a.key.currency)).toEqual(['USD'])
  })

  it('charts the series with its band, and no band before it has 28 residuals', async () => {
    const series = await anomalySeries(ws, {
      by: ['ServiceName', 'SubAccountId'],
      values: ['Compute', 'a1'],
      currency: 'USD',
      from: addDays(START, 47),
      to: LAST,
    })
    expect(series.points.map((p) => p.day)).toEqual(
      Array.from({ length: 10 }, (_, i) => addDays(START, 47 + i)),
    )
    expect(series.points[0]).toEqual({
      day: addDays(START, 47),
      actual: '11',
      expected: null,
      lower: null,
      upper: null,
    })
    for (const [i, point] of series.points.entries()) {
      const b = baselineAt([...usd.slice(0, 56), 20], 47 + i)
      expect(point.expected === null ? null : Number(point.expected)).toBe(b ? b.expected : null)
      if (b) expect(Number(point.upper) - Number(point.expected)).toBeCloseTo(4 * b.deviation, 9)
    }
    expect(series.points.at(-1)).toMatchObject({ actual: '20', expected: '10.5', upper: '13.6212' })
  })

  it('keeps a state across a re-scan, audited, and the settings too', async () => {
    const first = await scanAnomalies(ws, { from: LAST, to: LAST, minAmount: '1' })
    const key = first.anomalies[0]?.key
    if (!key) throw new Error('no anomaly')
    expect(first.anomalies[0]?.state.state).toBe('new')
    const stored = await setAnomalyState(ws, {
      key,
      state: 'explained',
      note: 'Load test on vm-3',
      owner: 'platform',
    })
    expect(stored).toMatchObject({
      state: 'explained',
      note: 'Load test on vm-3',
      owner: 'platform',
    })
    await expect(setAnomalyState(ws, { key, state: 'explained', note: ' ' })).rejects.toThrow(
      /explanation needs its text/,
    )
    await writeSettings(ws, { minAmount: '1.50', sensitivity: 4 })
    expect(await readSettings(ws)).toEqual({ minAmount: '1.5', sensitivity: 4 })
    // A re-scan of a wider range, on the stored settings, finds the same anomaly in its state.
    const again = await scanAnomalies(ws, { from: addDays(LAST, -3), to: LAST })
    expect(again.settings).toEqual({ minAmount: '1.5', sensitivity: 4 })
    expect(
      again.anomalies.map((a) => [a.key.currency, a.state.state, a.state.note, a.state.owner]),
    ).toEqual([
      ['USD', 'explained', 'Load test on vm-3', 'platform'],
      ['EUR', 'new', null, null],
    ])
    expect(
      (await scanAnomalies(ws, { from: LAST, to: LAST, states: ['new'] })).anomalies.map(
        (a) => a.key.currency,
      ),
    ).toEqual(['EUR'])
    const audit = await ws.all(
      "SELECT action, subject, details FROM audit_log WHERE action LIKE 'anomaly.%' ORDER BY seq",
    )
    expect(audit.map((r) => [r.action, r.subject, JSON.parse(String(r.details))])).toEqual([
      [
        'anomaly.state',
        '["ServiceName","SubAccountId","Compute","a1","USD","2025-02-26"]',
        { state: 'explained', note: 'Load test on vm-3', owner: 'platform' },
      ],
      ['anomaly.settings', null, { minAmount: '1.5', sensitivity: '4' }],
    ])
    await writeSettings(ws, { minAmount: '10', sensitivity: 4 })
  })
})

describe('a level shift', () => {
  it('is one sustained anomaly from its first day, and the baseline adapts', async () => {
    const lines = [HEADER.join(',')]
    // 10 and 11 alternating for 70 days, then 30 and 31 for 35 days.
    for (let d = 0; d < 105; d++)
      lines.push(
        focusLine({
          account: 'a2',
          service: 'Storage',
          resource: 'disk',
          sku: 'gb',
          day: addDays(START, d),
          cost: String((d < 70 ? 10 : 30) + (d % 2)),
        }),
      )
    const file = join(tempDir(), 'shift.csv')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const shifted = await freshWorkspace('shift')
    try {
      expect((await importFile(shifted, file)).status).toBe('imported')
      const scan = await scanAnomalies(shifted, {
        from: addDays(START, 60),
        to: addDays(START, 104),
      })
      expect(
        scan.anomalies.map((a) => [a.key.day, a.through, a.kind, a.direction, a.days]),
      ).toEqual([
        // Days 70 to 81 each (the new level is the highest of the eight weeks, left out, so
        // expected stays near 10.5); on day 82 twelve of the 56 residuals, more than a fifth,
        // are the shift's, so the deviation grows to 15.2 (shared baselineAt) and the day's own
        // score is 1.28, but its two-day score with day 81's 25.9 is 19.3, and day 83's
        // three-day score (25.9 + 1.28 + 1.33) / √3 is 16.5; after it no day scores 4. The
        // figures are those of the first day: 30 against 10.5.
        [addDays(START, 70), addDays(START, 83), 'sustained', 'up', 14],
      ])
      expect([scan.anomalies[0]?.actual, scan.anomalies[0]?.expected]).toEqual(['30', '10.5'])
    } finally {
      await shifted.close()
    }
  })
})

describe('exact figures', () => {
  it('keeps the median of cents exact (DuckDB’s own median goes through a DOUBLE)', async () => {
    const lines = [HEADER.join(',')]
    // Week by week 2320.87 then 2320.88: each day's four same weekdays hold two of each.
    for (let d = 0; d < 85; d++)
      lines.push(
        focusLine({
          account: 'a3',
          service: 'Database',
          resource: 'db',
          sku: 'hours',
          day: addDays(START, d),
          cost: Math.floor(d / 7) % 2 ? '2320.88' : '2320.87',
        }),
      )
    const file = join(tempDir(), 'cents.csv')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const cents = await freshWorkspace('cents')
    try {
      expect((await importFile(cents, file)).status).toBe('imported')
      const series = await anomalySeries(cents, {
        by: ['ServiceName', 'SubAccountId'],
        values: ['Database', 'a3'],
        currency: 'USD',
        from: addDays(START, 84),
        to: addDays(START, 84),
      })
      // 0.7803 × the 80th percentile |residual| (at most 0.01) is below the floor, 1 % of
      // 2320.875: the band is ± 4 × 23.20875.
      expect(series.points).toEqual([
        {
          day: addDays(START, 84),
          actual: '2320.87',
          expected: '2320.875',
          lower: '2228.04',
          upper: '2413.71',
        },
      ])
    } finally {
      await cents.close()
    }
  })
})
