/**
 * The tag policy of tag compliance (issue 13): the tag keys every row of cost must carry,
 * each with its allowed values or a pattern, the scope it applies to, and the tag that
 * names a row's owner. Pure, so the contract, the core and the Compliance tab share it.
 */
import { z } from '../zod'

/** The keys a cost program starts with (issue 13, "Tag compliance"). */
export const DEFAULT_REQUIRED_KEYS: readonly string[] = [
  'service',
  'team',
  'tenant',
  'tier',
  'env',
  'budget_owner',
  'ledger_account',
]

/** Longest pattern accepted: a policy is read by people, and a long pattern is a mistake. */
export const MAX_PATTERN_LENGTH = 200

const Text = z.string().max(256)

/** One required tag key: any non-empty value, one of `values`, or a value `pattern` matches whole. */
export const RequiredTagSchema = z
  .object({
    key: z.string().trim().min(1, 'a tag key').max(256),
    /** Allowed values, compared exactly (case matters: "Prod" is not "prod"). */
    values: z.array(Text).max(1000).optional(),
    /** A regular expression the whole value must match (RE2 syntax, as DuckDB runs it). */
    pattern: z.string().min(1).max(MAX_PATTERN_LENGTH).optional(),
  })
  .strict()
/** One required tag key. */
export type RequiredTag = z.infer<typeof RequiredTagSchema>

/** The policy: required keys, the scope (empty lists: all services, all accounts) and the owner tag. */
export const CompliancePolicySchema = z
  .object({
    keys: z.array(RequiredTagSchema).min(1, 'at least one required key').max(50),
    scope: z
      .object({
        /** ServiceName values the policy applies to. */
        services: z.array(Text).max(500),
        /** SubAccountId or SubAccountName values the policy applies to. */
        accounts: z.array(Text).max(500),
      })
      .strict(),
    /** The tag whose value is a row's owner in the breakdown and the per-owner export. */
    ownerKey: z.string().trim().min(1).max(256),
  })
  .strict()
/** A tag policy. */
export type CompliancePolicy = z.infer<typeof CompliancePolicySchema>

/** The policy in force until a person saves one: the default keys, any value, everywhere. */
export const DEFAULT_COMPLIANCE_POLICY: CompliancePolicy = {
  keys: DEFAULT_REQUIRED_KEYS.map((key) => ({ key })),
  scope: { services: [], accounts: [] },
  ownerKey: 'budget_owner',
}

// RE2 (DuckDB's regex engine) has no lookaround or backreferences.
const UNSUPPORTED = /\(\?<?[=!]|\\[1-9]|\\k</

/**
 * What is wrong with a schema-valid policy, one sentence per mistake naming the key and
 * what to do; empty when it is usable.
 */
export function policyMistakes(policy: CompliancePolicy): string[] {
  const mistakes: string[] = []
  const seen = new Set<string>()
  for (const rule of policy.keys) {
    const name = `Required key "${rule.key}"`
    if (seen.has(rule.key)) mistakes.push(`${name} is listed twice; keep one entry per key.`)
    seen.add(rule.key)
    if (rule.values && rule.pattern !== undefined)
      mistakes.push(`${name} has both allowed values and a pattern; keep one of them.`)
    if (rule.values && rule.values.length === 0)
      mistakes.push(`${name} has an empty list of allowed values; add values or remove the list.`)
    if (rule.pattern !== undefined) {
      const problem = patternProblem(rule.pattern)
      if (problem) mistakes.push(`${name}: the pattern ${JSON.stringify(rule.pattern)} ${problem}`)
    }
  }
  return mistakes
}

/**
 * Why `pattern` cannot be used, or null, as far as can be told without the engine: its length,
 * and the constructs RE2 lacks. Its syntax is checked by DuckDB itself (core/compliance
 * policy-store.ts), since RE2 and JavaScript accept different patterns ("(?i)prod" is RE2 only).
 */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return `is longer than ${MAX_PATTERN_LENGTH} characters; shorten it.`
  if (UNSUPPORTED.test(pattern))
    return 'uses lookaround or a backreference, which Focal cannot run; write it without them.'
  return null
}
