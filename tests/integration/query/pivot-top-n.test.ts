/**
 * Top N at its edges through runPivotTable: ties on the N-th size, credits, a NULL value, a
 * value whose rows cancel out, fewer values than N in one currency. The kept values and the
 * (Other) sums below are worked out by hand from ROWS.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { runPivotTable } from '../../../electron/core/query/pivot'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { DEFAULT_PIVOT, type PivotSpec } from '../../../shared/pivot'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

// Size = the sum of |BilledCost| over a value's rows (credits count too):
// USD: r-z 120 (60 and -60: it sums to 0), r-a 100 (60 + 40), r-b 100 (a credit), r-c 100,
// no ResourceId 100, r-d 50, r-e 30. EUR: r-x 5, r-y 7.
const ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['r-a', 'USD', '60'],
  ['r-a', 'USD', '40'],
  ['r-b', 'USD', '-100'],
  ['r-c', 'USD', '100'],
  ['', 'USD', '100'],
  ['r-d', 'USD', '50'],
  ['r-e', 'USD', '30'],
  ['r-z', 'USD', '60'],
  ['r-z', 'USD', '-60'],
  ['r-x', 'EUR', '5'],
  ['r-y', 'EUR', '7'],
]

function writeRows(): string {
  const [header = [], base = []] = parseCsv(readFileSync(SAMPLE, 'utf8'))
  const cell = (value: string): string => `"${value.replaceAll('"', '""')}"`
  const lines = ROWS.map(([resource, currency, billed]) => {
    const values = [...base]
    values[header.indexOf('ResourceId')] = resource
    values[header.indexOf('BillingCurrency')] = currency
    values[header.indexOf('BilledCost')] = billed
    values[header.indexOf('EffectiveCost')] = billed
    return values.map(cell).join(',')
  })
  const path = join(tempDir(), 'top-n.csv')
  writeFileSync(path, [header.map(cell).join(','), ...lines].join('\n') + '\n')
  return path
}

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('top-n')
  expect((await importFile(ws, writeRows())).status).toBe('imported')
})
afterAll(() => ws.close())

const top = async (topN: number): Promise<string[][]> => {
  const spec: PivotSpec = {
    ...DEFAULT_PIVOT,
    rows: [{ kind: 'column', name: 'ResourceId' }],
    measures: [{ measure: 'BilledCost' }],
    timeGrain: 'none',
    topN,
  }
  const table = await runPivotTable(ws, spec)
  return table.rows.map((r) => [r.kind, String(r.keys[0]), String(r.keys[1]), String(r.cells[0])])
}

describe('top N', () => {
  it('breaks a tie on the N-th size by the value, and folds the rest into (Other)', async () => {
    // Top 2 of USD: r-z (120), then r-a wins the four-way tie at 100 by its name.
    const rows = await top(2)
    const usd = rows.filter((r) => r[2] === 'USD')
    expect(usd.filter((r) => r[0] === 'detail').map((r) => [r[1], r[3]])).toEqual([
      ['r-a', '100'],
      ['r-z', '0'],
    ])
    // (Other) = -100 + 100 + 100 + 50 + 30.
    expect(usd.find((r) => r[0] === 'other')?.[3]).toBe('180')
    expect(usd.find((r) => r[0] === 'total')?.[3]).toBe('280')
    // EUR has fewer values than N: both kept, nothing folded.
    const eur = rows.filter((r) => r[2] === 'EUR')
    expect(eur.filter((r) => r[0] === 'detail').map((r) => r[1])).toEqual(['r-y', 'r-x'])
    expect(eur.some((r) => r[0] === 'other')).toBe(false)
  })

  it('keeps the whole tie when N reaches past it, the NULL value last', async () => {
    // Top 5 of USD: r-z, then all four of size 100, the value with no ResourceId last.
    const usd = (await top(5)).filter((r) => r[2] === 'USD')
    expect(usd.filter((r) => r[0] === 'detail').map((r) => r[1])).toEqual(
      expect.arrayContaining(['r-z', 'r-a', 'r-b', 'r-c', 'null']),
    )
    expect(usd.filter((r) => r[0] === 'detail')).toHaveLength(5)
    // (Other) = r-d 50 + r-e 30.
    expect(usd.find((r) => r[0] === 'other')?.[3]).toBe('80')
  })
})
