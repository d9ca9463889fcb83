/** The built `focal rows` and `focal row` commands: a cell's rows paged and summed exactly, one row with its source line. */
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RowDetail, RowSource, RowsPage } from '../../../shared/contract/rows'
import { sumDecimals } from '../../../shared/money'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { ROOT, sample, tempDir } from '../../helpers/paths'

const run = promisify(execFile)
const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const SERVICE = 'Amazon Simple Queue Service'
let ws = ''

async function focal(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/focal.js'), ...args], {
      maxBuffer: 64 << 20,
    })
    return { code: 0, stdout, stderr }
  } catch (cause) {
    const e = cause as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

beforeAll(async () => {
  ws = join(tempDir(), 'rows.focal')
  expect((await focal('import', SAMPLE, '-w', ws)).code).toBe(0)
})

describe('focal rows', () => {
  it('pages through a filtered cell: its BilledCost sums to the file', async () => {
    const billed: string[] = []
    let total = -1
    for (let page = 1; page <= 10; page++) {
      const out = await focal(
        'rows',
        '-w',
        ws,
        '--filter',
        `ServiceName=${SERVICE}`,
        '--page',
        String(page),
        '--page-size',
        '40',
        '--json',
      )
      expect(out.code).toBe(0)
      const result = JSON.parse(out.stdout) as RowsPage
      total = result.total
      const at = result.columns.indexOf('BilledCost')
      billed.push(...result.rows.flatMap((r) => (r[at] === null ? [] : [r[at]!])))
      if (result.rows.length < 40) break
    }
    const oracle = csvSums(SAMPLE, 'BilledCost', 'ServiceName')[SERVICE]!
    expect(total).toBe(oracle.rows)
    expect(sumDecimals(billed)).toBe(oracle.sum)
  })

  it('sorts and says where the page is; refuses a bad option', async () => {
    const out = await focal('rows', '-w', ws, '--sort', 'BilledCost:desc', '--page-size', '3')
    expect(out.code).toBe(0)
    expect(out.stdout).toContain('Rows 1–3 of 1000 (page 1 of 334).')
    expect(out.stdout.split('\n')[0]).toMatch(/^Row +ChargePeriodStart/)
    const bad = await focal('rows', '-w', ws, '--page-size', '501')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--page-size takes 1 to 500 rows (got 501).')
    const unknown = await focal('rows', '-w', ws, '--sort', 'NoSuchColumn')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('Unknown column NoSuchColumn.')
  })
})

describe('focal rows by time bucket', () => {
  it('reads a quarter on the billing basis and a week by its Monday, as focal pivot labels them', async () => {
    const [header = [], ...records] = parseCsv(readFileSync(SAMPLE, 'utf8'))
    const at = (name: string): number => header.indexOf(name)
    const ofService = records.filter((r) => r[at('ServiceName')] === SERVICE)
    const quarter = ofService.filter((r) => /^2024-0[789]/.test(r[at('BillingPeriodStart')] ?? ''))
    const total = async (...args: string[]): Promise<number> => {
      const out = await focal(
        'rows',
        '-w',
        ws,
        '--filter',
        `ServiceName=${SERVICE}`,
        ...args,
        '--json',
      )
      expect(out.code, out.stderr).toBe(0)
      return (JSON.parse(out.stdout) as RowsPage).total
    }
    expect(await total('--basis', 'billing', '--quarter', '2024-Q3')).toBe(quarter.length)
    // The week of Monday 16 September 2024: charge periods starting 16–22 September.
    const week = ofService.filter((r) =>
      /^2024-09-(1[6-9]|2[0-2])/.test(r[at('ChargePeriodStart')] ?? ''),
    )
    expect(week.length).toBeGreaterThan(0)
    expect(week.length).toBeLessThan(ofService.length)
    expect(await total('--week', '2024-09-16')).toBe(week.length)
    const bad = await focal('rows', '-w', ws, '--quarter', '2024-3')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--quarter takes YYYY-Qn (got 2024-3).')
  })
})

describe('focal row', () => {
  it('shows one row with its source line from the folder given, found by SHA-256', async () => {
    const folder = join(tempDir(), 'exports')
    mkdirSync(folder)
    copyFileSync(SAMPLE, join(folder, 'september.csv'))
    const out = await focal('row', '-w', ws, '1:7', '--sources', folder, '--json')
    expect(out.code).toBe(0)
    const result = JSON.parse(out.stdout) as RowDetail & { source: RowSource }
    const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/)
    expect(result.source).toMatchObject({ found: true, header: lines[0], line: lines[7] })
    expect(result.provenance.fileName).toBe('focus_sample.csv')
    const text = await focal('row', '-w', ws, '1:7', '--sources', folder)
    expect(text.stdout).toContain('Row 1:7 — data row 7 of focus_sample.csv')
    expect(text.stdout).toContain(`Source line (focus_sample.csv):\n${lines[0]}\n${lines[7]}`)
  })

  it('says plainly when the source file is not in the folder, and refuses a bad row', async () => {
    const empty = tempDir()
    const out = await focal('row', '-w', ws, '1:7', '--sources', empty)
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(
      /The source file focus_sample\.csv \(SHA-256 [0-9a-f]{12}…\) is not at hand: choose the folder that holds it\./,
    )
    expect(out.stdout).not.toContain(empty)
    const bad = await focal('row', '-w', ws, 'seven')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('focal row takes one row as <import-id>:<source-row>')
  })
})
