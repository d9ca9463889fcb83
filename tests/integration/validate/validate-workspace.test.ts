/** validateWorkspace: the counted rows of a workspace, opened read-only, give the file's own verdict. */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { validateFile } from '../../../electron/core/validate/validate-file'
import { validateWorkspace } from '../../../electron/core/validate/validate-workspace'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { sample, tempDir } from '../../helpers/paths'

const FOCUS_10 = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('validateWorkspace', () => {
  it('finds in the stored rows what validating the file finds, naming file and row, and writes nothing', async () => {
    const path = join(tempDir(), 'costs.focal')
    const ws = await Workspace.open(path, { create: true })
    expect((await importFile(ws, FOCUS_10)).status).toBe('imported')
    await ws.close()
    const before = sha(path)

    const stored = await validateWorkspace(path)
    const file = await validateFile(FOCUS_10, 'focus_sample.csv')
    expect(stored).toMatchObject({ source: 'workspace', focusVersion: '1.0', rows: 1000 })
    // Presence is a header check: only the file has it.
    const rowRules = file.rules.filter((r) => r.check !== 'presence')
    expect(stored.rules.map((r) => r.rule).sort()).toEqual(rowRules.map((r) => r.rule).sort())
    for (const r of rowRules) {
      const s = stored.rules.find((x) => x.rule === r.rule)!
      expect([r.rule, s.failingRows, s.samples.map((x) => x.row)]).toEqual([
        r.rule,
        r.failingRows,
        r.samples.map((x) => x.row),
      ])
      for (const x of s.samples) expect(x.file).toBe('focus_sample.csv')
    }
    expect(stored.rules.find((r) => r.rule === 'ContractedCost.NotNull')?.failingRows).toBe(7)
    expect(stored).toMatchObject({ errors: 3, warnings: 1 })
    expect(sha(path)).toBe(before)
  })

  it('refuses a workspace that does not exist, naming it', async () => {
    await expect(validateWorkspace(join(tempDir(), 'none.focal'))).rejects.toMatchObject({
      error: { code: 'NOT_FOUND', message: 'No workspace at none.focal.' },
    })
  })
})
