/** `focal import <folder>` with an AWS CUR delivery (parts and manifest): refused incomplete, --allow-incomplete, the printed part lines. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportRecord } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { curSample, splitRows, writeCurDelivery } from '../../helpers/cur-delivery'
import { sumBy } from '../../helpers/native-sums'
import { tempDir } from '../../helpers/paths'

describe('focal import of an AWS CUR delivery folder', () => {
  it('refuses a delivery missing a part, naming it; --allow-incomplete imports the rest, each part printed as flagged', async () => {
    const { header, rows } = curSample()
    const parts = splitRows(rows, 3)
    const root = tempDir()
    writeCurDelivery(root, 'assembly-a', parts, { skip: [2] })
    const workspace = join(tempDir(), 'cur.focal')

    const refused = await focal('import', root, '-w', workspace)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('cur-Manifest.json: failed')
    expect(refused.stdout).toContain(
      'cur-Manifest.json lists 3 parts of AWS CUR delivery assembly-a (cur, billing period 2023-11); 1 is missing: cur-00003.csv.gz. Nothing of this delivery was imported.',
    )

    const allowed = await focal('import', root, '-w', workspace, '--allow-incomplete')
    expect(allowed.code).toBe(0)
    expect(allowed.stdout).toContain(
      'part 1 of 3 of AWS CUR delivery assembly-a (cur-Manifest.json)',
    )
    expect(allowed.stdout).toContain(
      'part 2 of 3 of AWS CUR delivery assembly-a (cur-Manifest.json)',
    )
    expect(allowed.stdout).toContain(
      'INCOMPLETE: imported without cur-00003.csv.gz (--allow-incomplete)',
    )

    const listed = await focal('imports', '-w', workspace, '--json')
    const imports = (JSON.parse(listed.stdout) as { imports: ImportRecord[] }).imports
    const imported = imports.filter((r) => r.status === 'imported').reverse()
    expect(imported.map((r) => [r.fileName, r.delivery?.part, r.delivery?.incomplete])).toEqual([
      ['cur-00001.csv.gz', 1, true],
      ['cur-00002.csv.gz', 2, true],
    ])
    // Each part's stored BilledCost is its own UnblendedCost, summed apart from Focal.
    for (const [i, record] of imported.entries()) {
      const records = (parts[i] ?? []).map((r) =>
        Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])),
      )
      const usd = sumBy(
        records,
        'lineItem/CurrencyCode',
        (r) => r['lineItem/UnblendedCost'] ?? null,
      )
      expect(record.totals).toMatchObject([
        { currency: 'USD', billedStored: normalizeDecimal(usd.USD?.sum ?? ''), reconciled: true },
      ])
    }
  })

  it('prints a later delivery of the month superseding every part of the earlier one, with the delta per currency', async () => {
    const { header, rows } = curSample()
    const partsA = splitRows(rows, 3)
    // B: part 3 without its last 100 rows.
    const partsB = [partsA[0] ?? [], partsA[1] ?? [], (partsA[2] ?? []).slice(0, -100)]
    const [first, second] = [tempDir(), tempDir()]
    writeCurDelivery(first, 'assembly-a', partsA)
    writeCurDelivery(second, 'assembly-b', partsB)
    const workspace = join(tempDir(), 'cur.focal')
    expect((await focal('import', first, '-w', workspace)).code).toBe(0)
    const restated = await focal('import', second, '-w', workspace)
    expect(restated.code).toBe(0)
    const dropped = (partsA[2] ?? [])
      .slice(-100)
      .map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])))
    const removed = sumBy(
      dropped,
      'lineItem/CurrencyCode',
      (r) => r['lineItem/UnblendedCost'] ?? null,
    )
    const delta = normalizeDecimal(`-${removed.USD?.sum ?? '0'}`)
    expect(restated.stdout).toContain(
      [
        'part 1 of 3 of AWS CUR delivery assembly-b (cur-Manifest.json)',
        '  supersedes import #1, #2, #3 in the billing scopes they share:',
        `    USD: 0 rows added, 100 removed, 0 changed; BilledCost ${delta}, EffectiveCost ${delta}`,
      ].join('\n'),
    )
  })
})
