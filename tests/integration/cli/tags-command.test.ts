/** The built `focal tags` command: the alias policy listed as text and JSON, edited, and usage mistakes. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TagPolicy } from '../../../shared/contract/tags'
import { sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { tempDir } from '../../helpers/paths'
import { TAGGED_ROWS, writeTaggedFile } from '../tags/fixture'

describe('focal tags', () => {
  it('lists, edits and refuses', async () => {
    const dir = tempDir()
    const ws = join(dir, 'tags.focal')
    expect((await focal('import', writeTaggedFile(dir), '-w', ws)).code).toBe(0)

    const listed = await focal('tags', 'aliases', '-w', ws, '--json')
    expect(listed.code).toBe(0)
    const policy = JSON.parse(listed.stdout) as TagPolicy & { ok: boolean }
    const group = policy.groups[0]
    expect(group?.canonical).toBe('cost_center')
    expect(group?.aliases.map((a) => a.key)).toEqual([
      'cost_center',
      'CostCenter',
      'cost-center',
      'user:CostCenter',
    ])
    const usd = TAGGED_ROWS.filter((r) => r.costCenter !== null && r.currency === 'USD')
    expect(group?.cost).toEqual([
      { currency: 'JPY', billed: '1000' },
      { currency: 'USD', billed: sumDecimals(usd.map((r) => r.billed)) },
    ])

    const text = await focal('tags', 'aliases', '-w', ws)
    expect(text.stdout).toMatch(/^cost_center\s+7\s+1000 JPY; 344\.063 USD\s+1$/m)
    expect(text.stdout).toMatch(/^\s+user:CostCenter\s+2\s+307\.253 USD\s*$/m)

    const merged = await focal('tags', 'merge', 'team', 'cost_center', '-w', ws)
    expect(merged.code).toBe(0)
    expect(merged.stdout).toMatch(/^\s+team \(by hand\)\s+1\s+2 USD\s*$/m)

    const wrong = await focal('tags', 'rename', 'nope', 'x', '-w', ws)
    expect([wrong.code, wrong.stderr]).toEqual([
      1,
      expect.stringContaining('No canonical tag key "nope".'),
    ])
    const mistake = await focal('tags', 'explode', '-w', ws)
    expect([mistake.code, mistake.stderr]).toEqual([
      2,
      expect.stringContaining('Unknown tags action explode'),
    ])
  })
})
