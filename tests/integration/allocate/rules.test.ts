/** Rules on hand-made rows: first match wins, every condition, every target kind, hand-computed splits. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  allocateLines,
  dropLines,
  type AllocationResult,
} from '../../../electron/core/allocate/allocate'
import { UNALLOCATED } from '../../../electron/core/allocate/lines'
import { importMappingCsv } from '../../../electron/core/allocate/tables'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import type { RuleSet } from '../../../shared/allocate/rule-set'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { insertRows, teamRules, totalsByTarget, type HandRow } from './fixtures'

let ws: Workspace
beforeEach(async () => {
  ws = await freshWorkspace('rules')
})
afterEach(() => ws.close())

async function allocate(
  rows: readonly HandRow[],
  ruleSet: RuleSet,
): Promise<{
  totals: Record<string, string>
  pooled: Record<string, string>
  result: AllocationResult
}> {
  await insertRows(ws, rows)
  const result = await allocateLines(ws, { period: '2025-09', metric: 'BilledCost', ruleSet })
  const totals = await totalsByTarget(ws, result.table)
  const pooled = await totalsByTarget(ws, result.table, 'pool IS NOT NULL')
  await dropLines(ws, result.table)
  return { totals, pooled, result }
}

const tagged = (tags: object, cost: string, extra: HandRow = {}): HandRow => ({
  BilledCost: cost,
  Tags: JSON.stringify(tags),
  ...extra,
})

describe('rule order and conditions', () => {
  it('first match wins; what no rule matches is Unallocated', async () => {
    const { totals } = await allocate(
      [
        tagged({ team: 'web' }, '10', { ServiceName: 'Amazon S3' }),
        tagged({ team: 'api' }, '20', { ServiceName: 'Amazon EC2' }),
        { BilledCost: '5', ServiceName: 'Support' },
      ],
      teamRules([
        {
          id: 's3-first',
          when: [{ field: 'ServiceName', op: 'equals', value: 'Amazon S3' }],
          then: 'Storage',
        },
        {
          id: 'by-team',
          when: [{ field: 'tag:team', op: 'missing', not: true }],
          then: { field: 'tag:team' },
        },
      ]),
    )
    expect(totals).toEqual({ Storage: '10', api: '20', [UNALLOCATED]: '5' })
  })

  it('a field target that is empty for the row falls through to the next rule', async () => {
    const { totals } = await allocate(
      [tagged({ team: 'web' }, '1'), tagged({ team: '' }, '2'), tagged({ owner: 'x' }, '4')],
      teamRules([
        { id: 'team', then: { field: 'tag:team' } },
        { id: 'rest', then: 'Shared services' },
      ]),
    )
    expect(totals).toEqual({ web: '1', 'Shared services': '6' })
  })

  it('equals, in, prefix, regex, missing, not and ignoreCase', async () => {
    const rows = [
      { BilledCost: '1', ServiceName: 'amazon ec2' },
      { BilledCost: '2', ServiceName: 'Amazon RDS' },
      { BilledCost: '4', ServiceName: 'AWS Lambda' },
      { BilledCost: '8', ServiceName: 'Azure SQL Database' },
      { BilledCost: '16', ServiceName: null },
      { BilledCost: '32', ServiceName: 'Other' },
    ]
    const { totals } = await allocate(
      rows,
      teamRules([
        {
          id: 'eq',
          when: [{ field: 'ServiceName', op: 'equals', value: 'AMAZON EC2', ignoreCase: true }],
          then: 'eq',
        },
        {
          id: 'in',
          when: [{ field: 'ServiceName', op: 'in', values: ['Amazon RDS', 'x'] }],
          then: 'in',
        },
        {
          id: 'prefix',
          when: [{ field: 'ServiceName', op: 'prefix', value: 'AWS ' }],
          then: 'prefix',
        },
        {
          id: 'regex',
          when: [{ field: 'ServiceName', op: 'regex', pattern: 'sql', ignoreCase: true }],
          then: 'regex',
        },
        { id: 'missing', when: [{ field: 'ServiceName', op: 'missing' }], then: 'missing' },
        {
          id: 'not',
          when: [{ field: 'ServiceName', op: 'equals', value: 'Nothing', not: true }],
          then: 'not',
        },
      ]),
    )
    expect(totals).toEqual({ eq: '1', in: '2', prefix: '4', regex: '8', missing: '16', not: '32' })
  })

  it('all conditions of a rule must hold; a tag in invalid JSON counts as missing', async () => {
    const { totals } = await allocate(
      [
        tagged({ team: 'web', env: 'prod' }, '1'),
        tagged({ team: 'web', env: 'dev' }, '2'),
        { BilledCost: '4', Tags: '{not json' },
      ],
      teamRules([
        {
          id: 'web-prod',
          when: [
            { field: 'tag:team', op: 'equals', value: 'web' },
            { field: 'tag:env', op: 'equals', value: 'prod' },
          ],
          then: 'Web production',
        },
        { id: 'untagged', when: [{ field: 'tag:team', op: 'missing' }], then: 'Untagged' },
      ]),
    )
    expect(totals).toEqual({ 'Web production': '1', [UNALLOCATED]: '2', Untagged: '4' })
  })

  it('a mapping table turns an account into a cost center; unmapped accounts fall through', async () => {
    const csv = join(tempDir(), 'accounts.csv')
    writeFileSync(csv, 'account,cost center\n111,CC-100\n222, CC-200 \n')
    expect(await importMappingCsv(ws, 'accounts', csv)).toMatchObject({ rows: 2, kind: 'mapping' })
    const { totals, result } = await allocate(
      [
        { BilledCost: '1', SubAccountId: '111' },
        { BilledCost: '2', SubAccountId: '222' },
        { BilledCost: '4', SubAccountId: '333' },
      ],
      teamRules([{ id: 'cc', then: { mapping: 'accounts', field: 'SubAccountId' } }]),
    )
    expect(totals).toEqual({ 'CC-100': '1', 'CC-200': '2', [UNALLOCATED]: '4' })
    expect(result.inputs).toEqual([
      {
        kind: 'mapping',
        name: 'accounts',
        rows: 2,
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ])
  })

  it('names the rule that needs a mapping table the workspace does not have', async () => {
    await insertRows(ws, [{ BilledCost: '1' }])
    await expect(
      allocateLines(ws, {
        period: '2025-09',
        metric: 'BilledCost',
        ruleSet: teamRules([{ id: 'cc', then: { mapping: 'nope', field: 'SubAccountId' } }]),
      }),
    ).rejects.toThrow('Dimension "team", rule "cc" (#1): no mapping table "nope" in the workspace.')
  })
  it('names the rule of a pattern RE2 refuses, and refuses a period without rows', async () => {
    await insertRows(ws, [{ BilledCost: '1', ServiceName: 'x' }])
    const lookahead = teamRules([
      { id: 'ok', when: [{ field: 'ServiceName', op: 'regex', pattern: '^x$' }], then: 'A' },
      { id: 'ahead', when: [{ field: 'ServiceName', op: 'regex', pattern: 'x(?=y)' }], then: 'B' },
    ])
    await expect(
      allocateLines(ws, { period: '2025-09', metric: 'BilledCost', ruleSet: lookahead }),
    ).rejects.toThrow(/^Dimension "team", rule "ahead" \(#2\), when\[0\]\.pattern: /)
    await expect(
      allocateLines(ws, { period: '2025-10', metric: 'BilledCost', ruleSet: teamRules([]) }),
    ).rejects.toThrow('The workspace has no cost rows in 2025-10.')
  })
})

describe('shared-cost pools, hand-computed', () => {
  const direct = [
    tagged({ team: 'web' }, '700', { ConsumedQuantity: '10', ServiceName: 'EKS' }),
    tagged({ team: 'api' }, '200', { ConsumedQuantity: '30', ServiceName: 'EKS' }),
    tagged({ team: 'ops' }, '100', { ConsumedQuantity: '60', ServiceName: 'Other' }),
  ]
  const support = { BilledCost: '10.00', ServiceName: 'Support' }
  const rules = [
    {
      id: 'support',
      when: [{ field: 'ServiceName', op: 'equals', value: 'Support' }],
      then: { pool: 'p' },
    },
    { id: 'team', then: { field: 'tag:team' } },
  ]
  const shares = async (pool: object): Promise<Record<string, string>> =>
    (await allocate([...direct, support], teamRules(rules, [{ id: 'p', ...pool }]))).pooled

  it('even: 10.00 three ways → 3.33, 3.33, 3.34 (the cent to the last target by name, web)', async () => {
    expect(await shares({ method: 'even' })).toEqual({ api: '3.33', ops: '3.33', web: '3.34' })
  })

  it('proportional to direct cost 700/200/100 → 7.00, 2.00, 1.00', async () => {
    expect(await shares({ method: 'proportional' })).toEqual({ api: '2', ops: '1', web: '7' })
  })

  it('fixed 50/25/25 → 5.00, 2.50, 2.50', async () => {
    expect(await shares({ method: 'fixed', percentages: { web: 50, api: 25, ops: 25 } })).toEqual({
      api: '2.5',
      ops: '2.5',
      web: '5',
    })
  })

  it('driver column: ConsumedQuantity of EKS rows 10/30 → 2.50, 7.50 (ops has no EKS usage)', async () => {
    const pool = {
      method: 'driver',
      driver: {
        field: 'ConsumedQuantity',
        when: [{ field: 'ServiceName', op: 'equals', value: 'EKS' }],
      },
    }
    expect(await shares(pool)).toEqual({ api: '7.5', web: '2.5' })
  })

  it('a pool nobody can share stays in Unallocated, with the reason', async () => {
    const { totals, result } = await allocate(
      [support],
      teamRules(rules, [{ id: 'p', method: 'proportional' }]),
    )
    expect(totals).toEqual({ [UNALLOCATED]: '10' })
    expect(result.pools[0]).toMatchObject({
      pool: 'p',
      unsplit: 'no target has a positive weight (direct cost)',
    })
    expect(result.coverage.currencies[0]).toMatchObject({ percent: '0.00', meetsTarget: false })
  })

  it('Unallocated is shown even when everything is allocated', async () => {
    const { result } = await allocate(direct, teamRules(rules, [{ id: 'p', method: 'even' }]))
    expect(result.summary.at(-1)).toEqual({
      currency: 'USD',
      target: UNALLOCATED,
      direct: '0',
      shared: '0',
      total: '0',
      lines: 0,
    })
    expect(result.coverage.currencies[0]).toMatchObject({ percent: '100.00', meetsTarget: true })
  })
})
