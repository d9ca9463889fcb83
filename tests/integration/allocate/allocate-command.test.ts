/**
 * electron/cli/allocate-command on the demo workspace, run in-process (the
 * lead wires it into the built `focal`): text and JSON output, --save with a
 * note, the saved version used when no --rules, imports, usage errors.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runAllocateCommand } from '../../../electron/cli/allocate-command'
import { importFile } from '../../../electron/core/ingest/import-file'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { parseRuleSetText } from '../../../shared/allocate/parse-rules'
import { tempDir } from '../../helpers/paths'
import { DEMO, EXAMPLES, exampleRules } from './fixtures'

const RULES = join(EXAMPLES, 'allocation-rules.json')
const TABLES = [
  '--mapping',
  `account-cost-center=${join(EXAMPLES, 'account-cost-center.csv')}`,
  '--driver',
  `cluster-cpu-hours=${join(EXAMPLES, 'cluster-cpu-hours.csv')}`,
]

let workspace: string
let out: string[]
let err: string[]
beforeEach(async () => {
  workspace = join(tempDir(), 'cli.focal')
  const ws = await Workspace.open(workspace, { create: true })
  await importFile(ws, DEMO)
  ws.close()
  out = []
  err = []
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
})
afterEach(() => vi.restoreAllMocks())

const focal = (...args: string[]): Promise<number> => runAllocateCommand(['-w', workspace, ...args])

describe('focal allocate', () => {
  it('imports the tables, previews the rule file against no rules and prints the reconciliation', async () => {
    expect(await focal('--rules', RULES, '--period', '2024-09', ...TABLES)).toBe(0)
    const text = out.join('\n')
    expect(text).toContain('Imported mapping account-cost-center: 6 rows')
    expect(text).toContain(
      'Allocation of 2024-09 · Billed cost (invoice) · Cost center (cost_center)',
    )
    expect(text).toContain('Rules: allocation-rules.json (not saved); compared with no rules')
    expect(text).toMatch(
      /Unallocated\s+0\.2772384847\s+0\.00\s+0\.2772384847\s+20\.28022672899\s+-20\.00298824429/,
    )
    expect(text).toMatch(/Total\s+20\.12517631849\s+0\.1550504105\s+20\.28022672899/)
    expect(text).toContain(
      'Coverage: 98.63% allocated (target 95%), meets the target; Unallocated 0.2772384847 USD',
    )
    expect(text).toContain(
      'platform "Platform services" USD: 0.233320695 from 85 rows, fixed (percentages) → 3 targets; residue 0.013320695: +0.01 Finance, +0.003320695 IT',
    )
    expect(text).toContain(
      'Reconciliation USD: sum of lines 20.28022672899 = period total 20.28022672899 ✓',
    )
  })

  it('saves with a note, then allocates by the saved version without --rules', async () => {
    expect(
      await focal(
        '--rules',
        RULES,
        '--period',
        '2024-09',
        '--save',
        '--note',
        'September close',
        ...TABLES,
      ),
    ).toBe(0)
    expect(out.join('\n')).toContain('Saved as version 1.')
    out.length = 0
    expect(await focal('--period', '2024-09', '--metric', 'effective', '--json')).toBe(0)
    const json = JSON.parse(out.join('\n'))
    expect(json).toMatchObject({
      ok: true,
      ruleVersion: 1,
      metric: 'EffectiveCost',
      period: '2024-09',
      reconciliation: [
        {
          currency: 'USD',
          periodTotal: '14.97651418586',
          linesTotal: '14.97651418586',
          equal: true,
        },
      ],
      coverage: { target: 95, meetsTarget: true },
    })
    expect(json.table).toBeUndefined()
    expect(json.residues.length).toBeGreaterThan(0)
    out.length = 0
    expect(await focal('--versions')).toBe(0)
    expect(out[0]).toMatch(/^v1 {2}\d{4}-\d{2}-\d{2}T[\d:]+Z {2}\S+ {2}September close$/)
  })

  it('defaults to the latest period and exports the rules it used', async () => {
    const exported = join(tempDir(), 'exported.json')
    expect(await focal('--rules', RULES, '--export', exported, ...TABLES)).toBe(0)
    expect(out.join('\n')).toContain('Allocation of 2024-10')
    expect(existsSync(exported)).toBe(true)
    expect(parseRuleSetText(readFileSync(exported, 'utf8'))).toEqual(exampleRules())
  })

  it('imports tables alone (before any rules exist)', async () => {
    expect(await focal(...TABLES)).toBe(0)
    expect(out).toEqual([
      expect.stringMatching(
        /^Imported mapping account-cost-center: 6 rows \(sha256 [0-9a-f]{12}…\)\.$/,
      ),
      expect.stringMatching(/^Imported driver cluster-cpu-hours: 3 rows/),
    ])
  })

  it('says what is wrong: usage errors exit 2, missing rules and bad files throw Focal errors', async () => {
    expect(await runAllocateCommand(['--rules', RULES])).toBe(2)
    expect(await focal('--save', '--rules', RULES)).toBe(2)
    expect(err.join('\n')).toContain('--save needs --note')
    expect(await focal('--metric', 'list')).toBe(2)
    await expect(focal('--period', '2024-09')).rejects.toThrow(
      'This workspace has no saved allocation rules.',
    )
    await expect(focal('--rules', RULES, '--period', '2024-09')).rejects.toThrow(
      'Dimension "cost_center", rule "untagged-by-account" (#10): no mapping table "account-cost-center" in the workspace.',
    )
    await expect(focal('--rules', join(EXAMPLES, 'account-cost-center.csv'))).rejects.toThrow(
      'account-cost-center.csv is not valid JSON',
    )
  })
})
