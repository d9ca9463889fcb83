/** Names allocation results use for targets and pools that no user rule names. */
import type { PolicyName } from './rule-set'

/** Cost no rule matched (equals `UNALLOCATED` of electron/core/allocate/lines.ts; a test keeps them equal). */
export const UNALLOCATED_TARGET = 'Unallocated'

/** The target of rows whose policy is 'separate': a line of their own, in parentheses like "(Other)". */
export const SEPARATE_TARGET: Readonly<Record<PolicyName, string>> = {
  taxes: '(Taxes)',
  credits: '(Credits)',
  refunds: '(Refunds and corrections)',
  adjustments: '(Adjustments)',
  commitments: '(Commitments)',
}

/** Pool id (and line `rule` for separate lines) of a policy: "policy:taxes"; user ids cannot contain ":". */
export function policyId(name: PolicyName): string {
  return `policy:${name}`
}
