/** The built `focal` command on a Contract Commitment dataset: the import line, and `focal commitments list`. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CommitmentList } from '../../../shared/contract'
import { subtractDecimals, sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'

const AZURE = sample('focus-data-toolkit-golden/azure_1_3_contract_commitment_rows100_seed42.csv')

describe('focal and the Contract Commitment dataset', () => {
  it('says what it imported, and lists the commitments as text and JSON', async () => {
    const ws = join(tempDir(), 'commitments.focal')
    const cost = csvSums(AZURE, 'ContractCommitmentCost').USD!
    const imported = await focal('import', AZURE, '-w', ws)
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('format focus-contract-commitment/csv, FOCUS 1.3, 10 rows')
    expect(imported.stdout).toContain(
      `  Contract Commitment dataset: ${cost.rows} commitments, total ${cost.sum} USD`,
    )
    expect(imported.stdout).not.toContain('BilledCost')

    const listed = await focal('commitments', 'list', '-w', ws, '--json')
    expect(listed.code).toBe(0)
    const list = JSON.parse(listed.stdout) as CommitmentList & { ok: boolean }
    expect(list.ok).toBe(true)
    expect(list.totals).toEqual([{ currency: 'USD', commitments: 10, cost: cost.sum }])
    const [header = [], ...rows] = parseCsv(readFileSync(AZURE, 'utf8'))
    const byId = new Map(list.commitments.map((c) => [c.id, c]))
    for (const row of rows) {
      const at = (name: string): string => row[header.indexOf(name)] ?? ''
      expect(byId.get(at('ContractCommitmentId'))).toMatchObject({
        type: at('ContractCommitmentType'),
        category: at('ContractCommitmentCategory'),
        start: at('ContractCommitmentPeriodStart'),
        end: at('ContractCommitmentPeriodEnd'),
        currency: 'USD',
        fileName: 'azure_1_3_contract_commitment_rows100_seed42.csv',
      })
    }

    // A restated file: one commitment's cost changes, and the import says by how much.
    const costAt = header.indexOf('ContractCommitmentCost')
    const restated = join(tempDir(), 'restated.csv')
    const lines = readFileSync(AZURE, 'utf8').split('\n')
    const first = lines[1]!.split(',')
    first[costAt] = '2300'
    writeFileSync(restated, [lines[0], first.join(','), ...lines.slice(2)].join('\n'))
    const again = await focal('import', restated, '-w', ws)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('  supersedes import #1 in the commitments they share:')
    const difference = subtractDecimals('2300', rows[0]![costAt]!)
    expect(again.stdout).toContain(
      `    USD: 0 commitments added, 0 removed, 1 changed; ContractCommitmentCost +${difference}`,
    )

    const text = await focal('commitments', 'list', '-w', ws)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^id\s+type\s+category\s+start\s+end\s+cost\s+quantity$/m)
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(
      `Contract Commitment dataset: 10 commitments, total ${sumDecimals([cost.sum, difference])} USD`,
    )
  })

  it('says when no dataset is imported, and refuses a wrong action', async () => {
    const ws = join(tempDir(), 'empty.focal')
    const cost = sample('focus-data-toolkit-golden/gcp_1_2_cost_and_usage_rows100_seed42.csv')
    expect((await focal('import', cost, '-w', ws)).code).toBe(0)
    expect((await focal('commitments', 'list', '-w', ws)).stdout.trim()).toBe(
      'No Contract Commitment dataset is imported.',
    )
    const wrong = await focal('commitments', 'show', '-w', ws)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain(
      'focal commitments has no action "show": give --period YYYY-MM, or list.',
    )
  })
})
