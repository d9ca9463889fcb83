/**
 * The tag compliance channels (services-compliance.ts) on the demo sample: the default
 * policy finds nothing compliant; a draft policy requiring `environment` gives the share of
 * the rows carrying it, worked out here from the CSV without Focal; a policy file is
 * imported (a bad one refused naming the key); one owner's CSV. Answers pass their contract.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, FocalFailure } from '../../../shared/contract'
import { percentOf } from '../../../shared/compliance/percent'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { DEMO, demoServices } from './support'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

/** BilledCost of the demo's September rows, all and those whose Tags carry `key` with a non-blank value. */
function demoShare(key: string): { all: string; tagged: string } {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const at = (name: string): number => header.indexOf(name)
  const september = rows.filter((r) => (r[at('BillingPeriodStart')] ?? '').startsWith('2024-09'))
  const has = (r: string[]): boolean => {
    const text = r[at('Tags')] ?? ''
    if (text === '' || text === 'NULL') return false
    const value = (JSON.parse(text) as Record<string, unknown>)[key]
    return typeof value === 'string' && value.trim() !== ''
  }
  const billed = (list: string[][]): string =>
    sumDecimals(list.map((r) => r[at('BilledCost')] ?? '0'))
  return { all: billed(september), tagged: billed(september.filter(has)) }
}

describe('compliance channels', () => {
  it('the default policy finds nothing compliant in the sample', async () => {
    const report = CHANNELS['compliance:report'].response.parse(
      await services['compliance:report']({ period: '2024-09' }),
    )
    expect(report.policySource).toBe('default')
    expect(report.periods).toEqual(['2024-09', '2024-10'])
    expect(report.totals.map((t) => [t.currency, t.cost, t.compliant, t.percent])).toEqual([
      ['USD', demoShare('environment').all, '0', '0.00'],
    ])
  })

  it('a draft policy is measured without being saved', async () => {
    const policy = {
      keys: [{ key: 'environment' }],
      scope: { services: [], accounts: [] },
      ownerKey: 'business_unit',
    }
    const report = CHANNELS['compliance:report'].response.parse(
      await services['compliance:report']({ period: '2024-09', policy }),
    )
    const { all, tagged } = demoShare('environment')
    expect(report.policySource).toBe('draft')
    expect(report.totals.map((t) => [t.cost, t.compliant, t.percent])).toEqual([
      [all, tagged, percentOf(tagged, all)],
    ])
    expect((await services['compliance:policy']({})).version).toBeNull()
  })

  it('imports a policy file, refuses a bad one naming the key, and gives one owner its CSV', async () => {
    const bad = await services['compliance:importPolicy']({
      fileName: 'policy.json',
      text: '{"keys":[{"key":"environment","pattern":"prod("}]}',
    }).catch((cause: unknown) => cause)
    expect(bad).toBeInstanceOf(FocalFailure)
    expect((bad as FocalFailure).error.message).toContain(
      'policy.json: Required key "environment": the pattern "prod(" is not a valid regular expression',
    )
    const saved = CHANNELS['compliance:importPolicy'].response.parse(
      await services['compliance:importPolicy']({
        fileName: 'policy.json',
        text: '{"keys":[{"key":"environment","values":["prod"]}],"ownerKey":"environment"}',
      }),
    )
    expect([saved.version, saved.policy.keys]).toEqual([
      1,
      [{ key: 'environment', values: ['prod'] }],
    ])
    const report = await services['compliance:report']({ period: '2024-09' })
    expect([report.policySource, report.policyVersion]).toEqual(['stored', 1])
    // Owner "dev": every row is wrong (dev is not allowed), so each is a resource to fix.
    const csv = CHANNELS['compliance:ownerCsv'].response.parse(
      await services['compliance:ownerCsv']({ period: '2024-09', owner: 'dev' }),
    )
    expect(csv.fileName).toBe('tag-compliance-2024-09-dev.csv')
    const [header = [], ...lines] = parseCsv(csv.text)
    expect(header).toEqual([
      'Owner',
      'ResourceId',
      'ResourceName',
      'ServiceName',
      'SubAccountId',
      'BillingCurrency',
      'NonCompliantBilledCost',
      'Rows',
      'MissingKeys',
      'WrongKeys',
    ])
    expect(lines.length).toBe(csv.resources)
    expect(new Set(lines.map((l) => l[0]))).toEqual(new Set(['dev']))
    expect(new Set(lines.map((l) => l[9]))).toEqual(new Set(['environment=dev']))
    const devCost = report.byOwner.find((g) => g.group === 'dev')?.cost
    expect(sumDecimals(lines.map((l) => l[6] ?? '0'))).toBe(devCost)
  })

  it('the contract refuses a path for a policy file and a period that is not a month', () => {
    const request = CHANNELS['compliance:importPolicy'].request
    expect(request.safeParse({ fileName: '../p.json', text: '{}' }).success).toBe(false)
    expect(CHANNELS['compliance:report'].request.safeParse({ period: '2024-13' }).success).toBe(
      false,
    )
    expect(
      CHANNELS['compliance:report'].request.safeParse({ period: '2024-09', extra: 1 }).success,
    ).toBe(false)
  })
})
