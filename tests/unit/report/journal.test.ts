/** shared/report/journal: ledger lines in cents that add up to each cost center and to the total. */
import { describe, expect, it } from 'vitest'
import { sumDecimals } from '../../../shared/money'
import { buildJournal, buildReportModel, type ReportFacts } from '../../../shared/report'

const base: ReportFacts = {
  kind: 'chargeback',
  period: '2024-09',
  metric: 'BilledCost',
  groupedBy: 'SubAccountName',
  company: null,
  workspace: 'w',
  generatedAt: '2024-10-01T00:00:00.000Z',
  topN: 5,
  current: [
    { target: 'A', currency: 'USD', amount: '1.005', lines: 3 },
    { target: 'B', currency: 'USD', amount: '2.005', lines: 1 },
  ],
  history: [],
  daily: [],
  services: [],
  resources: [],
  pools: [],
  periodTotals: [{ currency: 'USD', amount: '3.01' }],
  imports: [],
  allocation: null,
  budgets: [],
}

describe('buildJournal', () => {
  it('splits each cost center over its ledger accounts without losing a cent', () => {
    const model = buildReportModel(base)
    const journal = buildJournal(model, [
      { target: 'A', ledgerAccount: '6100', currency: 'USD', amount: '0.3355', lines: 1 },
      { target: 'A', ledgerAccount: null, currency: 'USD', amount: '0.6695', lines: 2 },
      { target: 'B', ledgerAccount: '6200', currency: 'USD', amount: '2.005', lines: 1 },
    ])
    // B is larger, so it comes first and wins the tie for the last cent (2.005 → 2.01, 1.005 → 1.00);
    // A's 1.00 then splits over its two accounts by their remainders.
    expect(journal.map((j) => [j.costCenter, j.ledgerAccount, j.amount, j.exact])).toEqual([
      ['B', '6200', '2.01', '2.005'],
      ['A', '', '0.67', '0.6695'],
      ['A', '6100', '0.33', '0.3355'],
    ])
    expect(sumDecimals(journal.map((j) => j.amount))).toBe('3.01')
    for (const t of model.targets) {
      const charged = t.amounts[0]?.charged ?? '0'
      const posted = journal.filter((j) => j.costCenter === t.target).map((j) => j.amount)
      expect(sumDecimals(posted)).toBe(charged)
    }
    expect(journal[0]).toMatchObject({
      period: '2024-09',
      currency: 'USD',
      description: 'Chargeback 2024-09 — Billed cost (invoice)',
    })
  })

  it('refuses ledger facts that do not add up to the cost center', () => {
    const model = buildReportModel(base)
    expect(() =>
      buildJournal(model, [
        { target: 'A', ledgerAccount: null, currency: 'USD', amount: '1', lines: 3 },
      ]),
    ).toThrow(/do not add up/)
  })
})
