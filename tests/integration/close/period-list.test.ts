/**
 * core/close/period-list and pack-close beyond imports: a closed month whose
 * tag aliases changed since is said to differ from its close (no import can
 * change it, but an alias edit can), while a pack grouped by a column, which
 * reads no tag, stays current.
 */
import { describe, expect, it } from 'vitest'
import { closePeriod } from '../../../electron/core/close/close-period'
import { listPeriods } from '../../../electron/core/close/period-list'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { writePack } from '../../../electron/core/report/pack'
import { editTagPolicy } from '../../../electron/core/tags/tag-policy'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseDimension } from '../../../shared/pivot'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO } from '../report/support'

const PERIOD = '2024-09'
const source = (by: string) => dimensionLinesSource(parseDimension(by))
const pack = (ws: Workspace, by: string) =>
  writePack(ws, {
    kind: 'showback',
    period: PERIOD,
    metric: 'BilledCost',
    source: source(by),
    outDir: tempDir('focal-close-pack-'),
    formats: ['csv'],
  })

describe('listPeriods', () => {
  it('says when a closed month’s tag aliases changed since its close', async () => {
    const ws = await freshWorkspace('aliases')
    expect((await importFile(ws, DEMO)).status).toBe('imported')
    await pack(ws, 'SubAccountName')
    await closePeriod(ws, {
      period: PERIOD,
      note: 'closed by business unit',
      metric: 'BilledCost',
      source: source('tag:business_unit'),
    })
    const before = await listPeriods(ws)
    expect(before.map((p) => [p.period, p.state, p.hasRows, p.inputsChanged])).toEqual([
      ['2024-09', 'closed', true, false],
      ['2024-10', 'open', true, false],
    ])
    await editTagPolicy(ws, { action: 'merge', from: 'env', into: 'environment' })
    const after = await listPeriods(ws)
    expect(after.find((p) => p.period === PERIOD)?.inputsChanged).toBe(true)
    // A pack grouped by a column reads no tag: the alias edit leaves it current.
    expect(after.find((p) => p.period === PERIOD)?.packs.map((p) => p.current)).toEqual([true])
    await ws.close()
  })
})
