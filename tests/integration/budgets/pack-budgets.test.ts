/**
 * core/budgets/pack-budgets.ts in the pack: without a budgets file, a chargeback's Budget and
 * Variance columns read the workspace's budgets of the month and of the dimension the pack
 * groups by; a budgets file, when given, wins. Figures from the demo file by an independent parser.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importBudgets } from '../../../electron/core/budgets/budget-store'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { subtractDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { parseBudgetsCsv, type Budget } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, oracle } from '../report/support'

let ws: Workspace
const expected = oracle(DEMO, '2024-09', 'SubAccountName')
const [first = '', second = ''] = [...expected.targets.keys()].filter((t) => t !== 'Unallocated')

beforeAll(async () => {
  ws = await freshWorkspace('pack-budgets')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
  const quote = (v: string): string => `"${v.replaceAll('"', '""')}"`
  await importBudgets(
    ws,
    [
      'period,dimension,value,currency,amount',
      `2024-09,SubAccountName,${quote(first)},USD,100.25`,
      // Another dimension's budget with the same value, and another month's: neither counts.
      `2024-09,tag:team,${quote(second)},USD,7`,
      `2024-10,SubAccountName,${quote(second)},USD,999`,
    ].join('\n'),
    'budgets.csv',
  )
})
afterAll(() => ws.close())

async function summary(budgets?: Budget[]): Promise<Map<string, Record<string, string>>> {
  const out = tempDir('focal-pack-budgets-')
  await writePack(ws, {
    kind: 'chargeback',
    period: '2024-09',
    metric: 'BilledCost',
    source: dimensionLinesSource(parseDimension('SubAccountName')),
    outDir: out,
    formats: ['csv'],
    ...(budgets ? { budgets } : {}),
  })
  const [header = [], ...rows] = parseCsv(
    readFileSync(join(out, 'chargeback-2024-09-summary.csv'), 'utf8'),
  )
  const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
  return new Map(records.map((r) => [r['Cost center'] ?? '', r]))
}

describe('the pack reads the workspace budgets', () => {
  it('fills Budget and Variance from the month and dimension budgets when no file is given', async () => {
    const rows = await summary()
    const exact = expected.targets.get(first)?.sum ?? ''
    expect(rows.get(first)).toMatchObject({
      Budget: '100.25',
      Variance: subtractDecimals(exact, '100.25'),
    })
    expect(rows.get(second)).toMatchObject({ Budget: '', Variance: '' })
  })

  it('lets a budgets file win over the workspace budgets', async () => {
    const rows = await summary(parseBudgetsCsv(`target,currency,amount\n"${second}",USD,50\n`))
    expect(rows.get(first)).toMatchObject({ Budget: '', Variance: '' })
    expect(rows.get(second)).toMatchObject({ Budget: '50' })
  })
})
