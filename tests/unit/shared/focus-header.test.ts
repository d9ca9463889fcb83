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

  it('prefers ServiceProviderName over the deprecated ProviderName of a 1.3 file', () => {
    const mapping = mapFocusHeader(['ProviderName', 'ServiceProviderName'])
    expect(mapping.columns).toEqual([
      { index: 1, source: 'ServiceProviderName', target: 'ServiceProviderName', type: 'string' },
    ])
    expect(mapping.shadowed).toEqual(['ProviderName'])
  })

  it('never lets a source column overwrite provenance columns', () => {
    expect(mapFocusHeader(['x_ImportId']).columns[0]?.target).toBe('x_Source_ImportId')
  })
})
