/**
 * core/compliance/policy-store: the default policy until one is saved, each save a new
 * version with its audit entry in the same transaction, the same policy again not a new
 * version, and a policy that cannot be measured refused with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEntries } from '../../../electron/core/audit/audit-log'
import {
  readCompliancePolicy,
  saveCompliancePolicy,
} from '../../../electron/core/compliance/policy-store'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { FocalFailure } from '../../../shared/contract/errors'
import { DEFAULT_COMPLIANCE_POLICY } from '../../../shared/compliance/policy'
import { freshWorkspace } from '../../helpers/workspace'
import { TEST_POLICY } from './fixture'

let ws: Workspace
beforeAll(async () => {
  ws = await freshWorkspace('compliance-policy')
})
afterAll(() => ws.close())

describe('compliance policy store', () => {
  it('is the default policy until one is saved', async () => {
    expect(await readCompliancePolicy(ws)).toEqual({
      policy: DEFAULT_COMPLIANCE_POLICY,
      version: null,
      savedAt: null,
      actor: null,
    })
    expect(DEFAULT_COMPLIANCE_POLICY.keys.map((k) => k.key)).toEqual([
      'service',
      'team',
      'tenant',
      'tier',
      'env',
      'budget_owner',
      'ledger_account',
    ])
  })

  it('saves versions with an audit entry each; the same policy again is no new version', async () => {
    const first = await saveCompliancePolicy(ws, TEST_POLICY, 'edited')
    expect([first.version, first.policy]).toEqual([1, TEST_POLICY])
    expect(first.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect((await saveCompliancePolicy(ws, TEST_POLICY, 'edited')).version).toBe(1)
    const second = await saveCompliancePolicy(ws, { ...TEST_POLICY, ownerKey: 'team' }, 'p.json')
    expect(second.version).toBe(2)
    expect((await readCompliancePolicy(ws)).policy.ownerKey).toBe('team')
    const entries = await listAuditEntries(ws, { kind: 'compliance' })
    expect(entries.map((e) => [e.action, e.subject])).toEqual([
      ['compliance.policy', 'version 1'],
      ['compliance.policy', 'version 2'],
    ])
    expect(entries[1]?.details).toMatchObject({
      version: 2,
      source: 'p.json',
      policy: { ownerKey: 'team' },
    })
  })

  it('refuses a pattern the engine cannot run, naming the key, and stores nothing', async () => {
    const refused = async (pattern: string): Promise<string> => {
      const policy = { ...TEST_POLICY, keys: [{ key: 'tier', pattern }] }
      const bad = await saveCompliancePolicy(ws, policy, 'p.json', 'p.json').catch(
        (cause: unknown) => cause,
      )
      expect(bad).toBeInstanceOf(FocalFailure)
      expect((bad as FocalFailure).error.location?.file).toBe('p.json')
      return (bad as FocalFailure).error.message
    }
    expect(await refused('gold|(silver')).toBe(
      'p.json: Required key "tier": the pattern "gold|(silver" is not a valid regular expression (missing ): gold|(silver); fix it, e.g. gold|silver|bronze or [a-z]+-\\d+.',
    )
    // JavaScript accepts these; RE2, which runs them, does not.
    expect(await refused('(?<=x)gold')).toContain('uses lookaround or a backreference')
    expect(await refused('g{1001}')).toContain(
      'the pattern "g{1001}" is not a valid regular expression (invalid repetition size: {1001})',
    )
    expect((await readCompliancePolicy(ws)).version).toBe(2)
  })

  it('accepts what RE2 runs though JavaScript would not, such as a case-insensitive flag', async () => {
    const policy = { ...TEST_POLICY, keys: [{ key: 'env', pattern: '(?i)prod|dev' }] }
    expect((await saveCompliancePolicy(ws, policy, 'edited')).version).toBe(3)
  })
})
