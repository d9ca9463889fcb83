/** commitmentMapping: a Contract Commitment header's dataset columns, typed, and the others kept aside. */
import { describe, expect, it } from 'vitest'
import { commitmentMapping } from '../../../../electron/core/commitments/commitment-mapping'

describe('commitmentMapping', () => {
  it('types the dataset columns, keeps x_ and unknown columns for x_Extra, strips a BOM', () => {
    const { mapping, extra } = commitmentMapping([
      '\ufeffContractCommitmentId',
      'ContractId',
      'ContractCommitmentCost',
      'ContractCommitmentPeriodStart',
      'x_Team',
      'Notes',
    ])
    expect(mapping.version).toBe('1.3')
    expect(mapping.columns).toEqual([
      { index: 0, source: 'ContractCommitmentId', target: 'ContractCommitmentId', type: 'string' },
      { index: 1, source: 'ContractId', target: 'ContractId', type: 'string' },
      {
        index: 2,
        source: 'ContractCommitmentCost',
        target: 'ContractCommitmentCost',
        type: 'decimal',
      },
      {
        index: 3,
        source: 'ContractCommitmentPeriodStart',
        target: 'ContractCommitmentPeriodStart',
        type: 'datetime',
      },
    ])
    expect(extra.map((c) => [c.index, c.source])).toEqual([
      [4, 'x_Team'],
      [5, 'Notes'],
    ])
    expect(mapping.duplicates).toEqual([])
  })

  it('is 1.4 with a 1.4 column, JSON typed as JSON; a name used twice is a duplicate', () => {
    const { mapping } = commitmentMapping([
      'ContractCommitmentId',
      'ContractId',
      'ContractCommitmentApplicability',
      'contractcommitmentid',
    ])
    expect(mapping.version).toBe('1.4')
    expect(mapping.columns.map((c) => [c.target, c.type])).toEqual([
      ['ContractCommitmentId', 'string'],
      ['ContractId', 'string'],
      ['ContractCommitmentApplicability', 'json'],
    ])
    expect(mapping.duplicates).toEqual([
      {
        index: 3,
        source: 'contractcommitmentid',
        target: 'contractcommitmentid',
        clashesWith: 'ContractCommitmentId',
      },
    ])
  })
})
