/**
 * core/ledger/ledger-dimension: the owner dimension is tag:owner when the data has it, else
 * tag:team, else SubAccountName; a tag is named by its canonical key, so an explanation saved
 * under `tag:Team` is the one the ledger by `tag:team` shows.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { explainMover } from '../../../electron/core/ledger/explanations'
import { ownerDimension } from '../../../electron/core/ledger/ledger-dimension'
import { ledgerWeek } from '../../../electron/core/ledger/ledger-week'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')

const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/** The demo with each row's Tags replaced by `tags(i)` (a JSON object's text). */
function withTags(tags: (i: number) => Record<string, string>): string {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const at = header.indexOf('Tags')
  const lines = rows.map((r, i) => r.map((v, j) => field(j === at ? JSON.stringify(tags(i)) : v)))
  const path = join(tempDir(), 'tagged.csv')
  writeFileSync(path, [header.map(field), ...lines].map((l) => l.join(',')).join('\n') + '\n')
  return path
}

describe('ownerDimension', () => {
  it('prefers tag:owner, then tag:team, then SubAccountName', async () => {
    const plain = await freshWorkspace('owner-none')
    await importFile(plain, DEMO)
    expect(await ownerDimension(plain)).toBe('SubAccountName')
    await plain.close()

    const team = await freshWorkspace('owner-team')
    await importFile(
      team,
      withTags((i) => ({ Team: i % 2 ? 'data' : 'web' })),
    )
    expect(await ownerDimension(team)).toBe('tag:Team')
    const ledger = await ledgerWeek(team, { week: '2024-W39' })
    expect([ledger.by, ledger.byReason]).toEqual(['tag:Team', 'owner-default'])
    expect(ledger.currencies[0]?.movers.map((m) => m.value).sort()).toEqual(['data', 'web'])
    // Typed in another case, the key is the same canonical key, with the same explanations.
    await explainMover(team, {
      week: '2024-W39',
      by: 'tag:team',
      value: 'web',
      text: 'CDN',
      owner: 'web',
    })
    const again = await ledgerWeek(team, { week: '2024-W39', by: 'tag:TEAM' })
    expect(again.by).toBe('tag:Team')
    expect(again.currencies[0]?.movers.find((m) => m.value === 'web')?.explanation?.text).toBe(
      'CDN',
    )
    await team.close()

    const owner = await freshWorkspace('owner-owner')
    await importFile(
      owner,
      withTags((i) => ({ team: 'web', owner: i % 3 ? 'ana' : 'raj' })),
    )
    expect(await ownerDimension(owner)).toBe('tag:owner')
    await owner.close()
  })
})
