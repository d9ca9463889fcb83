/**
 * `focal commitments -w <ws> --period YYYY-MM [--as-of] [--json]` (commitments-command.ts,
 * commitment-rates-text.ts) on the FOCUS 1.3 golden Azure cost rows and their Contract
 * Commitment dataset: figures per CommitmentDiscountId against the CSV's own sums, the
 * default "as of" day, and the commitments ending within 30/60/90 days.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CommitmentRates } from '../../../shared/contract'
import { subtractDecimals, sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'

const COSTS = sample('focus-data-toolkit-golden/azure_1_3_cost_and_usage_rows100_seed42.csv')
const CONTRACTS = sample(
  'focus-data-toolkit-golden/azure_1_3_contract_commitment_rows100_seed42.csv',
)

function csvRows(path: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

async function workspace(): Promise<string> {
  const ws = join(tempDir(), 'rates.focal')
  expect((await focal('import', COSTS, CONTRACTS, '-w', ws)).code).toBe(0)
  return ws
}

describe('focal commitments --period', () => {
  it('gives each commitment discount its used, unused and utilization as the CSV sums them', async () => {
    const ws = await workspace()
    const run = await focal('commitments', '-w', ws, '--period', '2026-05', '--json')
    expect([run.code, run.stderr]).toEqual([0, ''])
    const rates = JSON.parse(run.stdout) as CommitmentRates
    const rows = csvRows(COSTS)
    const ids = [
      ...new Set(rows.filter((r) => r.CommitmentDiscountId).map((r) => r.CommitmentDiscountId!)),
    ]
    expect(rates.commitments.map((c) => c.id).sort()).toEqual(ids.sort())
    for (const c of rates.commitments) {
      const mine = rows.filter((r) => r.CommitmentDiscountId === c.id)
      const cost = (status: string): string =>
        sumDecimals(
          mine
            .filter((r) => r.ChargeCategory === 'Usage' && r.CommitmentDiscountStatus === status)
            .map((r) => r.EffectiveCost!),
        )
      expect([c.used, c.unused]).toEqual([cost('Used'), cost('Unused')])
      const contracted = sumDecimals(
        mine
          .filter((r) => r.ChargeCategory === 'Usage' && r.CommitmentDiscountStatus === 'Used')
          .map((r) => r.ContractedCost!),
      )
      expect(c.commitmentSavings).toBe(subtractDecimals(contracted, cost('Used')))
      expect(c.committed).toBe(sumDecimals([cost('Used'), cost('Unused')]))
      const purchases = mine
        .filter((r) => r.ChargeCategory === 'Purchase')
        .map((r) => r.BilledCost!)
      expect(c.purchasesBilled).toBe(sumDecimals(purchases))
      // The dataset holds every commitment of the cost rows: each has its term.
      expect(c.contract?.term).toBe('1 year')
    }
    const usage = rows.filter((r) => r.ChargeCategory === 'Usage')
    const [usd] = rates.totals
    expect(usd).toMatchObject({
      currency: 'USD',
      usageEffective: sumDecimals(usage.map((r) => r.EffectiveCost!)),
      usageList: sumDecimals(
        usage.filter((r) => r.CommitmentDiscountStatus !== 'Unused').map((r) => r.ListCost!),
      ),
    })
  })

  it('lists the contract commitments ending within 30/60/90 days of --as-of, and defaults it to the last charge day', async () => {
    const ws = await workspace()
    const lastDay = csvRows(COSTS)
      .map((r) => r.ChargePeriodStart!.slice(0, 10))
      .sort()
      .at(-1)
    const byDefault = JSON.parse(
      (await focal('commitments', '-w', ws, '--json')).stdout,
    ) as CommitmentRates
    expect([byDefault.period, byDefault.asOf]).toEqual(['2026-05', lastDay])
    // Every commitment of the sample runs a year from May 2026: none ends within 90 days then.
    expect(byDefault.terms.filter((t) => t.expiresWithin !== null)).toEqual([])

    const asOf = '2027-03-01'
    const run = await focal('commitments', '-w', ws, '--as-of', asOf, '--json')
    const rates = JSON.parse(run.stdout) as CommitmentRates
    const day = Date.parse(`${asOf}T00:00:00Z`)
    const expected = csvRows(CONTRACTS).flatMap((r) => {
      const left = Math.ceil((Date.parse(r.ContractCommitmentPeriodEnd!) - day) / 86_400_000)
      if (left < 0 || left > 90) return []
      return [[r.ContractCommitmentId, left, left <= 30 ? 30 : left <= 60 ? 60 : 90]]
    })
    expect(expected.length).toBeGreaterThan(0)
    expect(
      rates.terms
        .filter((t) => t.expiresWithin !== null)
        .map((t) => [t.id, t.daysLeft, t.expiresWithin]),
    ).toEqual(expected.sort((a, b) => Number(a[1]) - Number(b[1])))

    const text = await focal('commitments', '-w', ws, '--as-of', asOf)
    expect(text.stdout).toContain(`Contract commitments ending within 90 days of ${asOf}:`)
    expect(text.stdout).toContain('Utilization: FinOps Foundation commitment discount utilization')
  })

  it('refuses a period not written YYYY-MM (exit 2), and keeps focal commitments list', async () => {
    const ws = await workspace()
    const bad = await focal('commitments', '-w', ws, '--period', 'May 2026')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--period takes a month as YYYY-MM')
    const list = await focal('commitments', 'list', '-w', ws)
    expect([list.code, list.stdout]).toEqual([
      0,
      expect.stringContaining('Contract Commitment dataset: 10 commitments'),
    ])
  })
})
