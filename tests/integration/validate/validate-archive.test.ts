/**
 * validateSource on ZIP archives (made byte by byte by zip-writer.ts) and
 * validateArchive's refusals: each billing file inside is validated on its
 * own, under `archive.zip/inner/path`; failing counts are computed here from
 * the file itself (a plain CSV parse), never copied from the engine's output.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateSource } from '../../../electron/core/validate/validate-source'
import { parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { writeZip } from '../../helpers/zip-writer'

const FOCUS_10 = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')
const GOLDEN = sample('focus-data-toolkit-golden/aws_1_3_cost_and_usage_rows100_seed42.csv')
const PARQUET = sample('focus-validator-samples/sample.parquet')

/** 1-based rows of the FOCUS 1.0 sample whose ChargeFrequency is set but not a FOCUS value. */
function badFrequencyRows(): number[] {
  const [header = [], ...rows] = parseCsv(readFileSync(FOCUS_10, 'utf8'))
  const at = header.indexOf('ChargeFrequency')
  return rows.flatMap((row, i) =>
    ['', 'NULL', 'One-Time', 'Recurring', 'Usage-Based'].includes(row[at] ?? '') ? [] : [i + 1],
  )
}

describe('validateSource on a ZIP archive', () => {
  it('validates each billing file inside under `archive.zip/inner/path`, and lists what it skipped', async () => {
    const path = join(tempDir(), 'january.zip')
    writeZip(path, [
      { name: 'exports/focus_sample.csv', data: readFileSync(FOCUS_10) },
      { name: 'golden.csv', data: readFileSync(GOLDEN), deflate: false },
      { name: 'parquet/sample.parquet', data: readFileSync(PARQUET) },
      { name: 'README.txt', data: Buffer.from('January exports\n') },
      { name: 'old/december.zip', data: Buffer.from('PK\u0003\u0004') },
      { name: 'cur/report-Manifest.json', data: Buffer.from('{"reportKeys":[]}') },
    ])
    const { validations, skipped } = await validateSource(path)
    expect(validations.map((v) => [v.name, v.format, v.focusVersion, v.rows, v.error])).toEqual([
      ['january.zip/exports/focus_sample.csv', 'csv', '1.0', 1000, null],
      ['january.zip/golden.csv', 'csv', '1.3', 100, null],
      ['january.zip/parquet/sample.parquet', 'parquet', '0.5', 2, null],
    ])
    const [focus10, golden] = validations
    const bad = badFrequencyRows()
    expect(bad.length).toBeGreaterThan(0)
    expect(focus10?.rules.find((r) => r.rule === 'ChargeFrequency.Allowed')).toMatchObject({
      failingRows: bad.length,
      passed: false,
      samples: bad.slice(0, 5).map((row) => ({ row, value: 'Usage-based' })),
    })
    expect(golden?.errors).toBe(0)
    expect(skipped).toEqual([
      {
        fileName: 'january.zip/README.txt',
        reason: 'not a billing file (CSV, CSV.gz, Parquet or JSON lines)',
      },
      {
        fileName: 'january.zip/old/december.zip',
        reason: 'a ZIP inside the archive; unzip it and import it on its own',
      },
      {
        fileName: 'january.zip/cur/report-Manifest.json',
        reason: 'an AWS CUR manifest; the parts it lists are validated one by one',
      },
    ])
  })

  it('gives the same failing rows for a file inside an archive as for the file itself', async () => {
    const path = join(tempDir(), 'one.zip')
    writeZip(path, [{ name: 'focus_sample.csv', data: readFileSync(FOCUS_10) }])
    const [inside] = (await validateSource(path)).validations
    const [alone] = (await validateSource(FOCUS_10)).validations
    expect(inside?.rules).toEqual(alone?.rules)
    expect(inside?.rules.length).toBeGreaterThan(0)
  })

  it('refuses a damaged archive with BAD_ARCHIVE, as import does, validating nothing', async () => {
    const dir = tempDir()
    const path = join(dir, 'broken.zip')
    writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]))
    const { validations, skipped } = await validateSource(path)
    expect(skipped).toEqual([])
    expect(validations).toHaveLength(1)
    const [v] = validations
    expect(v).toMatchObject({ name: 'broken.zip', format: 'zip', rows: 0, rules: [], errors: 1 })
    expect(v?.error?.code).toBe('BAD_ARCHIVE')
    expect(v?.error?.message).toMatch(/^broken\.zip is not a readable ZIP archive \(.+\)\.$/)
    expect(v?.error?.message).not.toMatch(/imported/i)
    expect(v?.error?.hint).toBe(
      'The archive may be damaged or unsafe: unzip it with a tool you trust and validate the billing files inside.',
    )
    expect(JSON.stringify(v?.error)).not.toContain(dir)
  })

  it('refuses an archive whose entry points outside it, naming the entry', async () => {
    const path = join(tempDir(), 'escape.zip')
    writeZip(path, [
      { name: 'ok.csv', data: readFileSync(GOLDEN) },
      { name: '../evil.csv', data: readFileSync(GOLDEN) },
    ])
    const [v] = (await validateSource(path)).validations
    expect(v?.error).toMatchObject({
      code: 'BAD_ARCHIVE',
      location: { file: 'escape.zip/../evil.csv' },
    })
  })

  it('says an archive with no billing file holds none, without "imported"', async () => {
    const path = join(tempDir(), 'notes.zip')
    writeZip(path, [{ name: 'README.txt', data: Buffer.from('nothing here\n') }])
    const [v] = (await validateSource(path)).validations
    expect(v?.error?.code).toBe('UNSUPPORTED_FORMAT')
    expect(v?.error?.message).toBe(
      'notes.zip holds no billing file (CSV, CSV.gz, Parquet or JSON lines), only README.txt.',
    )
  })
})
