/**
 * The ledger channels of the core services (services-ledger.ts) on the sample: the weeks with
 * data, a week's ledger, explain and sign off, and the export as PDF and CSV, whose totals are
 * the BilledCost of the week summed here from the file. Answers pass their contract; a week
 * that does not exist and an unknown field are refused.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS, FocalFailure } from '../../../shared/contract'
import { change } from '../../../shared/ledger/change'
import { sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { pdfLines, pdfText } from '../report/support'
import { DEMO, demoServices } from './support'

/** The sample's BilledCost over [start, end) of ChargePeriodStart, summed from the file. */
function billed(start: string, end: string): string {
  const [header = [], ...rows] = parseCsv(readFileSync(DEMO, 'utf8'))
  const day = header.indexOf('ChargePeriodStart')
  const cost = header.indexOf('BilledCost')
  return sumDecimals(
    rows.filter((r) => (r[day] ?? '') >= start && (r[day] ?? '') < end).map((r) => r[cost] || '0'),
  )
}

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:openSample']({})
})
afterAll(() => services.close())

describe('ledger channels', () => {
  it('weeks, a week, explain, sign off', async () => {
    const weeks = CHANNELS['ledger:weeks'].response.parse(await services['ledger:weeks']({}))
    expect(weeks).toMatchObject({ latestComplete: '2024-W39', ownerDimension: 'SubAccountName' })
    const ledger = CHANNELS['ledger:week'].response.parse(
      await services['ledger:week']({ week: '2024-W39', top: 3 }),
    )
    expect(ledger.currencies[0]?.thisWeek).toBe(billed('2024-09-23', '2024-09-30'))
    expect(ledger.currencies[0]?.lastWeek).toBe(billed('2024-09-16', '2024-09-23'))
    const value = ledger.currencies[0]?.movers[0]?.value ?? null
    const key = { week: '2024-W39', by: ledger.by, value }
    CHANNELS['ledger:explain'].response.parse(
      await services['ledger:explain']({ ...key, text: 'Scaled down', owner: 'platform' }),
    )
    const signed = CHANNELS['ledger:signoff'].response.parse(await services['ledger:signoff'](key))
    expect(signed.signedBy).toBeTruthy()
  })

  it('exports the ledger as PDF and CSV with the week totals', async () => {
    const dir = tempDir()
    const pdf = CHANNELS['ledger:export'].response.parse(
      await services['ledger:export']({ week: '2024-W39', format: 'pdf' }),
    )
    expect([pdf.fileName, pdf.mediaType]).toEqual([
      'ledger-2024-W39-SubAccountName-BilledCost.pdf',
      'application/pdf',
    ])
    const path = join(dir, pdf.fileName)
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'))
    expect(pdfText(path)).toContain('Weekly cost ledger 2024-W39')
    const total = pdfLines(path).find((l) => l.startsWith('Total '))
    const week = change(billed('2024-09-23', '2024-09-30'), billed('2024-09-16', '2024-09-23'))
    expect(total).toBe(
      `Total ${week.lastWeek} ${week.thisWeek} ${week.delta} ${week.deltaPercent ?? ''}%`,
    )
    expect(pdfText(path)).toContain('platform: Scaled down')

    const csv = await services['ledger:export']({ week: '2024-W39', format: 'csv' })
    const lines = parseCsv(Buffer.from(csv.base64, 'base64').toString('utf8'))
    expect(lines.find((l) => l[4] === 'total')?.slice(6, 8)).toEqual([
      billed('2024-09-16', '2024-09-23'),
      billed('2024-09-23', '2024-09-30'),
    ])
  })

  it('refuses a week that does not exist and fields the contract does not know', async () => {
    const bad = await services['ledger:week']({ week: '2024-W53' }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(FocalFailure)
    expect(
      CHANNELS['ledger:week'].request.safeParse({ week: '2024-W39', path: '/etc/passwd' }).success,
    ).toBe(false)
    expect(CHANNELS['ledger:week'].request.safeParse({ week: '2024-09-23' }).success).toBe(false)
  })

  it('reads and sets the sign-off threshold; the ledger and its PDF flag and state the stored one', async () => {
    const settings = CHANNELS['ledger:settings']
    expect(settings.response.parse(await services['ledger:settings']({}))).toEqual({
      amount: '1000',
      percent: '20',
    })
    const flags = async (): Promise<boolean[]> =>
      CHANNELS['ledger:week'].response
        .parse(await services['ledger:week']({ week: '2024-W39', top: 5 }))
        .currencies[0]?.movers.map((m) => m.needsSignOff) ?? []
    // No mover of the sample moved 1000% or more: none is flagged.
    const set = CHANNELS['ledger:set-settings']
    expect(
      set.response.parse(await services['ledger:set-settings']({ amount: null, percent: '1000' })),
    ).toEqual({ amount: null, percent: '1000' })
    expect(await flags()).toEqual([false, false, false, false, false])
    // Every change is at least 0: all but the signed-off mover (the first) are flagged.
    await services['ledger:set-settings']({ amount: '0' })
    expect(await flags()).toEqual([false, true, true, true, true])
    const pdf = await services['ledger:export']({ week: '2024-W39', format: 'pdf' })
    const path = join(tempDir(), pdf.fileName)
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'))
    expect(pdfText(path).replace(/\s+/g, ' ')).toContain(
      "A mover needs a sign-off when |delta| ≥ 0 in its currency or |delta %| ≥ 1000% (this workspace's threshold).",
    )
    const bad = await services['ledger:set-settings']({ amount: '-1' }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(FocalFailure)
    expect((bad as FocalFailure).error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('The sign-off amount "-1" is negative') as unknown,
    })
    expect(await services['ledger:settings']({})).toEqual({ amount: '0', percent: '1000' })
    expect(set.request.safeParse({ amount: '1', owner: 'x' }).success).toBe(false)
    expect(set.request.safeParse({ amount: '1'.repeat(41) }).success).toBe(false)
    expect(set.request.safeParse({ amount: 5 }).success).toBe(false)
  })
})
