/** validateFile on FOCUS Contract Commitment datasets: checked as their own dataset, not as a cost file. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateFile } from '../../../electron/core/validate/validate-file'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'

describe('validateFile: Contract Commitment', () => {
  it.each(['aws', 'azure', 'gcp'])(
    'passes the focus-data-toolkit %s 1.3 Contract Commitment golden file',
    async (provider) => {
      const name = `${provider}_1_3_contract_commitment_rows100_seed42.csv`
      const path = sample(`focus-data-toolkit-golden/${name}`)
      const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
      const v = await validateFile(path, name)
      expect(v).toMatchObject({
        dataset: 'ContractCommitment',
        focusVersion: '1.3',
        rows: rows.length,
        errors: 0,
        warnings: 0,
        error: null,
      })
      // The 13 columns of the 1.3 dataset are all there, and a cost column is not asked for.
      const present = v.rules.filter((r) => r.check === 'presence').map((r) => r.column)
      expect(present.sort()).toEqual([...header].sort())
      expect(present).toHaveLength(13)
      expect(v.rules.map((r) => r.rule)).not.toContain('BilledCost.Present')
    },
  )

  it('counts a wrong category, a period that ends first and a 1.4 rule; a 1.4 file lacks the 1.4 columns', async () => {
    const path = join(tempDir(), 'commitments.csv')
    writeFileSync(
      path,
      [
        'ContractCommitmentId,ContractId,ContractCommitmentCategory,ContractCommitmentPeriodStart,ContractCommitmentPeriodEnd,ContractCommitmentModel,ContractCommitmentFulfillmentInterval,ContractCommitmentCost',
        'cc-1,c-1,Spend,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,Continuous,Monthly,100',
        'cc-2,c-1,Spending,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,Continuous,Full Period,100',
        'cc-3,c-1,Usage,2027-01-01T00:00:00Z,2026-01-01T00:00:00Z,Discontinuous,Full Period,"1,000"',
        'cc-4,c-1,,2026-01-01T00:00:00Z,2027-01-01T00:00:00Z,Discontinuous,Annual,',
      ].join('\n') + '\n',
    )
    const v = await validateFile(path, 'commitments.csv')
    expect(v).toMatchObject({ dataset: 'ContractCommitment', focusVersion: '1.4', rows: 4 })
    const rule = (id: string) => v.rules.find((r) => r.rule === id)
    expect(rule('ContractCommitmentCategory.Allowed')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 2, value: 'Spending' }],
    })
    expect(rule('ContractCommitmentCategory.NotNull')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 4, value: null }],
    })
    expect(rule('ContractCommitmentPeriod.Order')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 3, value: '2026-01-01T00:00:00Z' }],
    })
    expect(rule('ContractCommitmentFulfillmentInterval.Continuous')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 2, value: 'Full Period' }],
    })
    expect(rule('ContractCommitmentCost.Type')).toMatchObject({
      failingRows: 1,
      samples: [{ row: 3, value: '1,000' }],
    })
    // ContractCommitmentCost may be null (the commitment is a quantity).
    expect(rule('ContractCommitmentCost.NotNull')).toBeUndefined()
    const missing = v.rules.filter((r) => r.check === 'presence' && !r.passed).map((r) => r.column)
    expect(missing).toContain('ContractCommitmentLifecycleStatus')
    expect(missing).toContain('BillingCurrency')
    expect(missing).not.toContain('ContractCommitmentModel')
  })
})
