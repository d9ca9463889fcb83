import { describe, expect, it } from 'vitest'
import { mapFocusHeader } from '../../../shared/formats/focus-header'
import { detectFocusVersion } from '../../../shared/focus'

describe('detectFocusVersion', () => {
  it.each([
    [['BilledCost', 'ServiceProviderName', 'InvoiceDetailId'], '1.4'],
    [['BilledCost', 'ServiceProviderName'], '1.4'],
    [['BilledCost', 'ProviderName', 'ServiceProviderName', 'HostProviderName'], '1.3'],
    [['BilledCost', 'ProviderName', 'InvoiceId'], '1.2'],
    [['BilledCost', 'ProviderName', 'SkuMeter'], '1.1'],
    [['BilledCost', 'ProviderName', 'ChargeClass'], '1.0'],
    [['BilledCost', 'ProviderName', 'UsageQuantity'], '1.0-preview'],
    [['BilledCost', 'AmortizedCost', 'ChargeType'], '0.5'],
  ])('%j is FOCUS %s', (header, version) => {
    expect(detectFocusVersion(header)).toBe(version)
  })
})

describe('mapFocusHeader', () => {
  it('renames old columns, keeps others as x_ columns and names missing required ones', () => {
    const mapping = mapFocusHeader(['AmortizedCost', 'Provider', 'Id', 'x_Custom', 'BilledCost'])
    expect(mapping.columns.map((c) => [c.index, c.source, c.target, c.type])).toEqual([
      [0, 'AmortizedCost', 'EffectiveCost', 'decimal'],
      [1, 'Provider', 'ServiceProviderName', 'string'],
      [2, 'Id', 'x_Id', 'string'],
      [3, 'x_Custom', 'x_Custom', 'string'],
      [4, 'BilledCost', 'BilledCost', 'decimal'],
    ])
    expect(mapping.missing).toEqual(['BillingCurrency', 'ChargePeriodStart', 'ChargePeriodEnd'])
  })

  it('fills ServiceProviderName from its own column and keeps the deprecated ProviderName as x_ProviderName', () => {
    const mapping = mapFocusHeader(['ProviderName', 'ServiceProviderName'])
    expect(mapping.columns).toEqual([
      {
        index: 0,
        source: 'ProviderName',
        target: 'x_ProviderName',
        type: 'string',
        supersededBy: 'ServiceProviderName',
      },
      { index: 1, source: 'ServiceProviderName', target: 'ServiceProviderName', type: 'string' },
    ])
    expect(mapping.duplicates).toEqual([])
  })

  it('keeps AmortizedCost beside EffectiveCost as x_AmortizedCost, whatever the order', () => {
    for (const header of [
      ['AmortizedCost', 'EffectiveCost'],
      ['EffectiveCost', 'AmortizedCost'],
    ]) {
      const mapping = mapFocusHeader(header)
      expect(Object.fromEntries(mapping.columns.map((c) => [c.source, c.target]))).toEqual({
        EffectiveCost: 'EffectiveCost',
        AmortizedCost: 'x_AmortizedCost',
      })
      expect(mapping.duplicates).toEqual([])
    }
  })

  it('names a column used twice (names are case-insensitive) as a duplicate', () => {
    const mapping = mapFocusHeader([
      'BilledCost',
      'Team',
      'BilledCost',
      'team',
      'ProviderName',
      'ProviderName',
    ])
    expect(mapping.duplicates).toEqual([
      { index: 2, source: 'BilledCost', target: 'BilledCost', clashesWith: 'BilledCost' },
      { index: 3, source: 'team', target: 'team', clashesWith: 'Team' },
      { index: 5, source: 'ProviderName', target: 'ProviderName', clashesWith: 'ProviderName' },
    ])
    expect(mapping.columns.map((c) => c.index)).toEqual([0, 1, 4])
  })

  it("names a provider column that would land on another column's x_ name as a duplicate", () => {
    expect(mapFocusHeader(['Id', 'x_Id']).duplicates).toEqual([
      { index: 1, source: 'x_Id', target: 'x_Id', clashesWith: 'Id' },
    ])
  })

  it('never lets a source column overwrite provenance columns', () => {
    expect(mapFocusHeader(['x_ImportId']).columns[0]?.target).toBe('x_Source_ImportId')
    expect(mapFocusHeader(['Extra']).columns[0]?.target).toBe('x_Source_Extra')
    // DuckDB names are case-insensitive, so the check is too.
    expect(mapFocusHeader(['x_sourcerow']).columns[0]?.target).toBe('x_Source_sourcerow')
  })
})
