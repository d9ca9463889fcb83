/**
 * A FOCUS file for tag compliance whose rows are tagged by hand: compliant rows, a key
 * spelled `Team` and `team` (one key through the alias policy, one row even when both are
 * present), values the policy does not allow, blank and missing keys, two currencies, two
 * services and three accounts, in two billing periods. Beside each row: whether it is
 * compliant under TEST_POLICY, what is missing and what is wrong — the oracle the tests
 * compare Focal with.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CompliancePolicy } from '../../../shared/compliance/policy'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'

/** The policy the rows are annotated for: team any value, env prod|dev, tier gold|silver (whole value). */
export const TEST_POLICY: CompliancePolicy = {
  keys: [
    { key: 'team' },
    { key: 'env', values: ['prod', 'dev'] },
    { key: 'tier', pattern: 'gold|silver' },
  ],
  scope: { services: [], accounts: [] },
  ownerKey: 'budget_owner',
}

/** One row and what it is under TEST_POLICY. */
export interface ComplianceRow {
  readonly period: '2024-09' | '2024-10'
  readonly resource: string
  readonly service: 'Virtual Machines' | 'Storage'
  readonly account: readonly [id: string, name: string]
  readonly currency: 'USD' | 'EUR'
  readonly billed: string
  readonly tags: Record<string, string> | null
  readonly compliant: boolean
  readonly missing: readonly string[]
  readonly wrong: readonly string[]
}

const VM = 'Virtual Machines'
const ALPHA = ['111', 'Alpha'] as const
const BETA = ['222', 'Beta'] as const
const GAMMA = ['333', 'Gamma'] as const

/** The rows, annotated by hand. */
export const COMPLIANCE_ROWS: readonly ComplianceRow[] = [
  {
    period: '2024-09',
    resource: 'res-a',
    service: VM,
    account: ALPHA,
    currency: 'USD',
    billed: '100.10',
    tags: { team: 'web', env: 'prod', tier: 'gold', budget_owner: 'ann' },
    compliant: true,
    missing: [],
    wrong: [],
  },
  // `Team` is the same key as `team` (tag alias policy).
  {
    period: '2024-09',
    resource: 'res-a',
    service: VM,
    account: ALPHA,
    currency: 'USD',
    billed: '50.05',
    tags: { Team: 'web', env: 'prod', tier: 'silver', budget_owner: 'ann' },
    compliant: true,
    missing: [],
    wrong: [],
  },
  // Both spellings on one row: one row, counted once.
  {
    period: '2024-09',
    resource: 'res-b',
    service: VM,
    account: ALPHA,
    currency: 'USD',
    billed: '20',
    tags: { Team: 'web', team: 'web', env: 'dev', tier: 'gold', budget_owner: 'bob' },
    compliant: true,
    missing: [],
    wrong: [],
  },
  // Values are compared exactly: "Prod" is not "prod".
  {
    period: '2024-09',
    resource: 'res-c',
    service: 'Storage',
    account: BETA,
    currency: 'USD',
    billed: '30.30',
    tags: { team: 'data', env: 'Prod', tier: 'gold', budget_owner: 'bob' },
    compliant: false,
    missing: [],
    wrong: ['env'],
  },
  {
    period: '2024-09',
    resource: 'res-d',
    service: 'Storage',
    account: BETA,
    currency: 'USD',
    billed: '12.345',
    tags: { env: 'dev', tier: 'bronze', budget_owner: 'ann' },
    compliant: false,
    missing: ['team'],
    wrong: ['tier'],
  },
  {
    period: '2024-09',
    resource: 'res-e',
    service: 'Storage',
    account: BETA,
    currency: 'USD',
    billed: '7.5',
    tags: null,
    compliant: false,
    missing: ['team', 'env', 'tier'],
    wrong: [],
  },
  // The pattern must match the whole value: "golden" is not "gold".
  {
    period: '2024-09',
    resource: 'res-c',
    service: 'Storage',
    account: BETA,
    currency: 'USD',
    billed: '3',
    tags: { team: 'data', env: 'prod', tier: 'golden', budget_owner: 'bob' },
    compliant: false,
    missing: [],
    wrong: ['tier'],
  },
  // A blank value is a missing value.
  {
    period: '2024-09',
    resource: 'res-f',
    service: VM,
    account: ALPHA,
    currency: 'USD',
    billed: '1.5',
    tags: { team: ' ', env: 'prod', tier: 'gold', budget_owner: 'ann' },
    compliant: false,
    missing: ['team'],
    wrong: [],
  },
  {
    period: '2024-09',
    resource: 'res-g',
    service: VM,
    account: GAMMA,
    currency: 'EUR',
    billed: '40',
    tags: { team: 'ops', env: 'prod', tier: 'gold', budget_owner: 'cy' },
    compliant: true,
    missing: [],
    wrong: [],
  },
  {
    period: '2024-09',
    resource: 'res-h',
    service: VM,
    account: GAMMA,
    currency: 'EUR',
    billed: '10',
    tags: { team: 'ops', env: 'test', tier: 'gold', budget_owner: 'cy' },
    compliant: false,
    missing: [],
    wrong: ['env'],
  },
  {
    period: '2024-10',
    resource: 'res-a',
    service: VM,
    account: ALPHA,
    currency: 'USD',
    billed: '200',
    tags: { team: 'web', env: 'prod', tier: 'gold', budget_owner: 'ann' },
    compliant: true,
    missing: [],
    wrong: [],
  },
  {
    period: '2024-10',
    resource: 'res-e',
    service: 'Storage',
    account: BETA,
    currency: 'USD',
    billed: '50',
    tags: null,
    compliant: false,
    missing: ['team', 'env', 'tier'],
    wrong: [],
  },
]

/** Writes COMPLIANCE_ROWS as a FOCUS 1.0 CSV with the demo's header, other columns from its first row. */
export function writeComplianceFile(dir = tempDir()): string {
  const demo = join(ROOT, 'resources/demo/focus-sample.csv')
  const [header = [], base = []] = parseCsv(readFileSync(demo, 'utf8'))
  const cell = (value: string): string =>
    value === 'NULL' ? value : `"${value.replaceAll('"', '""')}"`
  const lines = COMPLIANCE_ROWS.map((row, i) => {
    const values = [...base]
    const set = (column: string, value: string): void => {
      values[header.indexOf(column)] = value
    }
    const next = row.period === '2024-09' ? '2024-10' : '2024-11'
    set('BillingPeriodStart', `${row.period}-01 00:00:00`)
    set('BillingPeriodEnd', `${next}-01 00:00:00`)
    set('ChargePeriodStart', `${row.period}-18 22:00:00`)
    set('ChargePeriodEnd', `${row.period}-18 23:00:00`)
    set('ResourceId', row.resource)
    set('ServiceName', row.service)
    set('SubAccountId', row.account[0])
    set('SubAccountName', row.account[1])
    set('BillingCurrency', row.currency)
    set('BilledCost', row.billed)
    set('EffectiveCost', row.billed)
    set('ChargeCategory', 'Usage')
    set('Id', `compliance-${i + 1}`)
    set('Tags', row.tags === null ? 'NULL' : JSON.stringify(row.tags))
    return values.map(cell).join(',')
  })
  const path = join(dir, 'tagged-resources.csv')
  writeFileSync(path, [header.map(cell).join(','), ...lines].join('\n') + '\n')
  return path
}
