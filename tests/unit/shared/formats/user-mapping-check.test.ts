/** Column-mapping files checked (shared/formats/user-mapping-check.ts): each problem names its field and what to do. */
import { describe, expect, it } from 'vitest'
import { FocalFailure } from '../../../../shared/contract'
import { checkUserMapping, parseUserMapping } from '../../../../shared/formats/user-mapping-check'
import { chargebackMapping } from '../../../helpers/chargeback-csv'

/** The problems a mapping is refused with (and that it is refused as BAD_MAPPING naming the file). */
function problems(json: unknown): string[] {
  try {
    checkUserMapping(json, 'team.json')
  } catch (cause) {
    if (!(cause instanceof FocalFailure)) throw cause
    expect(cause.error.code).toBe('BAD_MAPPING')
    expect(cause.error.location?.file).toBe('team.json')
    expect(cause.error.message.startsWith('team.json is not a usable column mapping: ')).toBe(true)
    return (cause.error.details?.problems as string[]) ?? []
  }
  return []
}

const good = chargebackMapping()

describe('checkUserMapping', () => {
  it('accepts a well-made mapping as it is', () => {
    expect(checkUserMapping(good, 'team.json')).toEqual(good)
  })

  it('lists the required FOCUS columns a mapping leaves unfilled', () => {
    const { BilledCost: _b, ChargePeriodEnd: _e, ...columns } = good.columns
    expect(problems({ ...good, columns })).toEqual([
      'The mapping does not fill the required FOCUS columns BilledCost, ChargePeriodEnd: map each to a source column or a constant.',
    ])
  })

  it('names a misspelt FOCUS column, a source column not in the header and a transform of the wrong kind', () => {
    const columns = {
      ...good.columns,
      BilledCosts: { column: 'Amount' },
      ServiceName: { column: 'Servce' },
      SubAccountName: { column: 'Team', decimal: ',' },
    }
    expect(problems({ ...good, columns })).toEqual([
      'columns.ServiceName.column: "Servce" is not in the mapping\'s header (Date, Team, Amount, Currency, Service, Project); name a column of the file.',
      'columns.SubAccountName: decimal reads number, but SubAccountName is not a number column; remove it.',
      'columns.BilledCosts: "BilledCosts" is not a FOCUS 1.4 column; use a FOCUS column name as the spec spells it (e.g. BilledCost) or an x_ name for a column of your own.',
    ])
  })

  it('refuses both or neither of column and constant, transforms on a constant, and money from a constant', () => {
    const columns = {
      ...good.columns,
      ChargeCategory: { column: 'Service', constant: 'Usage' },
      ServiceName: {},
      ServiceProviderName: { constant: 'IT', trim: ' ' },
      EffectiveCost: { constant: '0' },
    }
    const listed = problems({ ...good, columns })
    expect(listed).toHaveLength(4)
    expect(listed).toContain(
      'columns.ChargeCategory: give either "column" (a source column) or "constant" (a value), not both or neither.',
    )
    expect(listed).toContain(
      'columns.ServiceName: give either "column" (a source column) or "constant" (a value), not both or neither.',
    )
    expect(listed).toContain(
      'columns.ServiceProviderName: a constant takes no transforms (trim); remove them.',
    )
    expect(listed).toContain(
      'columns.EffectiveCost: money must come from a source column, so its total can be checked against the file; name the column.',
    )
  })

  it('says what a wrong shape should be: version, unknown fields, factor, tags, types', () => {
    const listed = problems({
      ...good,
      focalMapping: 2,
      color: 'blue',
      columns: { ...good.columns, BilledCost: { column: 'Amount', factor: '1/100' } },
      tags: { prefix: 'x', columns: [] },
      header: 'Date;Team',
    })
    expect(listed).toEqual(
      expect.arrayContaining([
        'focalMapping: this Focal reads mapping files of version 1; set "focalMapping": 1.',
        'The mapping: unknown field color; remove it (see the README for the fields a mapping takes).',
        'columns.BilledCost.factor: must be a decimal number with up to 6 decimals written as text, such as "0.01" or "100".',
        'tags: must be {"prefix": "<text>"} or {"columns": ["<source column>", …]}.',
        'header: must be a list.',
      ]),
    )
  })

  it('refuses a currency column with transforms (totals are checked per currency as written)', () => {
    const columns = {
      ...good.columns,
      BillingCurrency: { column: 'Currency', lookup: { '€': 'EUR' } },
    }
    expect(problems({ ...good, columns })).toEqual([
      'columns.BillingCurrency: takes a source column as written or a constant, without transforms (totals are checked per currency as the file writes it); remove them.',
    ])
  })
})

describe('parseUserMapping', () => {
  it('refuses text that is not JSON, naming the file', () => {
    expect(() => parseUserMapping('{"focalMapping": 1,', 'team.json')).toThrow(
      /^team\.json is not JSON/,
    )
  })

  it('reads a file saved with a byte order mark', () => {
    expect(parseUserMapping(`\ufeff${JSON.stringify(good)}`, 'team.json')).toEqual(good)
  })
})
