/** shared/allocate/rules-sql: rules compile to one CASE with quoted identifiers and bound values. */
import { describe, expect, it } from 'vitest'
import { periodCondition } from '../../../electron/core/allocate/lines'
import { parseRuleSet } from '../../../shared/allocate/parse-rules'
import { compileAssignment } from '../../../shared/allocate/rules-sql'
import { FocalFailure } from '../../../shared/contract'

const COLUMNS = new Set([
  'x_ImportId',
  'x_SourceRow',
  'ChargePeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ServiceName',
  'ResourceId',
  'ResourceName',
  'SubAccountId',
  'SubAccountName',
  'BillingCurrency',
  'BilledCost',
  'EffectiveCost',
  'CommitmentDiscountId',
  'CommitmentDiscountStatus',
  'ConsumedQuantity',
  'Tags',
])

function compile(rules: unknown[], pools: unknown[] = [], policies: unknown = {}) {
  const ruleSet = parseRuleSet({ policies, dimensions: [{ id: 'cc', rules, pools }] })
  return compileAssignment({
    ruleSet,
    dimension: ruleSet.dimensions[0]!,
    metric: 'BilledCost',
    period: '2024-09',
    columns: COLUMNS,
    periodCondition,
    mappingTable: 'allocation_mappings',
  })
}

describe('compileAssignment', () => {
  it('binds every user value and quotes every identifier', () => {
    const evil = `x'); DROP TABLE cost_rows; --`
    const { sql, params } = compile([
      { id: 'r1', when: [{ field: 'ServiceName', op: 'equals', value: evil }], then: evil },
      {
        id: 'r2',
        when: [{ field: 'tag:team"x', op: 'missing' }],
        then: { field: 'SubAccountName' },
      },
    ])
    expect(sql).not.toContain('DROP TABLE')
    expect(params).toContain(evil)
    expect(params).toContain('2024-09')
    expect(params).toContain('/team"x')
    expect(sql).toContain('CAST("ServiceName" AS VARCHAR) = $')
    expect(sql).toContain('json_extract_string("Tags", [$')
  })

  it('tests the rules in order, first match wins, in one CASE', () => {
    const { sql } = compile([
      { id: 'a', when: [{ field: 'ServiceName', op: 'prefix', value: 'AWS' }], then: 'A' },
      {
        id: 'b',
        when: [{ field: 'ServiceName', op: 'regex', pattern: 'S3', ignoreCase: true }],
        then: 'B',
      },
    ])
    const selector = /CASE WHEN (.*) THEN 1 WHEN (.*) THEN 2 ELSE 0 END AS "__sel"/.exec(sql)
    expect(selector?.[1]).toContain('starts_with(')
    expect(selector?.[2]).toContain('regexp_matches(CAST("ServiceName" AS VARCHAR), $')
    expect(selector?.[2]).toContain(", 'i')")
  })

  it('checks policies before the rules, in the stated order', () => {
    const { sql } = compile([{ id: 'a', then: 'A' }], [], {
      taxes: 'separate',
      refunds: 'proportional',
      commitments: 'withUsage',
    })
    const order = [
      '"ChargeCategory" = \'Tax\'',
      '"ChargeClass" = \'Correction\'',
      '"CommitmentDiscountStatus" = \'Unused\'',
      'THEN 4',
    ]
    const positions = order.map((s) => sql.indexOf(s))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((x, y) => x - y)).toEqual(positions)
  })

  it('joins a mapping once per (mapping, key field) and lets an empty lookup fall through', () => {
    const { sql } = compile([
      { id: 'a', then: { mapping: 'accounts', field: 'SubAccountId' } },
      {
        id: 'b',
        when: [{ field: 'ServiceName', op: 'in', values: ['x', 'y'] }],
        then: { mapping: 'accounts', field: 'SubAccountId' },
      },
    ])
    expect(sql.match(/LEFT JOIN/g)).toHaveLength(1)
    expect(sql).toContain('"__t0" IS NOT NULL THEN 1')
  })

  it('adds a driver column for a column-driven pool', () => {
    const { sql, driverColumns } = compile(
      [{ id: 'a', then: { pool: 'k8s' } }],
      [
        {
          id: 'k8s',
          method: 'driver',
          driver: {
            field: 'ConsumedQuantity',
            when: [{ field: 'ServiceName', op: 'equals', value: 'EKS' }],
          },
        },
      ],
    )
    expect(driverColumns.get('k8s')).toBe('__d0')
    expect(sql).toContain(
      'TRY_CAST(CAST("ConsumedQuantity" AS VARCHAR) AS DECIMAL(38,18)) END AS __d0',
    )
  })

  it('names the rule and field of a column the workspace does not have', () => {
    try {
      compile([
        { id: 'a', then: 'A' },
        { id: 'owner', when: [{ field: 'Owner', op: 'missing' }], then: 'B' },
      ])
      throw new Error('expected a failure')
    } catch (cause) {
      expect(cause).toBeInstanceOf(FocalFailure)
      expect((cause as FocalFailure).error.message).toBe(
        'dimension "cc", rule "owner" (#2), when[0], field "Owner": the workspace has no column "Owner".',
      )
    }
  })
})
