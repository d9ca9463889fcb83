/**
 * The built `focal tags compliance` command on the hand-tagged file (compliance/fixture.ts):
 * the default policy, a policy file measured and then saved, per-owner CSVs in --out, a bad
 * policy file refused naming the key, and usage mistakes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ComplianceReport } from '../../../shared/contract/compliance'
import { policyJson } from '../../../shared/compliance/policy-file'
import { parseCsv } from '../../helpers/csv-sums'
import { focal } from '../../helpers/cli'
import { tempDir } from '../../helpers/paths'
import { TEST_POLICY, writeComplianceFile } from '../compliance/fixture'

describe('focal tags compliance', () => {
  it('measures a period, a policy file, writes owner CSVs and refuses mistakes', async () => {
    const dir = tempDir()
    const ws = join(dir, 'compliance.focal')
    expect((await focal('import', writeComplianceFile(dir), '-w', ws)).code).toBe(0)

    const byDefault = await focal('tags', 'compliance', '-w', ws, '--period', '2024-09')
    expect(byDefault.code).toBe(0)
    expect(byDefault.stdout).toContain('Tag compliance 2024-09 (BilledCost, the default policy;')
    expect(byDefault.stdout).toMatch(/^ {2}USD: 0\.00% compliant — 0 of 224\.795 in scope$/m)

    const file = join(dir, 'policy.json')
    writeFileSync(file, policyJson(TEST_POLICY))
    const out = join(dir, 'owners')
    const run = await focal(
      'tags',
      'compliance',
      '-w',
      ws,
      '--period',
      '2024-09',
      '--policy',
      file,
      '--out',
      out,
      '--json',
    )
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as ComplianceReport & { ok: boolean; files: string[] }
    expect([report.ok, report.policySource]).toEqual([true, 'file'])
    expect(report.totals.map((t) => [t.currency, t.compliant, t.cost, t.percent])).toEqual([
      ['EUR', '40', '50', '80.00'],
      ['USD', '170.15', '224.795', '75.69'],
    ])
    // Owners in code-point order: "(none)" (rows without one) first.
    expect(report.files).toEqual([
      'tag-compliance-2024-09-no-owner.csv',
      'tag-compliance-2024-09-ann.csv',
      'tag-compliance-2024-09-bob.csv',
      'tag-compliance-2024-09-cy.csv',
    ])
    expect(readdirSync(out).sort()).toEqual([...report.files].sort())
    const ann = parseCsv(readFileSync(join(out, 'tag-compliance-2024-09-ann.csv'), 'utf8'))
    expect(ann.slice(1).map((r) => [r[1], r[5], r[6], r[8], r[9]])).toEqual([
      ['res-d', 'USD', '12.345', 'team', 'tier=bronze'],
      ['res-f', 'USD', '1.5', 'team', ''],
    ])
    // Measured, not saved: the stored policy is still the default.
    const again = await focal('tags', 'compliance', '-w', ws, '--period', '2024-09', '--json')
    expect((JSON.parse(again.stdout) as ComplianceReport).policySource).toBe('default')

    const saved = await focal('tags', 'compliance', '-w', ws, '--policy', file, '--save')
    expect(saved.code).toBe(0)
    // No period: the latest with data, 2024-10 (200 of 250).
    expect(saved.stdout).toContain('Tag compliance 2024-10 (BilledCost, stored policy version 1;')
    expect(saved.stdout).toMatch(/^ {2}USD: 80\.00% compliant — 200 of 250 in scope$/m)

    writeFileSync(file, '{"keys":[{"key":"tier","pattern":"gold|(silver"}]}')
    const bad = await focal('tags', 'compliance', '-w', ws, '--policy', file)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(
      'policy.json: Required key "tier": the pattern "gold|(silver" is not a valid regular expression',
    )
    const month = await focal('tags', 'compliance', '-w', ws, '--period', '2024-9')
    expect([month.code, month.stderr]).toEqual([2, expect.stringContaining('write it as YYYY-MM')])
    const lone = await focal('tags', 'compliance', '-w', ws, '--save')
    expect([lone.code, lone.stderr]).toEqual([2, expect.stringContaining('--save needs --policy')])
  })
})
