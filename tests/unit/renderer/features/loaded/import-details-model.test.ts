/**
 * import-details-model: what the import-details drawer shows, from registry records made by real
 * imports (real DuckDB), read back through the registry as the app reads them.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { importFile } from '../../../../../electron/core/ingest/import-file'
import { listImports } from '../../../../../electron/core/workspace/imports-registry'
import type { Workspace } from '../../../../../electron/core/workspace/workspace'
import type * as FocusHeader from '../../../../../shared/formats/focus-header'
import {
  rulesShown,
  totalsShown,
} from '../../../../../renderer/src/features/loaded/import-details-model'
import { csvSums } from '../../../../helpers/csv-sums'
import { tempDir } from '../../../../helpers/paths'
import { freshWorkspace } from '../../../../helpers/workspace'

/** True while a test wants BilledCost filled from EffectiveCost's column (a wrong mapping). */
const sabotage = vi.hoisted(() => ({ swap: false }))
vi.mock('../../../../../shared/formats/focus-header', async (original) => {
  const real = await original<typeof FocusHeader>()
  const swap: Record<string, string> = { BilledCost: 'EffectiveCost', EffectiveCost: 'BilledCost' }
  return {
    ...real,
    mapFocusHeader: (header: readonly string[]) => {
      const mapping = real.mapFocusHeader(header)
      if (!sabotage.swap) return mapping
      return {
        ...mapping,
        columns: mapping.columns.map((c) => ({ ...c, target: swap[c.target] ?? c.target })),
      }
    },
  }
})

const FILE = [
  'BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd',
  '1.255,1.005,USD,Usage,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z',
  '2.5,2,USD,Bogus,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z',
  '10,7.25,EUR,Usage,2024-09-01T00:00:00Z,2024-09-02T00:00:00Z',
]

let ws: Workspace
beforeEach(async () => {
  sabotage.swap = false
  ws = await freshWorkspace()
})
afterEach(() => ws.close())

function csv(name: string): string {
  const path = join(tempDir(), name)
  writeFileSync(path, `${FILE.join('\n')}\n`)
  return path
}

describe('import-details-model', () => {
  it('shows an imported file’s stored totals, and every rule checked with its failure', async () => {
    const path = csv('costs.csv')
    await importFile(ws, path)
    const [record] = await listImports(ws)
    if (!record) throw new Error('no import recorded')
    const shown = totalsShown(record)
    expect(shown.refused).toBe(false)
    expect(shown.totals.map((t) => [t.currency, t.billedSource, t.effectiveStored])).toEqual([
      ['EUR', csvSums(path, 'BilledCost').EUR?.sum, csvSums(path, 'EffectiveCost').EUR?.sum],
      ['USD', csvSums(path, 'BilledCost').USD?.sum, csvSums(path, 'EffectiveCost').USD?.sum],
    ])
    // Each line with its spec section and severity from the one rule table (shared/focus/rules.ts).
    expect(rulesShown(record)).toEqual([
      {
        rule: 'BilledCost.NotNull',
        section: 'FOCUS 1.4 §BilledCost',
        severity: 'error',
        failure: null,
      },
      {
        rule: 'ChargeCategory.Allowed',
        section: 'FOCUS 1.4 §ChargeCategory',
        severity: 'error',
        failure: expect.objectContaining({ rows: 1, firstRow: 2 }),
      },
      {
        rule: 'BillingCurrency.Format',
        section: 'FOCUS 1.4 §CurrencyFormat',
        severity: 'error',
        failure: null,
      },
      {
        rule: 'ChargePeriod.Order',
        section: 'FOCUS 1.4 §ChargePeriodEnd',
        severity: 'error',
        failure: null,
      },
    ])
  })

  it('shows both sides of a file refused because its totals disagree, though nothing was stored', async () => {
    sabotage.swap = true
    const path = csv('swapped.csv')
    await importFile(ws, path)
    const [record] = await listImports(ws)
    if (!record) throw new Error('no import recorded')
    expect(record).toMatchObject({ status: 'failed', totals: [] })
    expect(record.error?.code).toBe('RECONCILIATION_FAILED')
    const shown = totalsShown(record)
    expect(shown.refused).toBe(true)
    // The file's own BilledCost against the EffectiveCost the wrong mapping stored under its name.
    expect(
      shown.totals.map((t) => [t.currency, t.billedSource, t.billedStored, t.reconciled]),
    ).toEqual([
      ['EUR', csvSums(path, 'BilledCost').EUR?.sum, csvSums(path, 'EffectiveCost').EUR?.sum, false],
      ['USD', csvSums(path, 'BilledCost').USD?.sum, csvSums(path, 'EffectiveCost').USD?.sum, false],
    ])
    // Nothing was stored, so no rule ran on its rows.
    expect(rulesShown(record)).toEqual([])
  })
})
