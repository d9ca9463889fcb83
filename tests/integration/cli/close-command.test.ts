/**
 * The built `focal close`, `focal reopen` and `focal periods`: a month closed
 * from the command line refuses a late import with PERIOD_CLOSED (exit 1, the
 * file, the month and the note named), is listed as Closed, reopens, and lets
 * the file in; usage mistakes exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'
import { DEMO, oracle } from '../report/support'

/** September of the demo file without its last 10 rows, and those rows as a late file. */
function split(dir: string): { main: string; late: string } {
  const [header = '', ...lines] = readFileSync(DEMO, 'utf8').split('\n').filter(Boolean)
  const at = (parseCsv(header)[0] ?? []).indexOf('BillingPeriodStart')
  const september = lines.filter((l) => (parseCsv(l)[0]?.[at] ?? '').startsWith('2024-09'))
  const write = (name: string, rows: string[]): string => {
    writeFileSync(join(dir, name), [header, ...rows].join('\n') + '\n')
    return join(dir, name)
  }
  return {
    main: write('sep.csv', september.slice(0, -10)),
    late: write('sep-late.csv', september.slice(-10)),
  }
}

describe('focal close, reopen and periods', () => {
  it('closes, refuses a late import, lists, reopens and imports', async () => {
    const dir = tempDir('focal-close-cli-')
    const ws = join(dir, 'close.focal')
    const files = split(dir)
    expect((await focal('import', files.main, '-w', ws)).code).toBe(0)

    const noRules = await focal('close', '-w', ws, '--period', '2024-09', '--note', 'signed off')
    expect(noRules.code).toBe(1)
    expect(noRules.stderr).toContain('no saved allocation rules')

    const closed = await focal(
      'close',
      '-w',
      ws,
      '--period',
      '2024-09',
      '--note',
      'signed off',
      '--by',
      'SubAccountName',
      '--json',
    )
    expect(closed.code).toBe(0)
    const record = JSON.parse(closed.stdout).record
    expect(record.totals).toEqual([
      { currency: 'USD', amount: oracle(files.main, '2024-09', 'SubAccountName').total },
    ])

    const refused = await focal('import', files.late, '-w', ws)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('PERIOD_CLOSED')
    expect(refused.stdout).toContain('sep-late.csv has rows in the billing period 2024-09')
    expect(refused.stdout).toContain('"signed off"')
    expect(refused.stdout).toContain('focal reopen -w <workspace> --period 2024-09')

    const listed = await focal('periods', '-w', ws)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(
      /^2024-09\s+Closed\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\S+\s+signed off$/m,
    )
    const json = JSON.parse((await focal('periods', '-w', ws, '--json')).stdout)
    expect(json.map((p: { period: string; state: string }) => [p.period, p.state])).toEqual([
      ['2024-09', 'closed'],
    ])

    const reopened = await focal('reopen', '-w', ws, '--period', '2024-09', '--note', 'late credit')
    expect(reopened.code).toBe(0)
    expect(reopened.stdout).toContain('Reopened 2024-09')
    expect((await focal('periods', '-w', ws)).stdout).toMatch(
      /^2024-09\s+Reopened\s.*late credit$/m,
    )
    expect((await focal('import', files.late, '-w', ws)).code).toBe(0)
    const again = await focal('reopen', '-w', ws, '--period', '2024-09', '--note', 'twice')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('not closed')
  })

  it('closes on the saved rules by default and says when a mapping they read changed since', async () => {
    const dir = tempDir('focal-close-cli-')
    const ws = join(dir, 'rules.focal')
    const examples = join(ROOT, 'resources/examples')
    const mapping = join(examples, 'account-cost-center.csv')
    expect((await focal('import', DEMO, '-w', ws)).code).toBe(0)
    const saved = await focal(
      'allocate',
      '-w',
      ws,
      '--rules',
      join(examples, 'allocation-rules.json'),
      '--mapping',
      `account-cost-center=${mapping}`,
      '--driver',
      `cluster-cpu-hours=${join(examples, 'cluster-cpu-hours.csv')}`,
      '--save',
      '--note',
      'v1',
      '--period',
      '2024-09',
    )
    expect(saved.code).toBe(0)
    const closed = await focal(
      'close',
      '-w',
      ws,
      '--period',
      '2024-09',
      '--note',
      'on rules',
      '--json',
    )
    expect(closed.code).toBe(0)
    const record = JSON.parse(closed.stdout).record
    expect([record.groupedBy, record.ruleVersion]).toEqual(['Cost center', '1'])
    expect((await focal('periods', '-w', ws)).stdout).toMatch(/^2024-09\s+Closed\s+\d/m)

    const changed = join(dir, 'account-cost-center.csv')
    writeFileSync(
      changed,
      readFileSync(mapping, 'utf8').replace('Orion Zenith,Engineering', 'Orion Zenith,Finance'),
    )
    expect(
      (await focal('allocate', '-w', ws, '--mapping', `account-cost-center=${changed}`)).code,
    ).toBe(0)
    expect((await focal('periods', '-w', ws)).stdout).toMatch(
      /^2024-09\s+Closed \(its rules, mappings or tag aliases changed since\)/m,
    )
  })

  it('answers usage mistakes with exit 2', async () => {
    const ws = join(tempDir(), 'x.focal')
    expect((await focal('close', '-w', ws, '--note', 'n')).code).toBe(2)
    expect((await focal('close', '-w', ws, '--period', '2024-13', '--note', 'n')).code).toBe(2)
    expect((await focal('reopen', '-w', ws, '--period', '2024-09')).code).toBe(2)
    const rules = await focal(
      'close',
      '-w',
      ws,
      '--period',
      '2024-09',
      '--note',
      'n',
      '--rules',
      'r.json',
    )
    expect(rules.code).toBe(2)
    expect(rules.stderr).toContain('--rules saved')
  })
})
