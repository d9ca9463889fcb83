/** FOCUS rule checks of an import: a bad Tags cell is reported with its row, never fatal. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { readCatalog } from '../../../electron/core/query/catalog'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

let ws: Workspace | undefined
afterEach(() => ws?.close())

describe('validateImport', () => {
  it('keeps a malformed Tags cell as written, reports its row and imports every row', async () => {
    const path = join(tempDir(), 'tags.csv')
    writeFileSync(
      path,
      [
        'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,Tags',
        '1.25,1.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"{""team"":""web""}"',
        '2.50,2.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"{""team"": web"',
        '3.75,3.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,"[1,2]"',
        '4.00,4.00,USD,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z,',
      ].join('\n') + '\n',
    )
    ws = await freshWorkspace()
    const record = await importFile(ws, path)
    expect(record.error).toBeNull()
    expect(record).toMatchObject({ status: 'imported', rowCount: 4, reconciled: true })
    expect(record.totals[0]?.billedStored).toBe('11.5')
    expect(record.issues).toEqual([
      expect.objectContaining({ rule: 'Tags.JsonObject', rows: 2, firstRow: 2 }),
    ])
    // The rules that passed are listed as checked too: the file has no ChargeCategory, ChargeClass or ServiceCategory.
    expect(record.rulesChecked).toEqual([
      'BilledCost.NotNull',
      'BillingCurrency.Format',
      'ChargePeriod.Order',
      'Tags.JsonObject',
    ])
    const rows = await ws.all('SELECT Tags FROM focus ORDER BY x_SourceRow')
    expect(rows.map((r) => r.Tags)).toEqual(['{"team":"web"}', '{"team": web', '[1,2]', null])
    // Reading the workspace's tag keys must not trip over the malformed cell either.
    expect((await readCatalog(ws)).tagKeys).toEqual(['team'])
  })
})
