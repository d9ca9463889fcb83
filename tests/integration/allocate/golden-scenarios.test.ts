/**
 * The FOCUS split-cost-allocation examples run through the whole engine: the
 * origin cost is one pool row, the split targets own direct rows, and the
 * pool is split by a driver table holding the recovered weights (and, for the
 * equal case, evenly) at scale 6. Each target's pool lines must sum to the
 * BilledCost the example states.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allocateLines, dropLines } from '../../../electron/core/allocate/allocate'
import { importDriverCsv } from '../../../electron/core/allocate/tables'
import { normalizeDecimal } from '../../../shared/money'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { goldenSplits, type GoldenSplit } from '../../unit/allocate/golden-splits'
import { insertRows, teamRules } from './fixtures'

async function runGolden(
  golden: GoldenSplit,
  method: 'driver' | 'even',
): Promise<Record<string, string>> {
  const ws = await freshWorkspace('golden')
  try {
    await insertRows(ws, [
      { BilledCost: golden.whole, ServiceName: 'Shared', ChargeCategory: 'Usage' },
      ...golden.parts.map((p) => ({ BilledCost: '0', ServiceName: 'Own', ResourceId: p.target })),
    ])
    const driverFile = join(tempDir(), 'weights.csv')
    writeFileSync(
      driverFile,
      `target,value\n${golden.parts.map((p) => `${p.target},${p.weight}`).join('\n')}\n`,
    )
    await importDriverCsv(ws, 'weights', driverFile)
    const pool =
      method === 'driver'
        ? { id: 'origin', method: 'driver', driver: { table: 'weights' } }
        : { id: 'origin', method: 'even' }
    const ruleSet = teamRules(
      [
        {
          id: 'shared',
          when: [{ field: 'ServiceName', op: 'equals', value: 'Shared' }],
          then: { pool: 'origin' },
        },
        { id: 'own', then: { field: 'ResourceId' } },
      ],
      [pool],
      { scale: 6 },
    )
    const result = await allocateLines(ws, { period: '2025-09', metric: 'BilledCost', ruleSet })
    try {
      expect(result.reconciliation[0]?.equal).toBe(true)
      const rows = await ws.all(
        `SELECT target, sum(amount)::VARCHAR AS t FROM "${result.table}" WHERE pool = 'origin' GROUP BY 1`,
      )
      return Object.fromEntries(rows.map((r) => [String(r.target), normalizeDecimal(String(r.t))]))
    } finally {
      await dropLines(ws, result.table)
    }
  } finally {
    ws.close()
  }
}

describe('golden split-cost-allocation scenarios through allocateLines', () => {
  for (const golden of goldenSplits()) {
    it(`${golden.origin} (${golden.file.split('/')[1]}): driver split at scale 6 gives the stated BilledCost`, async () => {
      const expected = Object.fromEntries(
        golden.parts.map((p) => [p.target, normalizeDecimal(p.expected)]),
      )
      expect(await runGolden(golden, 'driver')).toEqual(expected)
    })
  }

  it('the equal scenario also comes out of an even split', async () => {
    const equal = goldenSplits().find((g) => g.file.endsWith('equal.csv'))
    if (!equal) throw new Error('missing equal scenario')
    expect(await runGolden(equal, 'even')).toEqual({
      'res-0': '33.333333',
      'res-1': '33.333333',
      'res-2': '33.333334',
    })
  })
})
