import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { importFile } from '../../../electron/core/ingest/import-file'
import { sample, tempDir } from '../../helpers/paths'

describe('smoke', () => {
  it('imports the FOCUS sample', async () => {
    const ws = await Workspace.open(join(tempDir(), 'a.focal'), { create: true })
    const rec = await importFile(ws, sample('focus-sample-data/FOCUS-1.0/focus_sample.csv'))
    console.log(JSON.stringify(rec, null, 1))
    ws.close()
    expect(rec.status).toBe('imported')
  })
})
