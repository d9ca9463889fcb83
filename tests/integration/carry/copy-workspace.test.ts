/**
 * copyWorkspace (core/carry/copy-workspace.ts) while a reader holds a transaction open (a
 * pivot mid-query): DuckDB then skips the checkpoint at commit and refuses an explicit one,
 * so the last import sits in the .wal; the copy must still hold it, and equal the original.
 */
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyWorkspace } from '../../../electron/core/carry/copy-workspace'
import { importFile } from '../../../electron/core/ingest/import-file'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace, storedSums } from '../../helpers/workspace'
import { DEMO } from '../services/support'

describe('copyWorkspace', () => {
  it('copies rows the .wal still holds when a reader blocks the checkpoint', async () => {
    const ws = await freshWorkspace('held')
    const second = sample('focus-data-toolkit-golden/aws_1_2_cost_and_usage_rows100_seed42.csv')
    const reader = await ws.reader()
    try {
      expect((await importFile(ws, DEMO)).status).toBe('imported')
      await reader.run('BEGIN TRANSACTION')
      await reader.run('SELECT count(*) FROM audit_log')
      expect((await importFile(ws, second)).status).toBe('imported')
      // The premise: the second import is not in the file yet.
      expect(existsSync(`${ws.path}.wal`) && statSync(`${ws.path}.wal`).size > 0).toBe(true)
      const dest = join(tempDir('focal-copy-'), 'carried.focal')
      const record = await copyWorkspace(ws, dest)
      expect(record).toMatchObject({ source: 'held', copy: 'carried', sourceAudited: true })
      const copy = await Workspace.open(dest)
      try {
        expect(await storedSums(copy)).toEqual(await storedSums(ws))
        const sums = await storedSums(copy)
        const rows = Object.values(sums).reduce((n, s) => n + s.rows, 0)
        expect(rows).toBe(1000 + 100)
        const [entry] = await copy.all(
          "SELECT details FROM audit_log WHERE action = 'workspace.copiedFrom'",
        )
        expect(JSON.parse(String(entry?.details)).sourceHead.seq).toBeGreaterThan(0)
      } finally {
        await copy.close()
      }
    } finally {
      reader.closeSync()
      await ws.close()
    }
  })
})
