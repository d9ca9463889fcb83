/**
 * core/compliance/compliance-report on a real imported file tagged by hand (fixture.ts):
 * the compliant share per currency, by owner, account and service, the resources to fix,
 * the trend, scope and patterns. Expected figures are typed from the fixture's hand
 * annotations (the percentages worked out on paper), never read from the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  complianceReport,
  type ComplianceInput,
} from '../../../electron/core/compliance/compliance-report'
import { importFile } from '../../../electron/core/ingest/import-file'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { DEFAULT_COMPLIANCE_POLICY, type CompliancePolicy } from '../../../shared/compliance/policy'
import { sumDecimals } from '../../../shared/money'
import { freshWorkspace } from '../../helpers/workspace'
import { COMPLIANCE_ROWS, TEST_POLICY, writeComplianceFile, type ComplianceRow } from './fixture'

let ws: Workspace

beforeAll(async () => {
  ws = await freshWorkspace('compliance')
  const record = await importFile(ws, writeComplianceFile())
  expect([record.status, record.error?.message]).toEqual(['imported', undefined])
})
afterAll(() => ws.close())

function input(
  policy: CompliancePolicy = TEST_POLICY,
  period: string | null = '2024-09',
): ComplianceInput {
  return { period, metric: 'BilledCost', policy, policySource: 'draft', policyVersion: null }
}

/** In-scope cost, compliant cost and row counts of `rows` per currency, from the annotations. */
function oracle(
  rows: readonly ComplianceRow[],
  by: (r: ComplianceRow) => string,
): Record<string, { cost: string; compliant: string; rows: number; compliantRows: number }> {
  const out: Record<string, ComplianceRow[]> = {}
  for (const r of rows) (out[`${by(r)}|${r.currency}`] ??= []).push(r)
  return Object.fromEntries(
    Object.entries(out).map(([k, list]) => [
      k,
      {
        cost: sumDecimals(list.map((r) => r.billed)),
        compliant: sumDecimals(list.filter((r) => r.compliant).map((r) => r.billed)),
        rows: list.length,
        compliantRows: list.filter((r) => r.compliant).length,
      },
    ]),
  )
}

const september = COMPLIANCE_ROWS.filter((r) => r.period === '2024-09')

