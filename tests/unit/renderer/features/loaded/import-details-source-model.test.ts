/**
 * import-details-source-model: the AWS CUR delivery lines and the column mapping's rules as the
 * import-details drawer words them; each expected phrase is written out here, not built by Focal.
 */
import { describe, expect, it } from 'vitest'
import {
  assumedLine,
  deliveryPartLine,
  mappingRulesShown,
  missingPartsLine,
  ruleTransforms,
} from '../../../../../renderer/src/features/loaded/import-details-source-model'
import { chargebackMapping } from '../../../../helpers/chargeback-csv'

const part = {
  manifest: 'cur-Manifest.json',
  assemblyId: 'assembly-a',
  part: 2,
  parts: 3,
  incomplete: false,
  missing: [],
}

describe('deliveryPartLine and missingPartsLine', () => {
  it('names the part, the delivery and its manifest', () => {
    expect(deliveryPartLine(part)).toBe(
      'Part 2 of 3 of AWS CUR delivery assembly-a (cur-Manifest.json)',
    )
  })

  it('says nothing is missing of a complete delivery', () => {
    expect(missingPartsLine(part)).toBeNull()
  })

  it('names one missing part, and several', () => {
    expect(missingPartsLine({ ...part, incomplete: true, missing: ['cur-00003.csv.gz'] })).toBe(
      "Part cur-00003.csv.gz was missing when this delivery was imported (imported incomplete, on request), so the billing period's totals lack their rows; a later delivery of the period restates this one whole.",
    )
    expect(
      missingPartsLine({ ...part, incomplete: true, missing: ['a.csv.gz', 'b.csv.gz'] }),
    ).toMatch(/^Parts a\.csv\.gz, b\.csv\.gz were missing when/)
  })
})

describe('ruleTransforms', () => {
  it('lists every transform in the order the import applies them', () => {
    expect(
      ruleTransforms({
        column: 'When',
        trim: '€ ',
        date: '%d.%m.%Y',
        addDays: -1,
        addMonths: 2,
        monthStart: true,
      }),
    ).toEqual([
      'trim "€ "',
      'date format %d.%m.%Y',
      '-1 day',
      '+2 months',
      'first day of the month',
    ])
    expect(
      ruleTransforms({
        column: 'Cents',
        decimal: ',',
        thousands: "'",
        factor: '0.01',
        negate: true,
      }),
    ).toEqual(['decimal mark ","', 'thousands separator "\'"', '× 0.01', 'sign flipped'])
  })

  it('shows a long lookup by its first three entries and its size', () => {
    const lookup = { a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' }
    expect(ruleTransforms({ column: 'X', lookup })).toEqual([
      'lookup of 5 values ("a" → "A", "b" → "B", "c" → "C", and 2 more; other values kept as written)',
    ])
    expect(ruleTransforms({ column: 'X', lookup: { a: 'A' }, otherwise: 'Other' })).toEqual([
      'lookup of 1 value ("a" → "A"; other values → "Other")',
    ])
  })

  it('has no transform for a column read as written or a constant', () => {
    expect(ruleTransforms({ column: 'Service' })).toEqual([])
    expect(ruleTransforms({ constant: 'Usage' })).toEqual([])
  })
})

describe('mappingRulesShown', () => {
  it('gives one line per FOCUS column in the mapping order, then the Tags', () => {
    const shown = mappingRulesShown(chargebackMapping())
    expect(shown.map((r) => [r.target, r.source, r.transforms.join('; ')])).toEqual([
      ['BilledCost', 'Amount', 'decimal mark ","; thousands separator "."'],
      ['EffectiveCost', 'Amount', 'decimal mark ","; thousands separator "."'],
      ['BillingCurrency', 'Currency', ''],
      ['ChargePeriodStart', 'Date', 'date format %d.%m.%Y'],
      ['ChargePeriodEnd', 'Date', 'date format %d.%m.%Y; +1 day'],
      ['BillingPeriodStart', 'Date', 'date format %d.%m.%Y; first day of the month'],
      ['BillingPeriodEnd', 'Date', 'date format %d.%m.%Y; +1 month; first day of the month'],
      ['ChargeCategory', '"Usage" (constant)', ''],
      ['ServiceProviderName', '"Internal IT" (constant)', ''],
      ['ServiceName', 'Service', ''],
      [
        'ServiceCategory',
        'Service',
        'lookup of 3 values ("EC2" → "Compute", "S3" → "Storage", "Lambda" → "Compute"; other values → "Other")',
      ],
      ['SubAccountName', 'Team', ''],
      ['Tags', 'columns Team, Project', 'one tag per column'],
    ])
    expect(shown.filter((r) => r.fromConstant).map((r) => r.target)).toEqual([
      'ChargeCategory',
      'ServiceProviderName',
    ])
  })

  it('names a tag prefix', () => {
    const mapping = { ...chargebackMapping(), tags: { prefix: 'tag_' } }
    expect(mappingRulesShown(mapping).at(-1)?.source).toBe('columns starting with "tag_"')
  })
})

describe('assumedLine', () => {
  it('names each supplied value, and nothing when none was', () => {
    expect(assumedLine([])).toBeNull()
    expect(assumedLine([{ column: 'BillingCurrency', value: 'USD' }])).toBe(
      'BillingCurrency = USD on every row, as supplied at import: the file has no such column (fix VALUE_ASSUMED)',
    )
    expect(
      assumedLine([
        { column: 'BillingCurrency', value: 'USD' },
        { column: 'ChargeCategory', value: 'Usage' },
      ]),
    ).toBe(
      'BillingCurrency = USD, ChargeCategory = Usage on every row, as supplied at import: the file has no such columns (fix VALUE_ASSUMED)',
    )
  })
})
