/** The built `focal validate`: text, --json and --csv output, exit codes 0, 1 and 2, and -w. */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { focal } from '../../helpers/cli'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { writeZip } from '../../helpers/zip-writer'

const FOCUS_10 = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const GOLDEN = sample('focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows100_seed42.csv')

/** Rows of the FOCUS 1.0 sample whose ChargeFrequency is set but not a FOCUS value, 1-based. */
function badFrequencyRows(): number[] {
  const [header = [], ...rows] = parseCsv(readFileSync(FOCUS_10, 'utf8'))
  const at = header.indexOf('ChargeFrequency')
  return rows.flatMap((row, i) =>
    ['', 'NULL', 'One-Time', 'Recurring', 'Usage-Based'].includes(row[at] ?? '') ? [] : [i + 1],
  )
}

describe('focal validate', () => {
  it('exits 0 for a file that passes every error rule, and says so', async () => {
    const { code, stdout } = await focal('validate', GOLDEN)
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^aws_1_3_cost_and_usage_rows100_seed42\.csv: FOCUS 1\.3 \(csv\), 100 rows: all \d+ rules passed\n$/,
    )
  })

  it('exits 1 and lists each failed rule with its section, count and sample rows', async () => {
    const bad = badFrequencyRows()
    const { code, stdout } = await focal('validate', FOCUS_10)
    expect(code).toBe(1)
    expect(stdout).toContain('focus_sample.csv: FOCUS 1.0 (csv), 1000 rows: 3 errors, 1 warning;')
    expect(stdout).toContain(
      `  error   ChargeFrequency.Allowed (FOCUS 1.4 §ChargeFrequency, since 1.0): ${bad.length} rows — ChargeFrequency is not empty and not one of One-Time, Recurring, Usage-Based.\n` +
        bad
          .slice(0, 5)
          .map((row) => `            row ${row}: "Usage-based"\n`)
          .join(''),
    )
  })

  it('--json gives every rule of every file; --csv writes one line per file and rule', async () => {
    const csvPath = join(tempDir(), 'rules.csv')
    const { code, stdout } = await focal('validate', FOCUS_10, GOLDEN, '--json', '--csv', csvPath)
    expect(code).toBe(1)
    const out = JSON.parse(stdout)
    expect(out.ok).toBe(false)
    expect(out.validations.map((v: { name: string }) => v.name)).toEqual([
      'focus_sample.csv',
      'aws_1_3_cost_and_usage_rows100_seed42.csv',
    ])
    const [first] = out.validations
    expect(first).toMatchObject({ source: 'file', format: 'csv', focusVersion: '1.0', rows: 1000 })
    const frequency = first.rules.find(
      (r: { rule: string }) => r.rule === 'ChargeFrequency.Allowed',
    )
    const bad = badFrequencyRows()
    expect(frequency).toEqual({
      rule: 'ChargeFrequency.Allowed',
      check: 'allowed',
      column: 'ChargeFrequency',
      since: '1.0',
      section: 'FOCUS 1.4 §ChargeFrequency',
      severity: 'error',
      message: 'ChargeFrequency is not empty and not one of One-Time, Recurring, Usage-Based.',
      failingRows: bad.length,
      passed: false,
      samples: bad.slice(0, 5).map((row) => ({ row, value: 'Usage-based' })),
    })
    const [header, ...lines] = parseCsv(readFileSync(csvPath, 'utf8'))
    expect(header).toEqual([
      'file',
      'focus_version',
      'rule',
      'check',
      'column',
      'since',
      'section',
      'severity',
      'passed',
      'failing_rows',
      'sample_rows',
      'message',
    ])
    expect(lines.length).toBe(out.validations[0].rules.length + out.validations[1].rules.length)
    const line = lines.find(
      (l) => l[0] === 'focus_sample.csv' && l[2] === 'ChargeFrequency.Allowed',
    )
    expect(line?.slice(8, 11)).toEqual([
      'false',
      String(bad.length),
      bad
        .slice(0, 5)
        .map((row) => `row ${row}: "Usage-based"`)
        .join('; '),
    ])
  })

  it('--pdf writes the failed rules with their counts and first rows, and the passed ones', async () => {
    const pdfPath = join(tempDir(), 'rules.pdf')
    expect((await focal('validate', FOCUS_10, '--pdf', pdfPath)).code).toBe(1)
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], {
      encoding: 'utf8',
    }).replace(/[ \u00a0]+/g, ' ')
    const bad = badFrequencyRows()
    expect(text).toContain('focus_sample.csv')
    expect(text).toContain(
      `ChargeFrequency.Allowed error ${bad.length} ChargeFrequency is not empty`,
    )
    expect(text).toContain(
      bad
        .slice(0, 3)
        .map((row) => `row ${row}: Usage-based`)
        .join('; '),
    )
    expect(text).toMatch(/Passed: BilledCost\.Present,/)
  })

  it('-w validates a workspace read-only, naming each sample row by file', async () => {
    const ws = join(tempDir(), 'costs.focal')
    expect((await focal('import', FOCUS_10, '-w', ws)).code).toBe(0)
    const { code, stdout } = await focal('validate', '-w', ws, '--json')
    expect(code).toBe(1)
    const [v] = JSON.parse(stdout).validations
    expect(v).toMatchObject({ name: 'costs.focal', source: 'workspace', rows: 1000, errors: 3 })
    const frequency = v.rules.find((r: { rule: string }) => r.rule === 'ChargeFrequency.Allowed')
    expect(frequency.samples[0]).toEqual({
      file: 'focus_sample.csv',
      row: badFrequencyRows()[0],
      value: 'Usage-based',
    })
  })

  it('exits 2 for usage mistakes and 1 for a workspace that is not there', async () => {
    expect(await focal('validate')).toMatchObject({ code: 2 })
    const both = await focal('validate', FOCUS_10, '-w', 'x.focal')
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('focal validate takes files or -w <workspace.focal>, not both.')
    expect((await focal('validate', FOCUS_10, '--nope')).code).toBe(2)
    const missing = await focal('validate', '-w', join(tempDir(), 'none.focal'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('error [NOT_FOUND]: No workspace at none.focal.')
  })

  it('validates a folder: its CSV and each billing file of a ZIP in it, listing what it skipped', async () => {
    const folder = join(tempDir(), 'exports')
    mkdirSync(join(folder, 'archives'), { recursive: true })
    copyFileSync(GOLDEN, join(folder, 'golden.csv'))
    writeZip(join(folder, 'archives', 'january.zip'), [
      { name: 'focus/focus_sample.csv', data: readFileSync(FOCUS_10) },
      { name: 'README.txt', data: Buffer.from('January exports\n') },
    ])
    const bad = badFrequencyRows()
    const text = await focal('validate', folder)
    expect(text.code).toBe(1)
    expect(text.stdout).toContain(
      'january.zip/focus/focus_sample.csv: FOCUS 1.0 (csv), 1000 rows: 3 errors, 1 warning;',
    )
    expect(text.stdout).toContain(
      `ChargeFrequency.Allowed (FOCUS 1.4 §ChargeFrequency, since 1.0): ${bad.length} rows`,
    )
    expect(text.stdout).toContain(
      'january.zip/README.txt: skipped (not a billing file (CSV, CSV.gz, Parquet or JSON lines))\n',
    )
    expect(text.stdout).toMatch(
      /\ngolden\.csv: FOCUS 1\.3 \(csv\), 100 rows: all \d+ rules passed\n/,
    )
    const json = await focal('validate', join(folder, 'archives', 'january.zip'), '--json')
    expect(json.code).toBe(1)
    const out = JSON.parse(json.stdout)
    expect(out.validations.map((v: { name: string; rows: number }) => [v.name, v.rows])).toEqual([
      ['january.zip/focus/focus_sample.csv', 1000],
    ])
    expect(out.skipped).toEqual([
      {
        fileName: 'january.zip/README.txt',
        reason: 'not a billing file (CSV, CSV.gz, Parquet or JSON lines)',
      },
    ])
  })

  it('says a damaged ZIP is BAD_ARCHIVE and exits 1', async () => {
    const path = join(tempDir(), 'broken.zip')
    writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]))
    const { code, stdout } = await focal('validate', path)
    expect(code).toBe(1)
    expect(stdout).toMatch(
      /^broken\.zip: not validated\n {2}error \[BAD_ARCHIVE\]: broken\.zip is not a readable ZIP archive \(.+\)\.\n {4}where: broken\.zip\n/,
    )
  })

  it('reports a file it cannot read as not validated, with what to do', async () => {
    const path = join(tempDir(), 'notes.csv')
    writeFileSync(path, 'name,amount\nlunch,12\n')
    const { code, stdout } = await focal('validate', path)
    expect(code).toBe(1)
    expect(stdout).toContain(
      'notes.csv: not validated\n  error [MISSING_COLUMNS]: notes.csv is not a billing export',
    )
  })
})