describe('complianceReport', () => {
  it('gives the compliant share of BilledCost per currency, exactly', async () => {
    const report = await complianceReport(ws, input())
    expect(report.period).toBe('2024-09')
    expect(report.periods).toEqual(['2024-09', '2024-10'])
    // USD: 100.10 + 50.05 + 20 compliant of 224.795 → 75.6911…% ; EUR: 40 of 50 → 80%.
    expect(report.totals).toEqual([
      {
        currency: 'EUR',
        cost: '50',
        compliant: '40',
        percent: '80.00',
        rows: 2,
        compliantRows: 1,
        outOfScope: '0',
      },
      {
        currency: 'USD',
        cost: '224.795',
        compliant: '170.15',
        percent: '75.69',
        rows: 8,
        compliantRows: 3,
        outOfScope: '0',
      },
    ])
    const expected = oracle(september, () => 'all')
    for (const t of report.totals) {
      const { cost, compliant, rows, compliantRows } = t
      expect({ cost, compliant, rows, compliantRows }).toEqual(expected[`all|${t.currency}`])
    }
  })

  it('reads Team and team as one key, a row carrying both counted once', async () => {
    const report = await complianceReport(ws, input())
    const team = report.keys.filter((k) => k.key === 'team')
    expect(team.map((k) => [k.currency, k.canonical, k.reads, k.missing, k.wrong])).toEqual([
      ['EUR', 'team', ['team', 'Team'], '0', '0'],
      // res-d 12.345 + res-e 7.5 + res-f 1.5 (blank)
      ['USD', 'team', ['team', 'Team'], '21.345', '0'],
    ])
    const usd = report.totals.find((t) => t.currency === 'USD')
    expect(usd?.rows).toBe(8)
    // The same figures when the policy names the key as the other alias.
    const upper = await complianceReport(
      ws,
      input({ ...TEST_POLICY, keys: [{ key: 'Team' }, ...TEST_POLICY.keys.slice(1)] }),
    )
    expect(upper.totals).toEqual(report.totals)
  })

  it('breaks the share down by owner, account and service', async () => {
    const report = await complianceReport(ws, input())
    const shape = (g: {
      group: string
      currency: string | null
      cost: string
      compliant: string
      rows: number
      compliantRows: number
    }) => [
      `${g.group}|${g.currency}`,
      { cost: g.cost, compliant: g.compliant, rows: g.rows, compliantRows: g.compliantRows },
    ]
    const owner = (r: ComplianceRow): string => r.tags?.budget_owner ?? '(none)'
    expect(Object.fromEntries(report.byOwner.map(shape))).toEqual(oracle(september, owner))
    expect(Object.fromEntries(report.byAccount.map(shape))).toEqual(
      oracle(september, (r) => r.account[0]),
    )
    expect(Object.fromEntries(report.byService.map(shape))).toEqual(
      oracle(september, (r) => r.service),
    )
    // ann: 150.15 of 163.995; bob: 20 of 53.30; (none): 0 of 7.5.
    expect(report.byOwner.map((g) => [g.currency, g.group, g.percent])).toEqual([
      ['EUR', 'cy', '80.00'],
      ['USD', 'ann', '91.56'],
      ['USD', 'bob', '37.52'],
      ['USD', '(none)', '0.00'],
    ])
    expect(report.byAccount.find((g) => g.group === '222')?.label).toBe('Beta')
  })

  it('lists the resources to fix, most cost first, with missing keys and values not allowed', async () => {
    const report = await complianceReport(ws, input())
    expect(
      report.resources.map((r) => [
        r.resourceId,
        r.owner,
        r.currency,
        r.cost,
        r.rows,
        r.missing,
        r.wrong,
      ]),
    ).toEqual([
      [
        'res-c',
        'bob',
        'USD',
        '33.3',
        2,
        [],
        [
          { key: 'env', values: ['Prod'] },
          { key: 'tier', values: ['golden'] },
        ],
      ],
      ['res-d', 'ann', 'USD', '12.345', 1, ['team'], [{ key: 'tier', values: ['bronze'] }]],
      ['res-h', 'cy', 'EUR', '10', 1, [], [{ key: 'env', values: ['test'] }]],
      ['res-e', '(none)', 'USD', '7.5', 1, ['team', 'env', 'tier'], []],
      ['res-f', 'ann', 'USD', '1.5', 1, ['team'], []],
    ])
    // Every non-compliant row is in exactly one listed resource.
    for (const currency of ['USD', 'EUR']) {
      const listed = report.resources.filter((r) => r.currency === currency).map((r) => r.cost)
      const bad = september
        .filter((r) => !r.compliant && r.currency === currency)
        .map((r) => r.billed)
      expect(sumDecimals(listed)).toBe(sumDecimals(bad))
    }
  })

  it('gives the share in every period with data', async () => {
    const report = await complianceReport(ws, input())
    expect(report.trend.map((t) => [t.period, t.currency, t.cost, t.compliant, t.percent])).toEqual(
      [
        ['2024-09', 'EUR', '50', '40', '80.00'],
        ['2024-09', 'USD', '224.795', '170.15', '75.69'],
        ['2024-10', 'USD', '250', '200', '80.00'],
      ],
    )
    // No period asked: the latest with data.
    expect((await complianceReport(ws, input(TEST_POLICY, null))).period).toBe('2024-10')
  })

  it('measures only the services and accounts in scope, the rest stated as out of scope', async () => {
    const vms = await complianceReport(
      ws,
      input({ ...TEST_POLICY, scope: { services: ['Virtual Machines'], accounts: [] } }),
    )
    // USD in scope: 100.10 + 50.05 + 20 + 1.5 = 171.65, 170.15 compliant → 99.1261…%.
    expect(vms.totals.find((t) => t.currency === 'USD')).toMatchObject({
      cost: '171.65',
      compliant: '170.15',
      percent: '99.13',
      outOfScope: '53.145',
      rows: 4,
    })
    expect(vms.byService.map((g) => g.group)).toEqual(['Virtual Machines', 'Virtual Machines'])
    // An account is matched by its SubAccountName as well as its SubAccountId.
    const beta = await complianceReport(
      ws,
      input({ ...TEST_POLICY, scope: { services: [], accounts: ['Beta'] } }),
    )
    expect(
      beta.totals.map((t) => [t.currency, t.cost, t.compliant, t.percent, t.outOfScope]),
    ).toEqual([
      ['EUR', '0', '0', null, '50'],
      ['USD', '53.145', '0', '0.00', '171.65'],
    ])
  })

  it('matches a pattern against the whole value and an allowed list exactly', async () => {
    const loose = await complianceReport(
      ws,
      input({
        ...TEST_POLICY,
        keys: [
          TEST_POLICY.keys[0]!,
          TEST_POLICY.keys[1]!,
          { key: 'tier', pattern: 'gold.*|silver' },
        ],
      }),
    )
    // "golden" now passes: res-c's 3 joins the compliant cost.
    expect(loose.totals.find((t) => t.currency === 'USD')?.compliant).toBe('173.15')
    const anyEnv = await complianceReport(
      ws,
      input({
        ...TEST_POLICY,
        keys: [
          TEST_POLICY.keys[0]!,
          { key: 'env', values: ['prod', 'dev', 'Prod', 'test'] },
          TEST_POLICY.keys[2]!,
        ],
      }),
    )
    expect(anyEnv.totals.map((t) => [t.currency, t.compliant])).toEqual([
      ['EUR', '50'],
      ['USD', '200.45'],
    ])
  })

  it('runs patterns in RE2 syntax, such as a case-insensitive flag', async () => {
    const keys = [
      TEST_POLICY.keys[0]!,
      { key: 'env', pattern: '(?i)prod|dev' },
      TEST_POLICY.keys[2]!,
    ]
    const report = await complianceReport(ws, input({ ...TEST_POLICY, keys }))
    // res-c's "Prod" (30.30) now passes; "test" (EUR) still does not.
    expect(report.totals.map((t) => [t.currency, t.compliant])).toEqual([
      ['EUR', '40'],
      ['USD', '200.45'],
    ])
  })

  it('finds nothing compliant under the default policy, whose keys these rows lack', async () => {
    const report = await complianceReport(ws, input(DEFAULT_COMPLIANCE_POLICY))
    expect(report.totals.map((t) => [t.currency, t.compliant, t.percent])).toEqual([
      ['EUR', '0', '0.00'],
      ['USD', '0', '0.00'],
    ])
  })
})
