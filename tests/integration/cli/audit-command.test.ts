/** The built `focal audit verify` and `focal audit log`: exit codes, the first break in words, filters and formats. */
import { beforeAll, describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { parseCsv } from '../../helpers/csv-sums'
import { auditedWorkspace, tampered } from '../audit/fixture'

/** Today and the days either side, in UTC as the log's filters read them. */
const day = (offset: number): string =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

let path: string
beforeAll(async () => {
  path = await auditedWorkspace()
})

describe('focal audit verify', () => {
  it('exits 0 on the untouched workspace and says what it checked', async () => {
    const result = await focal('audit', 'verify', '-w', path)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Audit log of audited.focal: 5 entries, chain intact.')
    expect(result.stdout).toMatch(/^ {2}Last entry 5, hash [0-9a-f]{64}$/m)
    expect(result.stdout).toContain(
      'Imports: 2 logged imports checked (file name, SHA-256, row count; rows, BilledCost and EffectiveCost per currency as stored): all match.',
    )
    expect(result.stdout).toContain(
      'Closes: 1 logged close or reopen checked (note, metric, grouping, rule version, fingerprints, totals as stored): all match.',
    )
  })

  it('exits 1 on an edited entry, naming the entry, the field and what was found', async () => {
    const copy = await tampered(
      path,
      `UPDATE audit_log SET subject = 'renamed' WHERE action = 'view.save'`,
    )
    const text = await focal('audit', 'verify', '-w', copy)
    expect(text.code).toBe(1)
    expect(text.stdout).toContain(
      [
        'BROKEN at entry 5, field subject.',
        "  Entry 5's subject was changed outside Focal after it was logged.",
      ].join('\n'),
    )
    expect(text.stdout).toContain('  found:    renamed')
    const json = await focal('audit', 'verify', '-w', copy, '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      break: { seq: 5, field: 'subject', found: 'renamed' },
    })
  })

  it('with --head, exits 1 when the noted last entry was cut from the end', async () => {
    const first = await focal('audit', 'verify', '-w', path, '--json')
    const head = (JSON.parse(first.stdout) as { head: { hash: string } }).head.hash
    const cut = await tampered(path, `DELETE FROM audit_log WHERE action = 'view.save'`)
    expect((await focal('audit', 'verify', '-w', cut)).code).toBe(0)
    const result = await focal('audit', 'verify', '-w', cut, '--head', head)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      'BROKEN, the --head entry is gone.\n  No entry has the hash noted as the last one earlier: entries were removed from the end, or the log was rewritten.',
    )
    const bad = await focal('audit', 'verify', '-w', path, '--head', 'abc')
    expect(bad.code).toBe(2)
  })
})

describe('focal audit log', () => {
  it('lists the entries in order, filtered by kind and UTC day, as text, JSON or CSV', async () => {
    const text = await focal('audit', 'log', '-w', path)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(
      /^\s*1\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z\s+\S+\s+workspace\.create\s+audited\s/m,
    )
    expect(text.stdout).toContain('(5 entries; --json or --csv for the full details)')

    const imports = await focal('audit', 'log', '-w', path, '--kind', 'import', '--json')
    const entries = (JSON.parse(imports.stdout) as { entries: Array<Record<string, unknown>> })
      .entries
    expect(entries.map((e) => [e.seq, e.action, e.subject])).toEqual([
      [2, 'import.imported', 'focus-sample.csv'],
      [3, 'import.imported', 'aws_1_2_cost_and_usage_rows100_seed42.csv'],
    ])
    expect(entries[0]?.details).toMatchObject({ importId: 1, rows: expect.any(Number) })

    const csv = await focal('audit', 'log', '-w', path, '--kind', 'period', '--csv')
    const [header, ...rows] = parseCsv(csv.stdout.trim())
    expect(header).toEqual(['seq', 'logged_at', 'actor', 'action', 'subject', 'details'])
    expect(rows.map((r) => [r[0], r[3], r[4]])).toEqual([['4', 'period.close', '2024-09']])
    expect(JSON.parse(rows[0]?.[5] ?? '')).toMatchObject({ note: 'September signed off' })

    const today = await focal(
      'audit',
      'log',
      '-w',
      path,
      '--from',
      day(-1),
      '--to',
      day(1),
      '--json',
    )
    expect((JSON.parse(today.stdout) as { entries: unknown[] }).entries).toHaveLength(5)
    const later = await focal('audit', 'log', '-w', path, '--from', day(2))
    expect([later.code, later.stdout.trim()]).toEqual([0, 'No audit entries match.'])
    const earlier = await focal('audit', 'log', '-w', path, '--to', day(-2), '--json')
    expect((JSON.parse(earlier.stdout) as { entries: unknown[] }).entries).toEqual([])
  })

  it('refuses a day that is not one with exit code 2, saying the form', async () => {
    const result = await focal('audit', 'log', '-w', path, '--from', '2026-02-30')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      '--from takes a day as YYYY-MM-DD (e.g. 2026-11-30), not "2026-02-30".',
    )
  })
})
