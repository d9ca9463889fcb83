/**
 * The built `focal anomalies` on the crafted workspace (fixture.ts): the table with expected vs
 * actual, deviation, score, top driver and state; --json with each anomaly's id; explain by id
 * with a note and owner, kept in the next listing; usage errors exit 2 and an unknown id 1.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { tempDir } from '../../helpers/paths'
import { LAST, craftedCsv } from './fixture'

let ws = ''
beforeAll(async () => {
  const dir = tempDir()
  ws = join(dir, 'anomalies.focal')
  const csv = join(dir, 'crafted.csv')
  writeFileSync(csv, craftedCsv())
  expect((await focal('import', csv, '-w', ws)).code).toBe(0)
}, 120_000)

const range = ['--from', LAST, '--to', LAST] as const

describe('focal anomalies', () => {
  it('lists, explains by id and lists the state', async () => {
    const listed = await focal('anomalies', '-w', ws, ...range, '--min-amount', '1')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain(
      `BilledCost anomalies by ServiceName × SubAccountId, ${LAST} to ${LAST} (sensitivity 4, minimum amount 1).`,
    )
    expect(listed.stdout).toMatch(
      /^[0-9a-f]{10}\s+2025-02-26\s+1 day\s+Compute · a1\s+USD\s+10\.5\s+20\s+0\.7803\s+12\.17\s+9\.5\s+vm-3 10\s+new$/m,
    )
    expect(listed.stdout).toMatch(
      /\s+Compute · a1\s+EUR\s+100\s+95\s+1\s+-5\.00\s+-5\s+db-1 -5\s+new$/m,
    )

    const json = JSON.parse(
      (await focal('anomalies', '-w', ws, ...range, '--min-amount', '1', '--json')).stdout,
    ) as { ok: boolean; anomalies: Array<{ id: string; key: { currency: string } }> }
    expect(json.ok).toBe(true)
    const id = json.anomalies.find((a) => a.key.currency === 'USD')?.id ?? ''
    expect(id).toMatch(/^[0-9a-f]{10}$/)

    const noNote = await focal('anomalies', 'explain', id, '-w', ws, ...range)
    expect(noNote.code).toBe(2)
    expect(noNote.stderr).toContain('focal anomalies explain needs --note')
    const explained = await focal(
      'anomalies',
      'explain',
      id,
      '-w',
      ws,
      ...range,
      '--min-amount',
      '1',
      '--note',
      'Load test on vm-3',
      '--owner',
      'platform',
    )
    expect(explained.code).toBe(0)
    expect(explained.stdout.trim()).toBe(
      `${id} Compute · a1 ${LAST}: explained (Load test on vm-3), owner platform.`,
    )
    const again = await focal(
      'anomalies',
      '-w',
      ws,
      ...range,
      '--min-amount',
      '1',
      '--state',
      'explained',
    )
    expect(again.stdout).toMatch(new RegExp(`^${id}\\s.*USD.*explained$`, 'm'))
    expect(again.stdout).not.toContain('EUR')
  }, 120_000)

  it('refuses bad arguments (exit 2) and an unknown id (exit 1)', async () => {
    for (const args of [
      ['--by', 'ServiceName'],
      ['--from', '2025-2-1'],
      ['--metric', 'list'],
      ['--sensitivity', '0'],
      ['--state', 'open'],
      ['ack'],
      ['snooze', 'abc'],
    ]) {
      const run = await focal('anomalies', '-w', ws, ...args)
      expect(run.code, args.join(' ')).toBe(2)
    }
    const unknown = await focal('anomalies', 'ack', '0123456789', '-w', ws, ...range)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain(
      `No anomaly 0123456789 between ${LAST} and ${LAST}: give the same --from, --to and --by as the listing.`,
    )
  }, 120_000)
})
