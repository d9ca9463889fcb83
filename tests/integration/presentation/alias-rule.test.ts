/**
 * One alias rule (presentation-sql.ts): the TypeScript alias of a value (aliasText, through
 * maskValue) equals the SQL alias (aliasSql) and the alias the masked view shows for it, for an
 * account id, an account name, a resource id and name and a tag value; unmaskValue takes each
 * alias back to its real value; a dimension the mode does not mask is left as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { maskValue, unmaskValue } from '../../../electron/core/presentation/mask-values'
import { setPresentation } from '../../../electron/core/presentation/presentation-mode'
import { aliasSql, aliasText } from '../../../electron/core/presentation/presentation-sql'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { scratchSql } from '../../helpers/duckdb'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REAL, craftedCsv } from './crafted'

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('aliases')
  const file = join(tempDir(), 'crafted.csv')
  writeFileSync(file, craftedCsv())
  expect((await importFile(ws, file)).status).toBe('imported')
})
afterAll(() => ws.close())

describe('the alias rule', () => {
  it('is the same in TypeScript and in SQL, for any text', async () => {
    for (const value of ['418836207595', 'Zürich Ünïcode — ✓', "it's", '']) {
      const [row] = await scratchSql(`SELECT ${aliasSql('acct-', 'salt0', '$1')} AS a`, [value])
      expect(aliasText('acct-', 'salt0', value)).toBe(row?.a)
    }
  })

  it("gives each stored value the masked view's alias, and takes it back", async () => {
    await setPresentation(ws, { on: true, tagKeys: null })
    const reader = await ws.reader()
    const [view] = await ws.all(
      `SELECT BillingAccountId, BillingAccountName, SubAccountId, SubAccountName, ResourceId,
         ResourceName, Tags ->> 'team' AS team FROM focus WHERE SkuId = 'sku-ledger' LIMIT 1`,
      [],
      reader,
    )
    reader.closeSync()
    const pairs: Array<[string, string, unknown]> = [
      ['BillingAccountId', REAL.BillingAccountId, view?.BillingAccountId],
      ['BillingAccountName', REAL.BillingAccountName, view?.BillingAccountName],
      ['SubAccountId', REAL.SubAccountId, view?.SubAccountId],
      ['SubAccountName', REAL.SubAccountName, view?.SubAccountName],
      ['ResourceId', REAL.ResourceId, view?.ResourceId],
      ['ResourceName', REAL.ResourceName, view?.ResourceName],
      ['tag:team', REAL.team, view?.team],
    ]
    for (const [dimension, real, shown] of pairs) {
      expect(shown).not.toBe(real)
      expect(maskValue(ws, dimension, real)).toBe(shown)
      expect(await unmaskValue(ws, dimension, String(shown))).toBe(real)
    }
    expect(maskValue(ws, 'ServiceName', 'Compute')).toBe('Compute')
    expect(await unmaskValue(ws, 'ServiceName', 'Compute')).toBe('Compute')
    expect(await unmaskValue(ws, 'SubAccountId', 'acct-0000000000')).toBeNull()

    // Only the tags the mode masks: another tag key's value stays as written.
    await setPresentation(ws, { on: true, tagKeys: ['owner'] })
    expect(maskValue(ws, 'tag:team', REAL.team)).toBe(REAL.team)
    await setPresentation(ws, { on: false, tagKeys: null })
    expect(maskValue(ws, 'SubAccountId', REAL.SubAccountId)).toBe(REAL.SubAccountId)
  })
})
