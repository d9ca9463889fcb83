/**
 * The built `focal import` on Azure actual and amortized exports of one period
 * (electron/core/ingest/azure-cost-view.ts): each record says which export it is,
 * a file whose rows do not tell is refused with AZURE_COST_VIEW until
 * --azure-cost-view says which, and a wrong value is a usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportRecord } from '../../../shared/contract'
import { focal } from '../../helpers/cli'
import { sample, tempDir } from '../../helpers/paths'

const ACTUAL = sample('finops-toolkit-samples/EA_ActualCost_Small.csv')
const AMORTIZED = sample('finops-toolkit-samples/EA_AmortizedCost_Small.csv')

describe('focal import --azure-cost-view', () => {
  it('asks for the view of a file its rows do not tell, and merges it as told', async () => {
    const dir = tempDir()
    const ws = join(dir, 'azure.focal')
    // The actual export's on-demand rows only: no commitment row says which export it is.
    const plain = join(dir, 'ea-on-demand.csv')
    writeFileSync(
      plain,
      readFileSync(ACTUAL, 'utf8')
        .split(/\r?\n/)
        .filter((line) => !line.includes('Purchase'))
        .join('\n'),
    )
    const first = await focal('import', AMORTIZED, plain, '-w', ws)
    expect(first.code).toBe(1)
    expect(first.stdout).toContain('Amortized cost export (told from its rows).')
    expect(first.stdout).toContain('AZURE_COST_VIEW')
    expect(first.stdout).toContain('--azure-cost-view actual|amortized')

    const told = await focal('import', plain, '-w', ws, '--azure-cost-view', 'actual')
    expect(told.code).toBe(0)
    expect(told.stdout).toContain(
      'Actual cost export (as you said): only its commitment purchases and refunds are counted; its other 10 rows are counted from the amortized export of the same period (import #1).',
    )
    const listed = await focal('imports', '-w', ws, '--json')
    const imports = (JSON.parse(listed.stdout) as { imports: ImportRecord[] }).imports
    expect(
      imports.find((r) => r.status === 'imported' && r.fileName === 'ea-on-demand.csv')?.costView,
    ).toEqual({
      view: 'actual',
      chosenBy: 'user',
      mergedWith: [1],
      rowsNotCounted: 10,
    })
  })

  it('refuses a value other than actual or amortized before touching the workspace', async () => {
    const ws = join(tempDir(), 'azure.focal')
    const wrong = await focal('import', ACTUAL, '-w', ws, '--azure-cost-view', 'both')
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--azure-cost-view takes actual or amortized, not "both".')
  })
})
