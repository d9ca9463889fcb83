/** The built `focal vendors` command: the data's vendors, add and update, renewals as of a date, overlaps, remove. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { sample, tempDir } from '../../helpers/paths'

const MULTI = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')

describe('focal vendors', () => {
  it('lists the data vendors, adds and updates contracts, shows renewals and overlaps, removes', async () => {
    const ws = join(tempDir(), 'v.focal')
    expect((await focal('import', MULTI, '-w', ws)).code).toBe(0)
    const added = await focal(
      'vendors',
      'add',
      '-w',
      ws,
      '--name',
      'Datadog',
      '--category',
      'Observability',
      '--renewal',
      '2026-07-01',
      '--notice-days',
      '45',
      '--annual-value',
      '48000',
      '--currency',
      'USD',
      '--owner',
      'Platform',
    )
    expect(added.code).toBe(0)
    expect(added.stdout).toBe('Saved vendor 1 (Datadog), matched to Datadog in the data.\n')
    expect((await focal('vendors', 'add', '-w', ws, '--name', 'New Relic')).code).toBe(0)
    const updated = await focal('vendors', 'update', '2', '-w', ws, '--category', 'observability')
    expect(updated.stdout).toBe('Saved vendor 2 (New Relic).\n')

    const listed = await focal('vendors', '-w', ws, '--as-of', '2026-05-20')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(
      /^Datadog\s+provider\s+2026-05\s+USD\s+USD\s100\.00\s+USD\s100\.00\s+1$/m,
    )
    expect(listed.stdout).toMatch(/^Microsoft\s+invoice issuer\s+2026-05\s+EUR\s+EUR\s100\.00/m)
    expect(listed.stdout).toMatch(/^\s*1\s+Datadog\s+2026-07-01\s+42\s+2026-05-17 \(passed\)$/m)
    expect(listed.stdout).toContain('  Observability: Datadog, New Relic')
    const json = JSON.parse(
      (await focal('vendors', '-w', ws, '--as-of', '2026-03-01', '--json')).stdout,
    )
    expect(json.renewals).toEqual([])
    expect(json.entries[1]).toMatchObject({ id: 2, name: 'New Relic', category: 'observability' })

    const bad = await focal('vendors', 'add', '-w', ws, '--name', 'X', '--currency', 'usd')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--currency: an ISO 4217 code in capitals.')
    expect((await focal('vendors', 'remove', '2', '-w', ws)).stdout).toBe(
      'Removed vendor 2 (New Relic).\n',
    )
    const missing = await focal('vendors', 'remove', '2', '-w', ws)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('No vendor 2 in the register.')
  })
})
