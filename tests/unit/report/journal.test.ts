/** shared/report/journal: balanced double entry per currency, in cents, never with an empty account. */
import { describe, expect, it } from 'vitest'
import { sumDecimals } from '../../../shared/money'
import {
  buildJournal,
  buildReportModel,
  journalStatements,
  packReference,
  type JournalLine,
  type ReportFacts,
} from '../../../shared/report'

const base: ReportFacts = {
  kind: 'chargeback',
  period: '2024-09',
  metric: 'BilledCost',
  groupedBy: 'SubAccountName',
  company: null,
  workspace: 'w',
  generatedAt: '2024-10-01T08:30:05.123Z',
  topN: 5,
  current: [
    { target: 'A', currency: 'USD', amount: '1.005', lines: 3 },
    { target: 'B', currency: 'USD', amount: '2.005', lines: 1 },
    { target: 'C', currency: 'USD', amount: '-0.50', lines: 1 },
    { target: 'A', currency: 'EUR', amount: '7.125', lines: 2 },
  ],
  history: [],
  daily: [],
  services: [],
  resources: [],
  pools: [],
  periodTotals: [
    { currency: 'USD', amount: '2.51' },
    { currency: 'EUR', amount: '7.125' },
  ],
  imports: [],
  allocation: null,
  budgets: [],
}

const row = (j: JournalLine): string[] => [
  j.currency,
  j.account,
  j.costCenter,
  j.debit ?? '',
  j.credit ?? '',
]

describe('buildJournal', () => {
  const model = buildReportModel(base)
  const ledger = [
    { target: 'A', ledgerAccount: '6100', currency: 'USD', amount: '0.3355', lines: 1 },
    { target: 'A', ledgerAccount: '6150', currency: 'USD', amount: '0.6695', lines: 2 },
    { target: 'B', ledgerAccount: '6200', currency: 'USD', amount: '2.005', lines: 1 },
    { target: 'C', ledgerAccount: '6300', currency: 'USD', amount: '-0.50', lines: 1 },
    { target: 'A', ledgerAccount: '6100', currency: 'EUR', amount: '7.125', lines: 2 },
  ]

  it('debits each cost center, credits the invoice account, and balances per currency', () => {
    const journal = buildJournal(model, ledger, { reference: 'ref-1', creditAccount: '2100' })
    // A comes first (largest in EUR, the larger currency). B is larger in USD, so it wins the tie
    // for the last cent (2.005 → 2.01, 1.005 → 1.00); A's 1.00 splits over its two accounts by
    // their remainders; C's refund is a credit, never a negative debit.
    // USD: debits 2.01 + 0.67 + 0.33 = 3.01, credits 0.50 + invoice 2.51.
    expect(journal.lines.map(row)).toEqual([
      ['EUR', '6100', 'A', '7.13', ''],
      ['EUR', '2100', '', '', '7.13'],
      ['USD', '6100', 'A', '0.33', ''],
      ['USD', '6150', 'A', '0.67', ''],
      ['USD', '6200', 'B', '2.01', ''],
      ['USD', '6300', 'C', '', '0.50'],
      ['USD', '2100', '', '', '2.51'],
    ])
    expect(journal.balances).toEqual([
      { currency: 'EUR', debits: '7.13', credits: '7.13' },
      { currency: 'USD', debits: '3.01', credits: '3.01' },
    ])
    for (const b of journal.balances) {
      const lines = journal.lines.filter((l) => l.currency === b.currency)
      expect(sumDecimals(lines.map((l) => l.debit ?? '0'))).toBe(
        sumDecimals(lines.map((l) => l.credit ?? '0')),
      )
    }
    expect(journal.unposted).toEqual([])
    expect(journal.lines[0]).toMatchObject({
      date: '2024-09-30',
      period: '2024-09',
      reference: 'ref-1',
      description: 'Chargeback 2024-09 — Billed cost (invoice) — A',
    })
    expect(journalStatements(journal)).toEqual([
      'Journal balances: debits = credits = 7.13 EUR',
      'Journal balances: debits = credits = 3.01 USD',
    ])
  })

  it('takes accounts and codes from the mapping, and lists a cost center without an account as not posted', () => {
    const journal = buildJournal(model, ledger, {
      reference: 'r',
      creditAccount: '2100',
      mapping: [
        { target: 'A', ledgerAccount: '6900', costCenterCode: 'CC-A' },
        { target: 'B', ledgerAccount: null, costCenterCode: 'CC-B' },
      ],
    })
    expect(journal.lines.filter((l) => l.currency === 'USD').map(row)).toEqual([
      ['USD', '6900', 'CC-A', '1.00', ''],
      ['USD', '6300', 'C', '', '0.50'],
      ['USD', '2100', '', '', '0.50'],
    ])
    expect(journal.lines.every((l) => l.account !== '')).toBe(true)
    expect(journal.unposted).toEqual([
      { target: 'B', currency: 'USD', amount: '2.01', reason: 'no ledger account' },
    ])
    expect(journalStatements(journal)[2]).toBe(
      'Not posted, no ledger account: B 2.01 USD. Map them in the ledger mapping (target,ledger_account,cost_center_code).',
    )
  })

  it('sums a long list of unposted charges per currency instead of naming each', () => {
    const many: ReportFacts = {
      ...base,
      current: Array.from({ length: 10 }, (_, i) => ({
        target: `T${i}`,
        currency: i % 2 ? 'EUR' : 'USD',
        amount: `${i + 1}.10`,
        lines: 1,
      })),
      periodTotals: [
        { currency: 'EUR', amount: '30.5' },
        { currency: 'USD', amount: '25.5' },
      ],
    }
    const untagged = many.current.map((f) => ({ ...f, ledgerAccount: null }))
    const journal = buildJournal(buildReportModel(many), untagged, {
      reference: 'r',
      creditAccount: '2100',
    })
    // EUR: 2.10 + 4.10 + 6.10 + 8.10 + 10.10 = 30.50; USD: 1.10 + 3.10 + 5.10 + 7.10 + 9.10 = 25.50.
    expect(journalStatements(journal)).toEqual([
      'Not posted, no ledger account: 10 charges of 10 cost centers, 30.50 EUR and 25.50 USD (each listed in the manifest). Map them in the ledger mapping (target,ledger_account,cost_center_code).',
    ])
  })

  it('posts nothing without a credit account, and says so', () => {
    const journal = buildJournal(model, ledger, { reference: 'r', creditAccount: ' ' })
    expect(journal.lines).toEqual([])
    expect(journal.unposted.map((u) => [u.target, u.currency, u.amount, u.reason])).toContainEqual([
      'B',
      'USD',
      '2.01',
      'no credit account',
    ])
    expect(journalStatements(journal)).toEqual([
      'Not posted: no credit account is set for the cloud invoice. Set it on the Reports screen or with focal report --credit-account.',
    ])
  })

  it('refuses ledger facts that do not add up to the cost center', () => {
    expect(() =>
      buildJournal(
        model,
        [{ target: 'A', ledgerAccount: null, currency: 'USD', amount: '1', lines: 3 }],
        { reference: 'r', creditAccount: '2100' },
      ),
    ).toThrow(/do not add up/)
  })

  it('names the pack by kind, period and the moment it was generated', () => {
    expect(packReference(model)).toBe('chargeback-2024-09-20241001T083005Z')
  })
})
