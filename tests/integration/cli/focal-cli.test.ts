/** The built `focal` command on real files: output, --json, exit codes, read-only query, one writer. */
import { execFile } from 'node:child_process'
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { csvSums } from '../../helpers/csv-sums'
import { ROOT, sample, tempDir } from '../../helpers/paths'

const run = promisify(execFile)
const SAMPLE = sample('focus-sample-data/FOCUS-1.0/focus_sample.csv')

async function focal(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return focalIn(ROOT, ...args)
}

async function focalIn(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/focal.js'), ...args], {
      cwd,
    })
    return { code: 0, stdout, stderr }
  } catch (cause) {
    const e = cause as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('focal CLI', () => {
  it('prints help', async () => {
    const { code, stdout } = await focal('--help')
    expect(code).toBe(0)
    expect(stdout).toContain('focal import <file|folder>... -w <workspace.focal> [--json]')
  })

  it('imports a file, creating the workspace, and reports totals per currency as JSON', async () => {
    const ws = join(tempDir(), 'client.focal')
    const { code, stdout } = await focal('import', SAMPLE, '-w', ws, '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.ok).toBe(true)
    expect(out.imports[0]).toMatchObject({
      fileName: 'focus_sample.csv',
      format: 'csv',
      focusVersion: '1.0',
      rowCount: 1000,
      status: 'imported',
      reconciled: true,
      totals: [
        {
          currency: 'USD',
          billedStored: csvSums(SAMPLE, 'BilledCost').USD?.sum,
          effectiveStored: csvSums(SAMPLE, 'EffectiveCost').USD?.sum,
        },
      ],
    })
    expect(out.imports[0].sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('names the detected format of a native export in its summary', async () => {
    const ws = join(tempDir(), 'aws.focal')
    const cur = sample('focus-converters-samples/sample-anonymous-aws-export-dataset.csv')
    const { code, stdout } = await focal('import', cur, '-w', ws)
    expect(code).toBe(0)
    expect(stdout).toContain('sample-anonymous-aws-export-dataset.csv: imported (reconciled)')
    expect(stdout).toContain('format aws-cur-legacy/csv, FOCUS 1.4, 1281 rows')
  })

  it('exits 1 when any file fails, naming file, row and column, and keeps the others', async () => {
    const ws = join(tempDir(), 'mixed.focal')
    // The FOCUS SaaS example on EUR rows: its dollar amounts ($10,000.00) are not read.
    const bad = join(tempDir(), 'simple_saas_agreements_a1.csv')
    writeFileSync(
      bad,
      readFileSync(
        sample(
          'focus-spec-examples/data/saas_examples/simple_agreements/simple_saas_agreements_a1.csv',
        ),
        'utf8',
      ).replace(',USD,', ',EUR,'),
    )
    const { code, stdout } = await focal('import', SAMPLE, bad, '-w', ws)
    expect(code).toBe(1)
    expect(stdout).toContain('focus_sample.csv: imported (reconciled)')
    expect(stdout).toContain('simple_saas_agreements_a1.csv: failed')
    expect(stdout).toContain('where: simple_saas_agreements_a1.csv, row 1, column BilledCost')
    const registry = JSON.parse((await focal('imports', '-w', ws, '--json')).stdout)
    expect(
      registry.imports.map((r: { fileName: string; status: string }) => [r.fileName, r.status]),
    ).toEqual([
      ['simple_saas_agreements_a1.csv', 'failed'],
      ['focus_sample.csv', 'imported'],
    ])
  })

  it('imports a folder and answers read-only SQL over the focus view, refusing writes', async () => {
    const ws = join(tempDir(), 'golden.focal')
    const folder = sample('focus-data-toolkit-golden')
    await focal('import', folder, '-w', ws)
    const q = await focal(
      'query',
      '-w',
      ws,
      '--json',
      'SELECT BillingCurrency AS c, count(*)::INT AS n FROM focus GROUP BY 1 ORDER BY 1',
    )
    // Oracle: rows per currency of the folder's Cost and Usage files, counted from the CSVs themselves.
    const costFiles = readdirSync(folder).filter((f) => /cost_and_usage|consolidated/.test(f))
    const expected: Record<string, number> = {}
    for (const f of costFiles)
      for (const [c, s] of Object.entries(csvSums(join(folder, f), 'BilledCost')))
        expected[c] = (expected[c] ?? 0) + s.rows
    expect(JSON.parse(q.stdout).rows).toEqual(
      Object.entries(expected)
        .sort()
        .map(([c, n]) => ({ c, n })),
    )
    const csv = await focal('query', '-w', ws, '--csv', "SELECT 'a,b' AS x, 1 AS y")
    expect(csv.stdout).toBe('x,y\n"a,b",1\n')
    const write = await focal('query', '-w', ws, 'DELETE FROM cost_rows')
    expect(write.code).toBe(1)
    expect(write.stderr).toContain('error [QUERY_REFUSED]')
    const outside = await focal('query', '-w', ws, "SELECT * FROM read_csv('/etc/hostname')")
    expect(outside.code).toBe(1)
    expect(outside.stderr).toContain('file system operations are disabled')
  })

  it('says clearly when another process holds the workspace it would write', async () => {
    // Reading commands get a read-only snapshot instead (workspace/second-opener.test.ts).
    const path = join(tempDir(), 'held.focal')
    const holder = await Workspace.open(path, { create: true })
    try {
      const { code, stderr } = await focal('import', '-w', path, SAMPLE)
      expect(code).toBe(1)
      expect(stderr).toContain(
        'error [WORKSPACE_LOCKED]: Workspace held.focal is open in another Focal window or command',
      )
    } finally {
      holder.close()
    }
  })

  it('takes a file or SQL starting with "-" after --', async () => {
    const dir = tempDir()
    copyFileSync(SAMPLE, join(dir, '-x.csv'))
    const imported = await focalIn(dir, 'import', '-w', 'dash.focal', '--json', '--', '-x.csv')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout).imports[0]).toMatchObject({
      fileName: '-x.csv',
      status: 'imported',
      rowCount: 1000,
    })
    const query = await focalIn(
      dir,
      'query',
      '-w',
      'dash.focal',
      '--json',
      '--',
      '-- rows per currency\nSELECT count(*)::INT AS n FROM focus',
    )
    expect(query.code).toBe(0)
    expect(JSON.parse(query.stdout).rows).toEqual([{ n: csvSums(SAMPLE, 'BilledCost').USD?.rows }])
    // After --, "--json" is SQL (which fails), not the option: the error comes as text.
    const sqlNotOption = await focalIn(dir, 'query', '-w', 'dash.focal', '--', '--json')
    expect(sqlNotOption.code).toBe(1)
    expect(sqlNotOption.stdout).toBe('')
    expect(sqlNotOption.stderr).toMatch(/^error \[/)
  })

  it('answers an unknown option with a usage error that names it and points to --help', async () => {
    const ws = join(tempDir(), 'usage.focal')
    for (const [args, option] of [
      [['import', '-x.csv', '-w', ws], '"-x"'],
      [['import', SAMPLE, '--bogus', '-w', ws], '"--bogus"'],
      [['query', '-w', ws, '-- comment\nSELECT 1'], '"-- comment\\nSELECT 1"'],
      [['allocate', '-w', ws, '--bogus'], '"--bogus"'],
    ] as const) {
      const { code, stdout, stderr } = await focal(...args)
      expect(code, args.join(' ')).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toContain(`Unknown option ${option}.`)
      expect(stderr).toContain('after --')
      expect(stderr).toContain('Run focal --help for usage.')
      expect(stderr).not.toContain('INTERNAL')
    }
  })
})
