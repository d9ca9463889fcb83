/**
 * A tag policy as a JSON file (`focal tags compliance --policy <file.json>`, the Compliance
 * tab's import and export): read with one message per mistake that names the required key
 * and says what to write instead.
 */
import { fail } from '../contract/errors'
import {
  CompliancePolicySchema,
  DEFAULT_COMPLIANCE_POLICY,
  policyMistakes,
  type CompliancePolicy,
} from './policy'

/** The policy as a file: stable key order, two-space indent, a final newline. */
export function policyJson(policy: CompliancePolicy): string {
  const keys = policy.keys.map((k) => ({
    key: k.key,
    ...(k.values ? { values: k.values } : {}),
    ...(k.pattern !== undefined ? { pattern: k.pattern } : {}),
  }))
  return `${JSON.stringify({ keys, scope: policy.scope, ownerKey: policy.ownerKey }, null, 2)}\n`
}

const EXAMPLE = policyJson({
  ...DEFAULT_COMPLIANCE_POLICY,
  keys: [
    { key: 'env', values: ['prod', 'dev'] },
    { key: 'team', pattern: '[a-z-]+' },
  ],
})

/** Reads a policy file's text; `fileName` is its display name. Fails with BAD_VALUE naming the key and the fix. */
export function parsePolicyJson(text: string, fileName: string): CompliancePolicy {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause)
    fail('BAD_VALUE', `${fileName} is not JSON (${why}).`, {
      hint: `Write the policy as a JSON object, for example:\n${EXAMPLE}`,
      location: { file: fileName },
    })
  }
  // The scope and owner may be left out of a file: the defaults fill them.
  const filled =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? { scope: DEFAULT_COMPLIANCE_POLICY.scope, ownerKey: 'budget_owner', ...raw }
      : raw
  const parsed = CompliancePolicySchema.safeParse(filled)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue?.path ?? []
    const where = describePath(filled, path)
    fail('BAD_VALUE', `${fileName}: ${where}: ${issue?.message ?? 'not a tag policy'}.`, {
      hint: `Fix ${where} as the message says. A policy looks like:\n${EXAMPLE}`,
      location: { file: fileName, column: path.join('.') || undefined },
    })
  }
  const mistakes = policyMistakes(parsed.data)
  if (mistakes.length > 0)
    fail('BAD_VALUE', `${fileName}: ${mistakes.join(' ')}`, {
      location: { file: fileName },
      hint: 'Fix the policy file as the message says, then use it again.',
    })
  return parsed.data
}

/** "required key "tier" (keys[3]) field pattern", or the path for anything outside a key. */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the policy'
  const [head, index, ...rest] = path
  if (head === 'keys' && typeof index === 'number') {
    const entry = (raw as { keys?: unknown[] }).keys?.[index]
    const key =
      entry !== null &&
      typeof entry === 'object' &&
      typeof (entry as { key?: unknown }).key === 'string'
        ? `required key "${(entry as { key: string }).key}" (keys[${index}])`
        : `keys[${index}]`
    return rest.length > 0 ? `${key} field ${rest.map(String).join('.')}` : key
  }
  return `field ${path.map(String).join('.')}`
}
