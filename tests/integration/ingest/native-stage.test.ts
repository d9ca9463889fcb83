/**
 * native-stage.ts: a native file's side of reconciliation comes from the cost
 * columns its format names, read from the raw stage, never from the mapping's
 * expressions, so a mapping that reads the wrong column or forgets amortization
 * cannot agree with it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readCsvHeader } from '../../../electron/core/ingest/csv-header'
import { mapNativeStage } from '../../../electron/core/ingest/native-stage'
import { stageCsvSql } from '../../../electron/core/ingest/stage-sql'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { AWS_CUR_LEGACY } from '../../../shared/formats/aws-cur-legacy'
import type { FormatMapping } from '../../../shared/formats/mapping-types'
import { normalizeDecimal } from '../../../shared/money'
import { sample } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

const KOKU = sample('koku-test-data/aws/2023-06-01.csv')
let ws: Workspace | undefined
afterEach(() => ws?.close())

/** Stages the Koku CUR, maps it with `format`, and returns source sums and the mapped EffectiveCost. */
async function sumsWith(format: FormatMapping) {
  ws = await freshWorkspace()
  const header = [...(await readCsvHeader(KOKU, false, 'koku.csv')).columns]
  const file = await ws.admit(KOKU)
  await ws.run(stageCsvSql('stage', header.length, ',', false), [file.path])
  const native = await mapNativeStage(ws, format, 'koku.csv', {
    table: 'stage',
    kind: 'csv',
    header,
    sourceTypes: header.map(() => 'VARCHAR'),
  })
  const effective = native.mapping.columns.find((c) => c.target === 'EffectiveCost')
  const [mapped] = await ws.all(
    `SELECT sum(CAST(c${effective?.index} AS DECIMAL(38,18)))::VARCHAR AS e FROM "${native.table}"`,
  )
  await file.release()
  return { source: await native.sourceSums(), mapped: normalizeDecimal(String(mapped?.e)) }
}

describe('native stage source sums', () => {
  it('agree with a correct mapping: EffectiveCost is the Savings Plan effective cost', async () => {
    const { source, mapped } = await sumsWith(AWS_CUR_LEGACY)
    expect(source).toEqual([
      { currency: 'NOK', rows: 3, billed: expect.any(String), effective: expect.any(String) },
    ])
    expect(normalizeDecimal(source[0]?.effective ?? '')).toBe(mapped)
    expect(normalizeDecimal(source[0]?.billed ?? '')).toBe('30')
  })

  it('disagree with a mapping that forgot amortization (EffectiveCost read from UnblendedCost)', async () => {
    const broken: FormatMapping = {
      ...AWS_CUR_LEGACY,
      columns: {
        ...AWS_CUR_LEGACY.columns,
        EffectiveCost: { value: { column: 'lineItem/UnblendedCost' } },
      },
    }
    const { source, mapped } = await sumsWith(broken)
    expect(mapped).toBe('30')
    expect(normalizeDecimal(source[0]?.effective ?? '')).not.toBe(mapped)
  })
})
