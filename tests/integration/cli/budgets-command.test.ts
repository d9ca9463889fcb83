/**
 * The built `focal budgets`: import a budgets CSV (a bad row refused naming file, line and
 * column), the month's status with the thresholds crossed and their days (exit 0), --json,
 * and export read back by import.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { daily, importCostDays } from '../budgets/support'

async function workspaceWithCosts(): Promise<string> {
  const ws = await freshWorkspace('budgets-cli')
  const path = ws.path
  // ml spends 40 USD a day to 22 June: 880 by then; 800 (80% of 1000) reached on the 20th.
  await importCostDays(
    ws,
    'costs.csv',
    daily('2025-06-01', '2025-06-22', 'ml', 'USD', () => '40'),
  )
  await ws.close()
  return path
}

describe('focal budgets', () => {
  it('imports budgets, prints which crossed which threshold and when, and exports them', async () => {
    const ws = await workspaceWithCosts()
    const dir = tempDir()
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'period,value,currency,amount\n2025-06,ml,USD,1000\n2025-06,web,USD,lots\n')
    const refused = await focal('budgets', 'import', bad, '-w', ws, '--by', 'tag:team')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'error [BAD_VALUE]: bad.csv line 3, column amount: "lots" is not an amount.',
    )
    expect(refused.stderr).toContain('where: bad.csv, row 2, line 3, column amount')
    expect(refused.stderr).not.toContain(dir)

    const good = join(dir, 'budgets.csv')
    writeFileSync(good, 'period,value,currency,amount\n2025-06,ml,USD,1000\n2025-06,web,USD,50\n')
    const imported = await focal('budgets', 'import', good, '-w', ws, '--by', 'tag:team')
    expect([imported.code, imported.stdout.trim()]).toEqual([
      0,
      'budgets.csv: 2 budgets added, 0 replaced.',
    ])

    const status = await focal('budgets', '-w', ws, '--period', '2025-06')
    expect(status.code).toBe(0)
    // formatMoney puts a no-break space between the code and the digits.
    status.stdout = status.stdout.replaceAll('\u00a0', ' ')
    expect(status.stdout).toContain('Budgets 2025-06, as of 2025-06-22, BilledCost.')
    expect(status.stdout).toContain('Weekday-aware run rate')
    expect(status.stdout).toMatch(/ml\s+USD 1,000\.00\s+USD 880\.00\s+88%\s+USD 1,200\.00/)
    expect(status.stdout).toContain('50% 2025-06-13, 80% 2025-06-20')
    expect(status.stdout).toContain('2025-06-25 (forecast)')
    expect(status.stdout).toContain(
      'tag:team ml (USD) crossed 80% on 2025-06-20: USD 880.00 of USD 1,000.00 to date',
    )

    const json = await focal('budgets', '-w', ws, '--period', '2025-06', '--json')
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(
      report.alerts.map((a: { threshold: number; day: string }) => `${a.threshold} ${a.day}`),
    ).toEqual(['80 2025-06-20', '50 2025-06-13'])
    expect(report.budgets.find((b: { value: string }) => b.value === 'web')).toMatchObject({
      actual: '0',
      crossed: [],
    })

    const out = join(dir, 'out.csv')
    const exported = await focal('budgets', 'export', '-w', ws, '--out', out)
    expect([exported.code, exported.stdout.trim()]).toEqual([0, 'Wrote 2 budgets to out.csv.'])
    expect(readFileSync(out, 'utf8')).toBe(
      'period,dimension,value,currency,amount,thresholds\r\n' +
        '2025-06,tag:team,ml,USD,1000,50;80;100\r\n' +
        '2025-06,tag:team,web,USD,50,50;80;100\r\n',
    )
    const again = await focal('budgets', 'import', out, '-w', ws, '--json')
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, added: 0, replaced: 2 })

    const usage = await focal('budgets', '-w', ws, '--period', '2025-6')
    expect(usage.code).toBe(2)
  })
})
