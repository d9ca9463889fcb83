/**
 * The monthly pack's allocation rules for the synthetic month (synthetic.ts):
 * one dimension "cost_center" of exactly 30 ordered rules and three shared
 * pools, plus the account → cost-center mapping two rules read. It is
 * deterministic (no randomness, fixed order) and yields 49 cost centers plus
 * Unallocated, i.e. 50 cost-center PDFs:
 *
 * - 3 pool rules: AWS Support → "support" (even); Networking → "network"
 *   (proportional to direct cost); governance, security and identity services
 *   → "platform" (proportional, restricted to the 12 production cost centers);
 * - 1 rule: env sandbox → the account's owner, mapping "account-owner" on
 *   SubAccountId (accounts 0–47, two by two → 24 "Account group NN");
 * - 24 rules: tag team × env class → "<Team> · Production" (prod, staging) and
 *   "<Team> · Non-production" (dev, test);
 * - untagged rows: SubAccountId prefix 20000 (accounts 0–8) → "Legacy
 *   accounts"; then the account's owner from the same mapping.
 * Accounts 48 and 49 are not in the mapping, so their sandbox and untagged rows
 * stay Unallocated (the pack has a non-empty Unallocated line to reconcile).
 * In the synthetic data, sandbox and untagged rows fall in odd accounts only
 * (DuckDB's hash(res, salt) keeps the low bit across salts), hence two
 * accounts per group: each group gets one odd account.
 *
 * Policies: taxes and credits spread proportionally over the cost centers,
 * commitments (RI purchases) over the cost centers that used them.
 */
import { parseRuleSet } from '../../shared/allocate/parse-rules'
import type { RuleSet } from '../../shared/allocate/rule-set'

/** The tag teams of synthetic.ts, in its order. */
const TEAMS =
  'platform payments search data ml identity mobile web growth security infra analytics'.split(' ')

const title = (team: string): string => team.charAt(0).toUpperCase() + team.slice(1)

/** SubAccountId of synthetic account `sub` (0–49), as synthetic.ts prints it. */
export function subAccountId(sub: number): string {
  return String(200_000_000_000 + sub * 1_234_567).padStart(12, '0')
}

const ACCOUNT_GROUPS = 24

/** The mapping rules' table: id and CSV (SubAccountId → cost center) of accounts 0–47. */
export const ACCOUNT_MAPPING = {
  name: 'account-owner',
  csv: (): string => {
    const lines = ['account_id,cost_center']
    for (let sub = 0; sub < 2 * ACCOUNT_GROUPS; sub++)
      lines.push(`${subAccountId(sub)},Account group ${String((sub >> 1) + 1).padStart(2, '0')}`)
    return `${lines.join('\n')}\n`
  },
} as const

/** Cost centers the rules produce (Unallocated aside): team × env class, legacy, account groups. */
export const EXPECTED_COST_CENTERS = TEAMS.length * 2 + 1 + ACCOUNT_GROUPS

/** The 30-rule set; `parseRuleSet` validates it like a rule file. */
export function packRuleSet(): RuleSet {
  const teamRules = TEAMS.flatMap((team) => [
    {
      id: `${team}-prod`,
      when: [
        { field: 'tag:team', op: 'equals', value: team, ignoreCase: true },
        { field: 'tag:env', op: 'in', values: ['prod', 'staging'] },
      ],
      then: `${title(team)} · Production`,
    },
    {
      id: `${team}-nonprod`,
      when: [
        { field: 'tag:team', op: 'equals', value: team, ignoreCase: true },
        { field: 'tag:env', op: 'in', values: ['dev', 'test'] },
      ],
      then: `${title(team)} · Non-production`,
    },
  ])
  const rules = [
    {
      id: 'support',
      description: 'The support plan serves everyone: split evenly',
      when: [{ field: 'ServiceName', op: 'prefix', value: 'AWS Support' }],
      then: { pool: 'support' },
    },
    {
      id: 'network',
      description: 'Shared network: split by direct cost',
      when: [{ field: 'ServiceCategory', op: 'equals', value: 'Networking' }],
      then: { pool: 'network' },
    },
    {
      id: 'platform',
      description: 'Governance, security and identity: carried by production',
      when: [
        {
          field: 'ServiceCategory',
          op: 'in',
          values: ['Management and Governance', 'Security', 'Identity'],
        },
      ],
      then: { pool: 'platform' },
    },
    {
      id: 'sandbox',
      description: 'Sandboxes are charged to the account owner',
      when: [{ field: 'tag:env', op: 'equals', value: 'sandbox' }],
      then: { mapping: ACCOUNT_MAPPING.name, field: 'SubAccountId' },
    },
    ...teamRules,
    {
      id: 'legacy-accounts',
      when: [
        { field: 'tag:team', op: 'missing' },
        { field: 'SubAccountId', op: 'prefix', value: '20000' },
      ],
      then: 'Legacy accounts',
    },
    {
      id: 'account-owner',
      description: 'Untagged cost: the account owner from the imported account list',
      when: [{ field: 'tag:team', op: 'missing' }],
      then: { mapping: ACCOUNT_MAPPING.name, field: 'SubAccountId' },
    },
  ]
  if (rules.length !== 30)
    throw new Error(`the pack rule set must have 30 rules, has ${rules.length}`)
  return parseRuleSet(
    {
      name: 'Bench: 30 rules, 50 cost centers',
      scale: 2,
      coverageTarget: 95,
      policies: { taxes: 'proportional', credits: 'proportional', commitments: 'withUsage' },
      dimensions: [
        {
          id: 'cost_center',
          label: 'Cost center',
          rules,
          pools: [
            { id: 'support', label: 'Support plan', method: 'even' },
            { id: 'network', label: 'Shared network', method: 'proportional' },
            {
              id: 'platform',
              label: 'Platform services',
              method: 'proportional',
              targets: TEAMS.map((team) => `${title(team)} · Production`),
            },
          ],
        },
      ],
    },
    'bench pack rules',
  )
}
