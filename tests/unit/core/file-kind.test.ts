import { describe, expect, it } from 'vitest'
import { kindOfBytes } from '../../../electron/core/ingest/file-kind'
import { reconcileTotals } from '../../../electron/core/ingest/reconcile'

describe('kindOfBytes', () => {
  it.each([
    ['PAR1\u0015\u0004', 'parquet'],
    ['\u001f\u008b\u0008', 'csv.gz'],
    ['PK\u0003\u0004', 'zip'],
    ['BilledCost,BillingCurrency\n1,USD', 'csv'],
    ['{"cost": 1.5, "currency": "USD"}\n{"cost": 2, "currency": "USD"}', 'jsonl'],
    ['\u0089PNG\r\n\u001a\n', 'unknown'],
    ['just one word', 'unknown'],
  ])('%j → %s', (bytes, kind) => {
    expect(kindOfBytes(Buffer.from(bytes, 'latin1'))).toBe(kind)
  })
})

describe('reconcileTotals', () => {
  it('flags a currency whose stored sum or row count differs from the source', () => {
    const totals = reconcileTotals(
      [
        { currency: 'USD', rows: 2, billed: '2.50', effective: '2.00' },
        { currency: 'EUR', rows: 1, billed: '1', effective: '1' },
      ],
      [
        { currency: 'USD', rows: 2, billed: '2.5000', effective: '2' },
        { currency: 'EUR', rows: 1, billed: '1.01', effective: '1' },
      ],
    )
    expect(totals.map((t) => [t.currency, t.reconciled])).toEqual([
      ['EUR', false],
      ['USD', true],
    ])
  })
})
