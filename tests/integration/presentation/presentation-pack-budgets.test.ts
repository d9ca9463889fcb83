/**
 * A report pack made in presentation mode with the workspace's budgets (core/budgets/
 * pack-budgets.ts): the pack's cost centers are aliases (its facts are read masked), so the
 * budget kept under an account's real name is matched by that name's alias; the summary CSV
 * shows the budget and its variance beside the alias and no real value.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setBudget } from '../../../electron/core/budgets/budget-store'
import { importFile } from '../../../electron/core/ingest/import-file'
import { maskValue } from '../../../electron/core/presentation/mask-values'
import { setPresentation } from '../../../electron/core/presentation/presentation-mode'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseDimension } from '../../../shared/pivot'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { REAL, craftedCsv, expectNoRealValue } from './crafted'

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('pack-budgets')
  const file = join(tempDir(), 'crafted.csv')
  writeFileSync(file, craftedCsv())
  expect((await importFile(ws, file)).status).toBe('imported')
  await setBudget(ws, {
    period: '2025-02',
    dimension: 'SubAccountName',
    value: REAL.SubAccountName,
    currency: 'USD',
    amount: '500',
    thresholds: [100],
  })
})
afterAll(() => ws.close())

describe('a masked pack with the workspace budgets', () => {
  it('matches the budget to the alias of its account name', async () => {
    await setPresentation(ws, { on: true, tagKeys: null })
    const out = tempDir('focal-masked-pack-')
    await writePack(ws, {
      kind: 'chargeback',
      period: '2025-02',
      metric: 'BilledCost',
      source: dimensionLinesSource(parseDimension('SubAccountName')),
      outDir: out,
      formats: ['csv'],
    })
    const summary = readdirSync(out).find((f) => f.endsWith('-summary.csv')) ?? ''
    const text = readFileSync(join(out, summary), 'utf8')
    expectNoRealValue(text, summary)
    const rows = parseCsv(text)
    const header = rows.find((r) => r.includes('Budget')) ?? []
    const alias = maskValue(ws, 'SubAccountName', REAL.SubAccountName)
    const row = rows.find((r) => r[header.indexOf('Cost center')] === alias) ?? []
    // February, worked out by hand: 387 + 91 = 478 against a budget of 500.
    expect([row[header.indexOf('Budget')], row[header.indexOf('Variance')]]).toEqual(['500', '-22'])
  })
})
