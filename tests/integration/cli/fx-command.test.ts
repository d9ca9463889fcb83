/** The built `focal fx` command and `focal report --reporting-currency`: import, already imported, list, a bad line, a missing rate. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { tempDir } from '../../helpers/paths'
import { PERIOD, add, expectedSums, multiply, writeEuroFile } from '../fx/fixture'
import { DEMO } from '../report/support'

describe('focal fx', () => {
  it('imports rates, says already imported, lists them and refuses a bad line naming it', async () => {
    const dir = tempDir()
    const ws = join(dir, 'fx.focal')
    const rates = join(dir, 'ecb.csv')
    writeFileSync(rates, 'date,from,to,rate,source\n2024-09-30,USD,EUR,0.8959,ECB\n')
    const first = await focal('fx', 'import', rates, '-w', ws)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      /^ecb\.csv: imported 1 rate \(import 1, SHA-256 [0-9a-f]{64}\)\.$/m,
    )
    const again = await focal('fx', 'import', rates, '-w', ws, '--json')
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({
      ok: true,
      status: 'already-imported',
      importId: 1,
    })

    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'date,from,to,rate,source\n2024-09-31,USD,EUR,0.9,ECB\n')
    const refused = await focal('fx', 'import', bad, '-w', ws)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'error [BAD_VALUE]: bad.csv line 2, column date: "2024-09-31" is not a date.\n  where: bad.csv, line 2, column date\n  what to do: Write the date as YYYY-MM-DD, e.g. 2024-09-30.',
    )
    expect(refused.stderr).not.toContain(dir)

    const listed = await focal('fx', 'list', '-w', ws)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/^\s*1\s+ecb\.csv\s+1\s/m)
    expect(listed.stdout).toMatch(/^USD\s+EUR\s+2024-09-30\s+0\.8959\s+ECB\s+1$/m)
    expect(listed.stdout).not.toContain('bad.csv')
    const json = JSON.parse((await focal('fx', 'list', '-w', ws, '--json')).stdout) as {
      imports: unknown[]
      rates: unknown[]
    }
    expect(json.imports).toHaveLength(1)
    expect(json.rates).toEqual([
      {
        from: 'USD',
        to: 'EUR',
        grain: 'day',
        on: '2024-09-30',
        rate: '0.8959',
        source: 'ECB',
        importId: 1,
      },
    ])
    expect((await focal('fx', 'convert', '-w', ws)).code).toBe(2)
  })
})

describe('focal report --reporting-currency', () => {
  it('states the converted total and rate, and a missing rate fails naming currency and month with nothing written', async () => {
    const dir = tempDir()
    const ws = join(dir, 'fx.focal')
    const files = [DEMO, writeEuroFile(dir)]
    expect((await focal('import', ...files, '-w', ws)).code).toBe(0)
    const rates = join(dir, 'month.csv')
    writeFileSync(rates, 'month,from,to,rate,source\n2024-09,EUR,USD,1.1134,Treasury\n')
    expect((await focal('fx', 'import', rates, '-w', ws)).code).toBe(0)

    const base = ['report', 'chargeback', '-w', ws, '--period', PERIOD, '--by', 'SubAccountName']
    const missing = join(dir, 'missing')
    const refused = await focal(...base, '--out', missing, '--reporting-currency', 'eur')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'error [FX_RATE_MISSING]: No exchange rate from USD to EUR for the month 2024-09.',
    )
    expect(existsSync(missing) ? readdirSync(missing) : []).toEqual([])

    const out = join(dir, 'pack')
    const done = await focal(
      ...base,
      '--out',
      out,
      '--format',
      'csv',
      '--reporting-currency',
      'USD',
      '--json',
    )
    expect(done.code).toBe(0)
    const result = JSON.parse(done.stdout) as {
      reportingCurrency: { currency: string; total: string; rates: unknown[] }
    }
    const want = add(
      [...expectedSums(files).values()].flatMap((m) =>
        [...m].map(([c, v]) => (c === 'USD' ? v : multiply(v, '1.1134'))),
      ),
    )
    expect(result.reportingCurrency).toMatchObject({ currency: 'USD', total: want })
    expect(result.reportingCurrency.rates).toEqual([
      { from: 'EUR', to: 'USD', rate: '1.1134', rateDate: '2024-09', source: 'Treasury' },
    ])
    const text = await focal(
      ...base,
      '--out',
      join(dir, 'text'),
      '--format',
      'csv',
      '--reporting-currency',
      'USD',
    )
    expect(text.stdout).toContain(`  In USD: `)
    expect(text.stdout).toContain(`(exact ${want})\n    1 EUR = 1.1134 USD, 2024-09, Treasury`)
  })
})
