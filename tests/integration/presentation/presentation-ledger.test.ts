/**
 * Presentation mode on the weekly ledger (services-ledger.ts) over the crafted workspace: with
 * the mode on, the weeks, a week's ledger by the owner (the team tag), by ResourceId and by
 * SubAccountName, and its PDF and CSV exports hold no real account, resource or tag value, show the
 * aliases the masked rows show, keep every figure of the real ledger and say Masked; an
 * explanation and a sign-off given to an alias are kept under the real value.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { tempDir } from '../../helpers/paths'
import { pdfText } from '../report/support'
import { demoServices } from '../services/support'
import { REAL, aliasesOf, craftedWorkspace, expectNoRealValue } from './crafted'

let services: FocalServices
beforeAll(async () => {
  services = (await demoServices()).services
  await craftedWorkspace(services, 'ledger-masked')
}, 120_000)
afterAll(() => services.close())

const WEEK = '2025-W08'
const week = async (by?: string) =>
  CHANNELS['ledger:week'].response.parse(
    await services['ledger:week']({ week: WEEK, top: 5, ...(by ? { by } : {}) }),
  )

/** The PDF's text and its document information, and the CSV's text, of the week's ledger. */
async function exports(): Promise<{ pdf: string; csv: string }> {
  const pdf = await services['ledger:export']({ week: WEEK, format: 'pdf' })
  const path = join(tempDir(), pdf.fileName)
  writeFileSync(path, Buffer.from(pdf.base64, 'base64'))
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  const csv = await services['ledger:export']({ week: WEEK, format: 'csv' })
  return {
    pdf: `${pdfText(path)}\n${info}`,
    csv: Buffer.from(csv.base64, 'base64').toString('utf8'),
  }
}

/**
 * Every decimal figure of a text, sorted: what the mode must not change. Sorted, because
 * movers and drivers of equal change are ordered by their value, and an alias sorts elsewhere.
 */
const figures = (text: string): string[] => (text.match(/-?\d+\.\d+/g) ?? []).sort()

describe('the weekly ledger in presentation mode', () => {
  it('shows aliases on screen, in the PDF and the CSV, with the real figures', async () => {
    const real = [await week(), await week('ResourceId'), await week('SubAccountName')]
    const realFiles = await exports()
    const realWeeks = await services['ledger:weeks']({})

    await services['presentation:set']({ on: true })
    const alias = await aliasesOf(services)
    const masked = [await week(), await week('ResourceId'), await week('SubAccountName')]
    const files = await exports()
    const weeks = await services['ledger:weeks']({})
    expectNoRealValue(JSON.stringify([masked, weeks]), 'ledger:week')
    expectNoRealValue(files.pdf, 'ledger PDF')
    expectNoRealValue(files.csv, 'ledger CSV')
    const text = JSON.stringify(masked)
    for (const shown of [alias.SubAccountName, alias.ResourceId, alias.team])
      expect(text).toContain(shown)
    // The owner dimension by default is the team tag (ledger:weeks ownerDimension).
    expect(masked[0]?.by).toBe('tag:team')
    expect(files.pdf).toContain(alias.team)
    expect(files.csv).toContain(alias.team)
    expect(files.pdf).toMatch(/Masked/)
    expect(files.csv).toMatch(/Masked/)
    expect(weeks).toEqual(realWeeks)
    // The week's figures, to the cent: 7 × (12.25 + 3.5) = 110.25 this week and last.
    expect(masked.map((l) => l.currencies.map((c) => [c.thisWeek, c.lastWeek]))).toEqual(
      real.map((l) => l.currencies.map((c) => [c.thisWeek, c.lastWeek])),
    )
    expect(real[0]?.currencies[0]?.thisWeek).toBe('110.25')
    expect(figures(JSON.stringify(masked))).toEqual(figures(JSON.stringify(real)))
    expect(figures(files.csv)).toEqual(figures(realFiles.csv))

    // An explanation and a sign-off given to the alias are kept under the real value: shown
    // masked under the alias, and with the mode off under the real value.
    const mover = masked[2]?.currencies[0]?.movers[0]
    expect(mover?.value).toBe(alias.SubAccountName)
    const key = { week: WEEK, by: 'SubAccountName', value: mover?.value ?? null }
    await services['ledger:explain']({ ...key, text: 'Ledger database resized', owner: 'payments' })
    await services['ledger:signoff'](key)
    const explained = (await week('SubAccountName')).currencies[0]?.movers[0]
    expect([explained?.value, explained?.explanation?.text]).toEqual([
      alias.SubAccountName,
      'Ledger database resized',
    ])
    expect(explained?.explanation?.signedBy).toBeTruthy()
    await services['presentation:set']({ on: false })
    const plain = (await week('SubAccountName')).currencies[0]?.movers[0]
    expect([plain?.value, plain?.explanation?.text]).toEqual([
      REAL.SubAccountName,
      'Ledger database resized',
    ])
  })
})
