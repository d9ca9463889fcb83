/** Every source column of an import is accounted for: duplicates refused, older names kept and listed. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const DATES = '2024-09-01T00:00:00Z,2024-09-02T00:00:00Z'

let ws: Workspace | undefined
afterEach(() => ws?.close())

function csv(name: string, lines: readonly string[]): string {
  const path = join(tempDir(), name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

describe('refuseDuplicateColumns', () => {
  it('refuses a header with BilledCost twice, naming the column and both positions', async () => {
    ws = await freshWorkspace()
    const record = await importFile(
      ws,
      csv('twice.csv', [
        'BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,BilledCost',
        `1.00,1.00,USD,${DATES},9.00`,
      ]),
    )
    expect(record).toMatchObject({ status: 'failed', rowCount: 0 })
    expect(record.error).toMatchObject({
      code: 'DUPLICATE_COLUMNS',
      message:
        'twice.csv: the column BilledCost appears twice: "BilledCost" (column 1) and "BilledCost" (column 6).',
      location: { file: 'twice.csv', line: 1, column: 'BilledCost' },
    })
    expect(record.error?.hint).toContain('Remove or rename one of each pair')
    expect((await ws.all('SELECT count(*)::INT AS n FROM focus'))[0]?.n).toBe(0)
  })

  it('keeps AmortizedCost beside EffectiveCost as x_AmortizedCost and lists every kept column', async () => {
    ws = await freshWorkspace()
    const record = await importFile(
      ws,
      csv('both.csv', [
        'BilledCost,AmortizedCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,Team',
        `1.00,0.75,0.50,USD,${DATES},web`,
        `2.00,1.75,1.50,USD,${DATES},data`,
      ]),
    )
    expect(record).toMatchObject({ status: 'imported', reconciled: true })
    expect(record.totals[0]).toMatchObject({ billedStored: '3', effectiveStored: '2' })
    expect(record.extraColumns).toEqual([
      {
        source: 'AmortizedCost',
        target: 'x_AmortizedCost',
        note: 'older name of EffectiveCost, which the file also has',
      },
      { source: 'Team', target: 'x_Team' },
    ])
    const rows = await ws.all(
      'SELECT EffectiveCost::VARCHAR AS e, x_AmortizedCost AS a, x_Team AS t FROM focus ORDER BY x_SourceRow',
    )
    expect(rows).toEqual([
      { e: '0.500000000000000000', a: '0.75', t: 'web' },
      { e: '1.500000000000000000', a: '1.75', t: 'data' },
    ])
  })
})
