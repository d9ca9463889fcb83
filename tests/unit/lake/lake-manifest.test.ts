/** lake-manifest.ts: partition values read from DuckDB's folder names, and exact totals merged per currency. */
import { describe, expect, it } from 'vitest'
import {
  mergeTotals,
  partitionValues,
  sameTotals,
  toTotals,
} from '../../../electron/core/lake/lake-manifest'

describe('partitionValues', () => {
  it('decodes URL-encoded values and reads the Hive default partition as no value', () => {
    expect(
      partitionValues('BillingPeriod=2024-09/ProviderName=..%2F..%2FData%2Fdog%20x%3Dy%25'),
    ).toEqual({ BillingPeriod: '2024-09', ProviderName: '../../Data/dog x=y%' })
    expect(partitionValues('BillingPeriod=__HIVE_DEFAULT_PARTITION__')).toEqual({
      BillingPeriod: null,
    })
    expect(partitionValues('')).toEqual({})
  })
})

describe('mergeTotals', () => {
  const row = (currency: string | null, rows: number, billed: string) =>
    toTotals({
      currency,
      rows: String(rows),
      BilledCost: billed,
      EffectiveCost: billed,
      ListCost: null,
      ContractedCost: '0.000000000000000000',
    })

  it('adds the same currency exactly, beyond a double, and keeps rows without a currency apart', () => {
    const merged = mergeTotals([
      row('USD', 2, '0.100000000000000001'),
      row(null, 1, '5'),
      row('USD', 1, '9007199254740993.2'),
      row('EUR', 1, '-1.50'),
    ])
    expect(merged).toEqual([
      {
        currency: 'EUR',
        rows: 1,
        BilledCost: '-1.5',
        EffectiveCost: '-1.5',
        ListCost: '0',
        ContractedCost: '0',
      },
      {
        currency: 'USD',
        rows: 3,
        BilledCost: '9007199254740993.300000000000000001',
        EffectiveCost: '9007199254740993.300000000000000001',
        ListCost: '0',
        ContractedCost: '0',
      },
      {
        currency: null,
        rows: 1,
        BilledCost: '5',
        EffectiveCost: '5',
        ListCost: '0',
        ContractedCost: '0',
      },
    ])
    expect(sameTotals(merged, [row('USD', 3, '9007199254740993.300000000000000001')])).toBe(false)
  })
})
