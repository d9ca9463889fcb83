/**
 * The built `focal backlog` command: add with a --filter scope, list by priority (text, JSON and
 * CSV), update to done with its change date, realized savings of a 100/day → 60/day level shift
 * (1200 a month), candidates and accept, a bad value refused naming the field (exit 1) and
 * command-line mistakes answered with the help (exit 2).
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../helpers/csv-sums'
import { focal } from '../../helpers/cli'
import { tempDir } from '../../helpers/paths'
import { daily, writeRows } from '../backlog/fixture'

let ws: string

beforeAll(async () => {
  ws = join(tempDir(), 'backlog.focal')
  const file = writeRows('shift.csv', [
    ...daily('2024-08-02', '2024-09-01', { resource: 'vm-1', cost: '100' }),
    ...daily('2024-09-01', '2024-10-01', { resource: 'vm-1', cost: '60' }),
    ...daily('2024-08-02', '2024-10-01', { resource: 'disk-9', cost: '1.5', quantity: '0' }),
  ])
  expect((await focal('import', file, '-w', ws)).code).toBe(0)
})

describe('focal backlog', () => {
  it('adds, lists by priority, updates to done and measures 1200 a month realized', async () => {
    const add = (...args: string[]) =>
      focal('backlog', 'add', '-w', ws, '--owner', 'platform', '--currency', 'USD', ...args)
    const first = await add(
      '--title',
      'Right-size vm-1',
      '--savings',
      '1000',
      '--effort',
      'M',
      '--filter',
      'ResourceId=vm-1',
    )
    expect(first.stdout.trim()).toBe('Added backlog item 1: Right-size vm-1 (priority 333.33).')
    const second = await add(
      '--title',
      'Small fix',
      '--savings',
      '400',
      '--effort',
      '1',
      '--filter',
      'ResourceId=disk-9',
      '--json',
    )
    expect(JSON.parse(second.stdout)).toMatchObject({
      ok: true,
      item: { id: 2, priority: '400', effort: 1 },
    })

    const listed = await focal('backlog', 'list', '-w', ws)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(
      /^\s*2\s+400\s+Small fix\s+platform\s+proposed\s+USD\s400\.00\s+1\s+medium/m,
    )
    expect(listed.stdout.indexOf('Small fix')).toBeLessThan(
      listed.stdout.indexOf('Right-size vm-1'),
    )
    const csv = parseCsv(
      (await focal('backlog', 'list', '-w', ws, '--csv')).stdout.replaceAll('\r\n', '\n').trim(),
    )
    expect(csv.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Priority', 'Id', 'Title'],
      ['400', '2', 'Small fix'],
      ['333.33', '1', 'Right-size vm-1'],
    ])

    const done = await focal(
      'backlog',
      'update',
      '1',
      '-w',
      ws,
      '--status',
      'done',
      '--change-date',
      '2024-09-01',
    )
    expect(done.stdout.trim()).toBe(
      'Updated backlog item 1: Right-size vm-1 (done, priority 333.33).',
    )
    const realized = JSON.parse(
      (await focal('backlog', 'realized', '-w', ws, '--json')).stdout,
    ) as {
      items: Array<{
        figures: Array<{ realizedMonthly: string; beforeDaily: string; afterDaily: string }>
      }>
      method: string
    }
    expect(realized.items[0]?.figures).toMatchObject([
      { beforeDaily: '100', afterDaily: '60', realizedMonthly: '1200' },
    ])
    const text = await focal('backlog', 'realized', '-w', ws)
    expect(text.stdout).toMatch(
      /^\s*1\s+Right-size vm-1\s+USD\s1,000\.00\s+USD\s100\.00\s+USD\s60\.00\s+USD\s1,200\.00\s+2024-08-02 to 2024-10-01/m,
    )
    expect(text.stdout).toContain('Method: Realized monthly savings = (average daily EffectiveCost')
  })

  it('proposes candidates and accepts one by its key', async () => {
    const found = JSON.parse((await focal('backlog', 'candidates', '-w', ws, '--json')).stdout) as {
      candidates: Array<{ key: string; cost: string; expectedMonthlySavings: string }>
    }
    expect(found.candidates.find((c) => c.key === 'idle:USD:disk-9')).toMatchObject({
      cost: '45',
      expectedMonthlySavings: '45',
    })
    const accepted = await focal(
      'backlog',
      'accept',
      'idle:USD:disk-9',
      '-w',
      ws,
      '--owner',
      'storage',
    )
    expect(accepted.code).toBe(0)
    expect(accepted.stdout.trim()).toBe(
      'Backlog item 3: Idle-looking resource disk-9-name: stop or delete it (priority 22.5).',
    )
  })

  it('refuses a bad value naming the field (exit 1) and answers mistakes with the help (exit 2)', async () => {
    const bad = await focal(
      'backlog',
      'add',
      '-w',
      ws,
      '--title',
      'x',
      '--owner',
      'o',
      '--savings',
      '10',
      '--currency',
      'USD',
      '--effort',
      '2',
      '--filter',
      'ResourceId=vm-1',
      '--due',
      '2024-02-30',
    )
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(
      'error [BAD_VALUE]: Backlog item, dueDate: 2024-02-30 is not a calendar day.\n  where: column dueDate\n  what to do: Write the day as YYYY-MM-DD',
    )
    const mistakes: Array<[string[], string]> = [
      [['backlog'], 'focal backlog needs one of list, add, update, candidates, accept, realized.'],
      [['backlog', 'list'], 'focal backlog list needs -w <workspace.focal>.'],
      [['backlog', 'add', '-w', ws, '--title', 'x'], 'focal backlog add needs --owner.'],
      [['backlog', 'update', 'one', '-w', ws, '--owner', 'o'], 'one is not an item id.'],
      [
        ['backlog', 'update', '1', '-w', ws, '--effort', 'XL'],
        '--effort must be 1 to 5 or S, M, L, not XL.',
      ],
      [
        ['backlog', 'realized', '-w', ws, '--metric', 'list'],
        '--metric must be billed or effective, not list.',
      ],
      [['backlog', 'candidates', '-w', ws, '--csv'], '--csv goes with focal backlog list.'],
    ]
    for (const [args, message] of mistakes) {
      const run = await focal(...args)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(message)
    }
  })
})
