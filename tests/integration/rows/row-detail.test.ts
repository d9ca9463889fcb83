/** rowDetail: one row whole, every value as the file wrote it, its tags and its provenance. */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { rowDetail } from '../../../electron/core/rows/row-detail'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { normalizeDecimal } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const CUR = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
let ws: Workspace
let focusId: number
let curId: number

beforeAll(async () => {
  ws = await freshWorkspace()
  focusId = (await importFile(ws, SAMPLE)).id
  curId = (await importFile(ws, CUR)).id
})
afterAll(() => ws.close())

describe('rowDetail', () => {
  it('gives data row 7 of focus_sample.csv with its exact money, its tags and its import', async () => {
    const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE, 'utf8'))
    const source = rows[6]!
    const field = (name: string): string => source[header.indexOf(name)]!
    const detail = await rowDetail(ws, { importId: focusId, sourceRow: 7 })
    const value = (name: string): string | null =>
      detail.values.find((v) => v.column === name)?.value ?? null
    expect(value('BilledCost')).toBe(normalizeDecimal(field('BilledCost')))
    expect(value('ListCost')).toBe(normalizeDecimal(field('ListCost')))
    expect(value('ServiceName')).toBe(field('ServiceName'))
    expect(value('x_SourceRow')).toBe('7')
    expect(detail.tags).toEqual(JSON.parse(field('Tags')))
    expect(detail.matches).toBe(1)
    expect(detail.provenance).toMatchObject({
      importId: focusId,
      fileName: 'focus_sample.csv',
      sha256: createHash('sha256').update(readFileSync(SAMPLE)).digest('hex'),
      sizeBytes: readFileSync(SAMPLE).length,
      status: 'imported',
      supersededBy: null,
      sourceFile: 'focus_sample.csv',
      sourceRow: 7,
    })
  })

  it('names the fixes a mapped CUR row carries, each with its meaning', async () => {
    const [row] = await ws.all(
      'SELECT x_SourceRow FROM cost_rows WHERE x_ImportId = $1 AND len(x_FixCodes) > 0 ORDER BY x_SourceRow LIMIT 1',
      [curId],
    )
    const detail = await rowDetail(ws, { importId: curId, sourceRow: Number(row!.x_SourceRow) })
    expect(detail.provenance.fixes.length).toBeGreaterThan(0)
    for (const fix of detail.provenance.fixes) {
      expect(fix.code).toMatch(/^[A-Z0-9_]+$/)
      expect(fix.meaning).not.toMatch(/no description/)
    }
  })

  it('says plainly when the row does not exist', async () => {
    await expect(rowDetail(ws, { importId: focusId, sourceRow: 1001 })).rejects.toThrow(
      `Import ${focusId} has no row 1001`,
    )
  })
})
