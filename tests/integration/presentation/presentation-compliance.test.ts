/**
 * Presentation mode on tag compliance (services-compliance.ts) over the crafted workspace: with
 * the mode on, the report (by owner, account, service and the resources to fix) and one owner's
 * CSV, asked for by the owner's alias, hold no real account, resource or tag value but the
 * aliases the masked rows show, with the real figures; a policy naming real tag values and
 * accounts measures the same in both modes and is shown with their aliases, and a draft sent
 * back with the aliases measures the same again; saving a policy is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import type { CompliancePolicy } from '../../../shared/compliance/policy'
import { CHANNELS, FocalFailure } from '../../../shared/contract'
import { parseCsv } from '../../helpers/csv-sums'
import { demoServices } from '../services/support'
import { REAL, aliasesOf, craftedWorkspace, expectNoRealValue } from './crafted'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await craftedWorkspace(services, 'compliance-masked')
}, 120_000)
afterAll(() => services.close())

// team must be one of two teams, on the crafted account only; env is required and missing everywhere.
const allowing: CompliancePolicy = {
  keys: [{ key: 'team', values: [REAL.team, 'platform'] }],
  scope: { services: [], accounts: [REAL.SubAccountId] },
  ownerKey: 'team',
}
const failing: CompliancePolicy = {
  keys: [{ key: 'team' }, { key: 'env' }],
  scope: { services: [], accounts: [] },
  ownerKey: 'team',
}

const report = async (policy: CompliancePolicy) =>
  CHANNELS['compliance:report'].response.parse(
    await services['compliance:report']({ period: '2025-02', policy }),
  )

const shares = (r: Awaited<ReturnType<typeof report>>) =>
  r.totals.map((t) => [t.currency, t.cost, t.compliant, t.percent])

describe('tag compliance in presentation mode', () => {
  it('masks owners, accounts and resources and keeps the figures', async () => {
    const realAllowing = await report(allowing)
    const realFailing = await report(failing)
    expect(shares(realAllowing)).toEqual([['USD', '478', '478', '100.00']])
    expect(shares(realFailing)).toEqual([['USD', '478', '0', '0.00']])
    const realCsv = await services['compliance:ownerCsv']({
      period: '2025-02',
      policy: failing,
      owner: REAL.team,
    })
    expect(realCsv.resources).toBe(2)

    await services['presentation:set']({ on: true })
    const alias = await aliasesOf(services)
    const allowed = await report(allowing)
    const failed = await report(failing)
    const csv = await services['compliance:ownerCsv']({
      period: '2025-02',
      policy: failing,
      owner: alias.team,
    })
    expectNoRealValue(JSON.stringify([allowed, failed, csv]), 'compliance answers')
    expect(shares(allowed)).toEqual(shares(realAllowing))
    expect(shares(failed)).toEqual(shares(realFailing))
    expect(failed.byOwner.map((g) => g.group)).toEqual([alias.team])
    expect(failed.resources.map((r) => r.resourceId)).toEqual(
      realFailing.resources.map(() => expect.stringMatching(/^res-[0-9a-f]{10}$/)),
    )
    expect(failed.resources.map((r) => r.resourceId)).toContain(alias.ResourceId)
    expect(csv.resources).toBe(2)
    const [header = [], ...lines] = parseCsv(csv.text.replace(/^Masked,.*\r?\n/, ''))
    const cost = header.indexOf(header.find((h) => /Cost/.test(h)) ?? '')
    const [realHeader = [], ...realLines] = parseCsv(realCsv.text)
    expect(header).toEqual(realHeader)
    expect(lines.map((l) => l[cost]).sort()).toEqual(realLines.map((l) => l[cost]).sort())
    expect(csv.text).toMatch(/^Masked,/)
    // The policy shown names tag values by alias (one the data lacks too) and accounts by alias.
    expect(allowed.policy.keys[0]?.values).toEqual([
      alias.team,
      expect.stringMatching(/^tag-[0-9a-f]{10}$/),
    ])
    expect(allowed.policy.scope.accounts).toEqual([alias.SubAccountId])
    // A draft sent back as shown measures the same.
    expect(shares(await report(allowed.policy))).toEqual(shares(realAllowing))

    const refused = await services['compliance:savePolicy']({ policy: allowed.policy }).then(
      () => null,
      (cause: unknown) => cause,
    )
    expect(refused).toBeInstanceOf(FocalFailure)
    expect((refused as FocalFailure).error.message).toBe(
      'Turn presentation mode off to change the tag policy.',
    )
  })
})
