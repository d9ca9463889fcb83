/** The built `focal export lake` and `focal info`: a lake read back to the CSV's totals, a refused folder, usage mistakes, the info figures. */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeDecimal } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { csvSums } from '../../helpers/csv-sums'
import { scratchSql } from '../../helpers/duckdb'
import { sample, tempDir } from '../../helpers/paths'

const MULTI = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')

describe('focal export lake and focal info', () => {
  it('writes a lake that reads back to the CSV, refuses a non-empty folder, and states the same figures in info', async () => {
    const dir = tempDir()
    const ws = join(dir, 'multi.focal')
    expect((await focal('import', MULTI, '-w', ws)).code).toBe(0)
    const out = join(dir, 'lake')
    const lake = await focal(
      'export',
      'lake',
      '-w',
      ws,
      '--out',
      out,
      '--partition',
      'BillingPeriod,ProviderName',
      '--json',
    )
    expect(lake.code).toBe(0)
    const billed = csvSums(MULTI, 'BilledCost')
    const effective = csvSums(MULTI, 'EffectiveCost')
    const written = JSON.parse(lake.stdout) as {
      rows: number
      manifestSha256: string
      totals: { currency: string; rows: number; BilledCost: string; EffectiveCost: string }[]
    }
    const expected = Object.keys(billed)
      .sort()
      .map((currency) => ({
        currency,
        rows: billed[currency]?.rows,
        BilledCost: billed[currency]?.sum,
        EffectiveCost: effective[currency]?.sum,
      }))
    expect(
      written.totals.map(({ currency, rows, BilledCost, EffectiveCost }) => ({
        currency,
        rows,
        BilledCost,
        EffectiveCost,
      })),
    ).toEqual(expected)
    const readBack = await scratchSql(
      `SELECT BillingCurrency AS currency, count(*)::INT AS rows, sum(BilledCost)::VARCHAR AS b, sum(EffectiveCost)::VARCHAR AS e
       FROM read_parquet($1, hive_partitioning = true) GROUP BY 1 ORDER BY 1`,
      [join(out, '**', '*.parquet')],
    )
    expect(
      readBack.map((r) => ({
        currency: r.currency,
        rows: r.rows,
        BilledCost: normalizeDecimal(String(r.b)),
        EffectiveCost: normalizeDecimal(String(r.e)),
      })),
    ).toEqual(expected)
    expect(readdirSync(out).sort()).toEqual(['BillingPeriod=2026-05', '_focal_manifest.json'])

    const refused = await focal('export', 'lake', '-w', ws, '--out', out)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('error [BAD_REQUEST]: The folder lake is not empty')
    expect(refused.stderr).toContain('add --force to replace it')
    expect(refused.stderr).not.toContain(dir)
    const badPartition = await focal(
      'export',
      'lake',
      '-w',
      ws,
      '--out',
      join(dir, 'x'),
      '--partition',
      'RegionId',
    )
    expect(badPartition.code).toBe(1)
    expect(badPartition.stderr).toContain('A lake cannot be partitioned by "RegionId"')
    expect((await focal('export', 'lake', '-w', ws)).code).toBe(2)
    expect((await focal('export', 'cube', '-w', ws, '--out', out)).code).toBe(2)

    const info = await focal('info', '-w', ws, '--json')
    expect(info.code).toBe(0)
    expect(JSON.parse(info.stdout)).toMatchObject({
      ok: true,
      workspace: 'multi',
      rows: { counted: written.rows, stored: written.rows },
      currencies: expected,
      imports: { total: 1, byStatus: { imported: 1 } },
      sourcesEmbedded: false,
    })
    const text = await focal('info', '-w', ws)
    expect(text.stdout).toMatch(
      /^providers: +AWS \(2 rows\), Datadog \(1 row\), Microsoft Azure \(1 row\)$/m,
    )
    expect(text.stdout).toMatch(/^sources: +not embedded/m)
  })
})
