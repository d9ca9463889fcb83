/** core/fx/fx-rates on real DuckDB: import all or nothing, already imported, a restated rate, the list. */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importRates, listFxImports, readRates } from '../../../electron/core/fx/fx-rates'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { FocalFailure } from '../../../shared/contract'
import { freshWorkspace } from '../../helpers/workspace'

const sha = (text: string): string => createHash('sha256').update(text).digest('hex')
const FIRST =
  'date,from,to,rate,source\n2024-09-27,USD,EUR,0.8972,ECB\n2024-09-30,USD,EUR,0.8959,ECB\n'
const SECOND = 'date,from,to,rate,source\n2024-09-30,USD,EUR,0.896,ECB corrected\n'

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('fx')
})
afterAll(() => ws.close())

describe('importRates', () => {
  it('stores nothing when a line is bad', async () => {
    const bad =
      'date,from,to,rate,source\n2024-09-27,USD,EUR,0.8972,ECB\n2024-09-30,USD,EUR,0,ECB\n'
    await expect(importRates(ws, bad, 'bad.csv', sha(bad))).rejects.toThrow(
      'bad.csv line 3, column rate: "0" is not a rate above zero.',
    )
    expect(await listFxImports(ws)).toEqual([])
    expect(await readRates(ws)).toEqual([])
  })

  it('imports, says already imported for the same file, and lets a later file restate a rate', async () => {
    expect(await importRates(ws, FIRST, 'ecb-2024-09.csv', sha(FIRST))).toEqual({
      status: 'imported',
      importId: 1,
      fileName: 'ecb-2024-09.csv',
      sha256: sha(FIRST),
      rates: 2,
      restated: 0,
    })
    const again = await importRates(ws, FIRST, 'renamed.csv', sha(FIRST))
    expect(again).toMatchObject({ status: 'already-imported', importId: 1, rates: 2 })
    expect(await importRates(ws, SECOND, 'fix.csv', sha(SECOND))).toMatchObject({
      status: 'imported',
      importId: 2,
      restated: 1,
    })
    expect(await readRates(ws)).toEqual([
      {
        from: 'USD',
        to: 'EUR',
        grain: 'day',
        on: '2024-09-27',
        rate: '0.8972',
        source: 'ECB',
        importId: 1,
      },
      {
        from: 'USD',
        to: 'EUR',
        grain: 'day',
        on: '2024-09-30',
        rate: '0.896',
        source: 'ECB corrected',
        importId: 2,
      },
    ])
    const imports = await listFxImports(ws)
    expect(imports.map((i) => [i.id, i.fileName, i.sha256, i.rates])).toEqual([
      [1, 'ecb-2024-09.csv', sha(FIRST), 2],
      [2, 'fix.csv', sha(SECOND), 1],
    ])
  })

  it('a bad file is a FocalFailure naming the file', async () => {
    const error = await importRates(ws, 'day,from,to,rate,source\n', 'x.csv', 'x').catch(
      (cause: unknown) => cause,
    )
    expect(error).toBeInstanceOf(FocalFailure)
    expect((error as FocalFailure).error.message).toBe('x.csv line 1: unknown column "day".')
  })
})
