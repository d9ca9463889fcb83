/** shared/compliance/policy-file: a policy file read back, and each mistake named with its key and the fix. */
import { describe, expect, it } from 'vitest'
import { FocalFailure } from '../../../shared/contract/errors'
import { DEFAULT_COMPLIANCE_POLICY } from '../../../shared/compliance/policy'
import { parsePolicyJson, policyJson } from '../../../shared/compliance/policy-file'

function refusal(text: string): { message: string; hint?: string; file?: string; column?: string } {
  try {
    parsePolicyJson(text, 'tag-policy.json')
  } catch (cause) {
    if (!(cause instanceof FocalFailure)) throw cause
    expect(cause.error.code).toBe('BAD_VALUE')
    return {
      message: cause.error.message,
      hint: cause.error.hint,
      file: cause.error.location?.file,
      column: cause.error.location?.column,
    }
  }
  throw new Error('the policy was accepted')
}

describe('parsePolicyJson', () => {
  it('reads back what policyJson writes', () => {
    const policy = {
      keys: [
        { key: 'env', values: ['prod', 'dev'] },
        { key: 'team', pattern: '[a-z]+' },
        { key: 'tier' },
      ],
      scope: { services: ['Storage'], accounts: ['111'] },
      ownerKey: 'team',
    }
    expect(parsePolicyJson(policyJson(policy), 'p.json')).toEqual(policy)
    expect(parsePolicyJson(policyJson(DEFAULT_COMPLIANCE_POLICY), 'p.json')).toEqual(
      DEFAULT_COMPLIANCE_POLICY,
    )
  })

  it('fills a left-out scope and owner with the defaults', () => {
    expect(parsePolicyJson('{"keys":[{"key":"env"}]}', 'p.json')).toEqual({
      keys: [{ key: 'env' }],
      scope: { services: [], accounts: [] },
      ownerKey: 'budget_owner',
    })
  })

  it('refuses text that is not JSON, naming the file and showing the shape', () => {
    const r = refusal('{keys: [}')
    expect(r.message).toMatch(/^tag-policy\.json is not JSON \(/)
    expect(r.file).toBe('tag-policy.json')
    expect(r.hint).toContain('"keys"')
  })

  it('refuses lookaround and backreferences, which the engine cannot run', () => {
    expect(refusal('{"keys":[{"key":"team","pattern":"(?!tmp).*"}]}').message).toContain(
      'Required key "team": the pattern "(?!tmp).*" uses lookaround or a backreference',
    )
    expect(refusal('{"keys":[{"key":"team","pattern":"(a)\\\\1"}]}').message).toContain(
      'backreference',
    )
  })

  it('names the key of a field of the wrong type', () => {
    const r = refusal('{"keys":[{"key":"env"},{"key":"tier","values":"gold"}]}')
    expect(r.message).toMatch(/^tag-policy\.json: required key "tier" \(keys\[1\]\) field values: /)
    expect(r.column).toBe('keys.1.values')
  })

  it('refuses an unknown field, a pattern too long, both values and a pattern, and a key twice', () => {
    expect(refusal('{"keys":[{"key":"env","allowed":["prod"]}]}').message).toContain(
      'required key "env" (keys[0])',
    )
    expect(refusal(`{"keys":[{"key":"env","pattern":"${'a'.repeat(201)}"}]}`).message).toContain(
      'required key "env" (keys[0]) field pattern',
    )
    expect(refusal('{"keys":[{"key":"env","values":["prod"],"pattern":"p.*"}]}').message).toContain(
      'Required key "env" has both allowed values and a pattern; keep one of them.',
    )
    expect(refusal('{"keys":[{"key":"env"},{"key":"env"}]}').message).toContain(
      'Required key "env" is listed twice',
    )
    expect(refusal('{"keys":[]}').message).toContain('at least one required key')
  })
})
