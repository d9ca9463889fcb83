/** The built `focal audit explain`: the chain of a pack's figure in words and JSON, the bundle, usage errors, a stale pack. */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { decimalsEqual, sumDecimals } from '../../../shared/money'
import { focal } from '../../helpers/cli'
import { parseCsv } from '../../helpers/csv-sums'
import { tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { readZipEntries } from '../../helpers/zip-reader'
import { craftedCsv, craftedPack } from '../evidence/support'

// Web: 20.10 + 9.90 direct, 3/4 of the 8.00 and 4.40 network rows (worked out in evidence/support.ts).
const WEB = '39.3'
let path: string
beforeAll(async () => {
  const ws = await freshWorkspace('explained')
  try {
    await craftedPack(ws)
  } finally {
    await ws.close()
  }
  path = ws.path
}, 120_000)

/** `focal audit explain -w <workspace> --period <period> --target <target> [more…]`. */
const explain = (period: string, target: string, ...more: string[]): ReturnType<typeof focal> =>
  focal('audit', 'explain', '-w', path, '--period', period, '--target', target, ...more)

describe('focal audit explain', () => {
  it('states the figure, the rule version, the parts, the lines and the source', async () => {
    const result = await explain('2024-09', 'Web')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^Web, chargeback 2024-09, BilledCost in USD: 39\.3 exact from 4 lines, charged 39\.3/m,
    )
    expect(result.stdout).toContain('The pack still matches the data.')
    expect(result.stdout).toMatch(/Rule version 1 by .*: "first cut"\./)
    expect(result.stdout).toMatch(/network: .*split proportional/)
    expect(result.stdout).toMatch(
      /Source: import 1 crafted-2024-09\.csv SHA-256 [0-9a-f]{64}, rows 1–5, logged in audit entry \d+\./,
    )
  })

  it('writes the evidence bundle with --out, its lines summing to the figure', async () => {
    const out = join(tempDir('focal-explain-cli-'), 'web.zip')
    const result = await explain(
      '2024-09',
      'Web',
      '--currency',
      'USD',
      '--kind',
      'chargeback',
      '--out',
      out,
      '--json',
    )
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as {
      figure: { figure: { exact: string } }
      bundle: string
    }
    expect(decimalsEqual(json.figure.figure.exact, WEB)).toBe(true)
    expect(json.bundle).toBe('web.zip')
    const entries = await readZipEntries(out)
    const [header = [], ...lines] = parseCsv(
      entries.find((e) => e.name === 'lines.csv')?.bytes.toString('utf8') ?? '',
    )
    expect(
      decimalsEqual(sumDecimals(lines.map((l) => l[header.indexOf('amount')] ?? '')), WEB),
    ).toBe(true)
    const again = await explain('2024-09', 'Web', '--out', out)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('web.zip exists; give --force to replace it.')
  })

  it('answers usage mistakes with exit 2 and a sentence', async () => {
    const noTarget = await focal('audit', 'explain', '-w', path, '--period', '2024-09')
    expect(noTarget.code).toBe(2)
    expect(noTarget.stderr).toContain('--target names the cost center')
    const badPeriod = await explain('Sept', 'Web')
    expect(badPeriod.code).toBe(2)
    expect(badPeriod.stderr).toContain('--period takes a month as YYYY-MM')
    const unknown = await explain('2024-09', 'Nobody')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('"Nobody" has no figure in the chargeback of 2024-09.')
  })

  it('exits 1 and says so when the pack no longer matches the data', async () => {
    const late = craftedCsv('late-2024-09.csv', [['Web', 'Amazon EC2', '5.00']])
    const ws = await Workspace.open(path)
    try {
      expect((await importFile(ws, late)).status).toBe('imported')
    } finally {
      await ws.close()
    }
    const result = await explain('2024-09', 'Web')
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      "This chargeback pack of 2024-09 no longer matches the data: it recorded 39.3 USD, today's data gives 5 USD.",
    )
  })
})
