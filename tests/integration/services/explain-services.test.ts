/**
 * The "Explain this number" channels (services-explain.ts) through createServices: a pack by
 * SubAccountName exported on the crafted month, a figure explained from its audit entry and
 * from the preview, the bundle's lines summing to it; answers pass their contract, and the
 * contract refuses what a screen must never send.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FocalServices } from '../../../electron/core/host'
import { CHANNELS } from '../../../shared/contract'
import { decimalsEqual, sumDecimals } from '../../../shared/money'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { readZipEntries } from '../../helpers/zip-reader'
import { CRAFTED, craftedCsv } from '../evidence/support'
import { demoServices, importStaged, waitForReport } from './support'

let services: FocalServices
let entry: number
// By SubAccountName, Web's figure is its two rows, summed here.
const WEB = sumDecimals(CRAFTED.filter(([a]) => a === 'Web').map(([, , c]) => c))

beforeAll(async () => {
  services = (await demoServices()).services
  await services['workspace:create']({ name: 'explain' })
  const job = await importStaged(services, craftedCsv('crafted.csv', CRAFTED), 'crafted.csv')
  expect(job.state).toBe('done')
  const { jobId } = await services['report:export']({
    kind: 'showback',
    period: '2024-09',
    metric: 'BilledCost',
    source: { by: 'SubAccountName' },
    formats: ['csv'],
  })
  expect((await waitForReport(services, jobId)).at(-1)?.state).toBe('done')
  const log = await services['audit:log']({ kind: 'report', offset: 0, limit: 10 })
  entry = log.entries[0]?.seq ?? 0
}, 120_000)
afterAll(() => services.close())

describe('explain channels', () => {
  it('explains a figure of the pack from its audit entry', async () => {
    const answer = await services['explain:figure']({
      period: '2024-09',
      target: 'Web',
      entry,
    })
    const e = CHANNELS['explain:figure'].response.parse(answer)
    expect(e).toMatchObject({ kind: 'showback', groupedBy: 'SubAccountName', currency: 'USD' })
    expect(decimalsEqual(e.figure.exact, WEB)).toBe(true)
    expect(decimalsEqual(e.recorded?.exact ?? '', WEB)).toBe(true)
    expect(e.pack).toMatchObject({ entrySeq: entry, matches: true })
    expect(e.rules).toBeNull()
    expect(e.parts.map((p) => [p.kind, p.lines])).toEqual([['group', 2]])
    expect(e.lines.map((l) => [l.sourceFile, l.sourceRow, l.share])).toEqual([
      ['crafted.csv', 1, '1.000000000'],
      ['crafted.csv', 2, '1.000000000'],
    ])
  })

  it('explains a figure of the preview, with no pack to compare', async () => {
    const e = CHANNELS['explain:figure'].response.parse(
      await services['explain:figure']({
        period: '2024-09',
        target: 'Web',
        preview: { metric: 'BilledCost', source: { by: 'SubAccountName' } },
      }),
    )
    expect(e.pack).toBeNull()
    expect(e.mismatch).toBeNull()
    expect(decimalsEqual(e.figure.exact, WEB)).toBe(true)
  })

  it('gives the evidence bundle, its lines summing to the figure', async () => {
    const answer = CHANNELS['explain:evidence'].response.parse(
      await services['explain:evidence']({ period: '2024-09', target: 'Web', entry }),
    )
    expect(answer).toMatchObject({ mediaType: 'application/zip', lines: 2 })
    expect(answer.fileName).toMatch(/^explain-showback-2024-09-Web-evidence-\d{14}\.zip$/)
    const path = join(tempDir('focal-explain-svc-'), answer.fileName)
    writeFileSync(path, Buffer.from(answer.base64, 'base64'))
    const entries = await readZipEntries(path)
    const [header = [], ...lines] = parseCsv(
      entries.find((e) => e.name === 'lines.csv')?.bytes.toString('utf8') ?? '',
    )
    expect(
      decimalsEqual(sumDecimals(lines.map((l) => l[header.indexOf('amount')] ?? '')), WEB),
    ).toBe(true)
    const rules = JSON.parse(entries.find((e) => e.name === 'rules.json')?.bytes.toString() ?? '')
    expect(rules).toMatchObject({ version: null, groupedBy: 'SubAccountName' })
  })

  it('the contract refuses a path, an unknown field, a lowercase currency and an endless name', () => {
    const ok = { period: '2024-09', target: 'Web' }
    const request = CHANNELS['explain:figure'].request
    expect(request.safeParse(ok).success).toBe(true)
    for (const bad of [
      { ...ok, out: '/tmp/bundle.zip' },
      { ...ok, currency: 'usd' },
      { ...ok, target: 'x'.repeat(301) },
      { ...ok, period: '2024-9' },
      { ...ok, preview: { metric: 'BilledCost', source: { rules: 'file.json' } } },
    ])
      expect(request.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false)
  })
})
