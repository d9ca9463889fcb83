/** cli/report-command: `focal report …` arguments, output, exit codes, on a real workspace file. */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runReportCommand } from '../../../electron/cli/report-command'
import { importDriverCsv, importMappingCsv } from '../../../electron/core/allocate/tables'
import { importFile } from '../../../electron/core/ingest/import-file'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { fixedDecimals, formatExact } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, flat, oracle, pdfText } from './support'

let workspace: string

beforeAll(async () => {
  const ws = await freshWorkspace('cli')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
  workspace = ws.path
  ws.close()
})
afterEach(() => vi.restoreAllMocks())

async function report(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
  const code = await runReportCommand(argv)
  vi.restoreAllMocks()
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** `focal report <kind> -w <workspace> --period 2024-09 --by SubAccountName --out <out> …rest`. */
function bySubAccount(
  kind: string,
  out: string,
  ...rest: string[]
): Promise<{ code: number; out: string; err: string }> {
  return report(
    kind,
    '-w',
    workspace,
    '--period',
    '2024-09',
    '--by',
    'SubAccountName',
    '--out',
    out,
    ...rest,
  )
}

describe('runReportCommand', () => {
  it('writes the pack and says what it wrote, reconciled, with the exact total', async () => {
    const out = join(tempDir(), 'pack')
    const { code, out: text } = await report(
      'chargeback',
      '-w',
      workspace,
      '--period',
      '2024-09',
      '--by',
      'tag:business_unit',
      '--out',
      out,
      '--format',
      'pdf,csv',
      '--company',
      'Acme Corp',
      '--top',
      '3',
    )
    const total = oracle(DEMO, '2024-09', 'tag:business_unit').total
    expect(code).toBe(0)
    expect(flat(text)).toContain(
      flat(`Chargeback 2024-09 · Billed cost (invoice) · No rules: grouped by tag:business_unit`),
    )
    expect(flat(text)).toContain(
      flat(`(exact ${formatExact(total, 'USD')}) — reconciled to the period total`),
    )
    expect(readdirSync(out).sort()).toEqual([
      'chargeback-2024-09-journal.csv',
      'chargeback-2024-09-manifest.json',
      'chargeback-2024-09-summary.csv',
      'chargeback-2024-09-summary.pdf',
      'cost-centers',
    ])
    expect(pdfText(join(out, 'chargeback-2024-09-summary.pdf'))).toContain('Acme Corp')
  }, 120_000)

  it('prints JSON with --json, takes budgets for showback and the effective metric', async () => {
    const dir = tempDir()
    const budgets = join(dir, 'budgets.csv')
    writeFileSync(budgets, 'target,currency,amount\nAtlas Orion,USD,20\n')
    const { code, out } = await bySubAccount(
      'showback',
      join(dir, 'p'),
      '--format',
      'csv',
      '--metric',
      'effective',
      '--budgets',
      budgets,
      '--json',
    )
    expect(code).toBe(0)
    const result = JSON.parse(out)
    expect(result.ok).toBe(true)
    expect(result.reconciliation[0]).toMatchObject({
      currency: 'USD',
      sum: oracle(DEMO, '2024-09', 'SubAccountName', 'EffectiveCost').total,
      ok: true,
    })
    // A showback is not booked: no journal CSV and no journal in the JSON.
    expect(result.files.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'manifest',
      'summary-csv',
    ])
    expect(result).not.toHaveProperty('journal')
  })

  it('posts a balanced journal from --ledger and --credit-account, listing an unmapped cost center', async () => {
    const dir = tempDir()
    const expected = oracle(DEMO, '2024-09', 'SubAccountName')
    // Every cost center but the largest gets an account and a code; the largest is left out.
    const [largest = '', ...rest] = [...expected.targets]
      .sort(([, a], [, b]) => Number(b.sum) - Number(a.sum))
      .map(([t]) => t)
    const ledger = join(dir, 'ledger.csv')
    writeFileSync(
      ledger,
      [
        'target,ledger_account,cost_center_code',
        ...rest.map((t, i) => `"${t}",6${String(i).padStart(3, '0')},CC-${i}`),
      ].join('\n'),
    )
    const { code, out } = await bySubAccount(
      'chargeback',
      join(dir, 'p'),
      '--format',
      'csv',
      '--ledger',
      ledger,
      '--credit-account',
      '2100',
    )
    expect(code, out).toBe(0)
    const [header = [], ...journal] = parseCsv(
      readFileSync(join(dir, 'p/chargeback-2024-09-journal.csv'), 'utf8'),
    )
    const col = (name: string): number => header.indexOf(name)
    expect(journal.every((r) => /^(6\d{3}|2100)$/.test(r[col('Account')] ?? ''))).toBe(true)
    expect(journal.some((r) => (r[col('Description')] ?? '').endsWith(largest))).toBe(false)
    const debits = sumDecimals(journal.map((r) => r[col('Debit')] || '0'))
    expect(debits).toBe(sumDecimals(journal.map((r) => r[col('Credit')] || '0')))
    expect(flat(out)).toContain(
      `Journal balances: debits = credits = ${fixedDecimals(debits, 2)} USD`,
    )
    expect(flat(out)).toMatch(
      new RegExp(`Not posted, no ledger account: ${largest} \\d+\\.\\d\\d USD`),
    )
    // The usage points at the missing column by name.
    writeFileSync(ledger, 'target,account\nA,6100\n')
    const bad = await bySubAccount('chargeback', join(dir, 'q'), '--ledger', ledger)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('ledger.csv has no "ledger_account" column.')
  })

  it('reports by allocation rules from a file, and by the saved rules', async () => {
    const examples = join(ROOT, 'resources/examples')
    const dir = tempDir()
    const rules = join(examples, 'allocation-rules.json')
    const noTables = await report(
      'chargeback',
      '-w',
      workspace,
      '--period',
      '2024-09',
      '--rules',
      rules,
      '--out',
      join(dir, 'a'),
    )
    // The rules need their mapping and driver tables in the workspace first (focal allocate --mapping/--driver).
    expect(noTables.code, noTables.out).toBe(1)
    const ws = await Workspace.open(workspace)
    await importMappingCsv(ws, 'account-cost-center', join(examples, 'account-cost-center.csv'))
    await importDriverCsv(ws, 'cluster-cpu-hours', join(examples, 'cluster-cpu-hours.csv'))
    ws.close()
    const ok = await report(
      'chargeback',
      '-w',
      workspace,
      '--period',
      '2024-09',
      '--rules',
      rules,
      '--out',
      join(dir, 'b'),
      '--format',
      'csv',
    )
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain(
      'Rule set "Demo chargeback for the FOCUS sample (September 2024)", version not saved',
    )
    expect(ok.out).toContain('reconciled to the period total')
    const saved = await report(
      'chargeback',
      '-w',
      workspace,
      '--period',
      '2024-09',
      '--rules',
      'saved',
      '--out',
      join(dir, 'c'),
    )
    expect(saved.code).toBe(1)
    expect(saved.err).toContain('[NOT_FOUND]: This workspace has no saved allocation rules.')
  })

  it('answers usage mistakes with exit code 2 and the usage', async () => {
    const cases: string[][] = [
      [],
      ['invoice', '-w', workspace],
      ['chargeback', '--period', '2024-09', '--by', 'X', '--out', 'o'],
      ['chargeback', '-w', workspace, '--period', 'Sept', '--by', 'X', '--out', 'o'],
      ['chargeback', '-w', workspace, '--period', '2024-09', '--out', 'o'],
      ['chargeback', '-w', workspace, '--period', '2024-09', '--by', 'X'],
      [
        'chargeback',
        '-w',
        workspace,
        '--period',
        '2024-09',
        '--by',
        'X',
        '--out',
        'o',
        '--metric',
        'list',
      ],
      [
        'chargeback',
        '-w',
        workspace,
        '--period',
        '2024-09',
        '--by',
        'X',
        '--out',
        'o',
        '--format',
        'pdf,docx',
      ],
      [
        'chargeback',
        '-w',
        workspace,
        '--period',
        '2024-09',
        '--by',
        'X',
        '--out',
        'o',
        '--top',
        '0',
      ],
      [
        'chargeback',
        '-w',
        workspace,
        '--period',
        '2024-09',
        '--by',
        'X',
        '--rules',
        'saved',
        '--out',
        'o',
      ],
      [
        'chargeback',
        '-w',
        workspace,
        '--period',
        '2024-09',
        '--by',
        'X',
        '--dimension',
        'cc',
        '--out',
        'o',
      ],
      ['chargeback', '--bogus'],
    ]
    for (const argv of cases) {
      const { code, err } = await report(...argv)
      expect(code, argv.join(' ')).toBe(2)
      expect(err).toContain('Usage:')
    }
    expect((await report('--help')).code).toBe(0)
  })

  it('refuses what it cannot do with exit code 1 and a sentence, writing nothing', async () => {
    const out = join(tempDir(), 'none')
    const noRows = await report(
      'chargeback',
      '-w',
      workspace,
      '--period',
      '2023-01',
      '--by',
      'SubAccountName',
      '--out',
      out,
    )
    expect(noRows.code, noRows.err + noRows.out).toBe(1)
    expect(noRows.err).toContain(
      'error [NO_ROWS]: The workspace has no cost rows in the billing period 2023-01.',
    )
    expect(noRows.err).toContain('Periods with data: 2024-09, 2024-10.')
    const badBudgets = join(tempDir(), 'b.csv')
    writeFileSync(badBudgets, 'team,amount\nA,1\n')
    const budgets = await bySubAccount('showback', out, '--budgets', badBudgets)
    expect(budgets.code, budgets.err + budgets.out).toBe(1)
    expect(budgets.err).toContain('[MISSING_COLUMNS]')
    const missing = await report(
      'chargeback',
      '-w',
      join(tempDir(), 'nope.focal'),
      '--period',
      '2024-09',
      '--by',
      'SubAccountName',
      '--out',
      out,
      '--json',
    )
    expect(missing.code, missing.err + missing.out).toBe(1)
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(existsSync(out)).toBe(false)
  })
})
