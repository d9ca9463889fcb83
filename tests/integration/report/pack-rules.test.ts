/**
 * core/report/allocation-source with the real allocation engine: the example
 * rule set (resources/examples) on the demo data, through writePack. The pack
 * must still reconcile to the invoice total, and state the rule set, each
 * pool with how it was split, and the residues of the exact splits.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importDriverCsv, importMappingCsv } from '../../../electron/core/allocate/tables'
import { importFile } from '../../../electron/core/ingest/import-file'
import { allocationLinesSource } from '../../../electron/core/report/allocation-source'
import { writePack, type PackResult } from '../../../electron/core/report/pack'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseRuleSetText } from '../../../shared/allocate/parse-rules'
import { sumDecimals } from '../../../shared/money'
import { formatAmount, formatExact, roundDecimal } from '../../../shared/report'
import { parseCsv } from '../../helpers/csv-sums'
import { ROOT, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { DEMO, firstPagePng, flat, hasRow, oracle, pdfLines, pdfText } from './support'

const EXAMPLES = join(ROOT, 'resources/examples')
const ruleSet = parseRuleSetText(readFileSync(join(EXAMPLES, 'allocation-rules.json'), 'utf8'))
let ws: Workspace
let out: string
let result: PackResult

beforeAll(async () => {
  ws = await freshWorkspace('rules')
  expect((await importFile(ws, DEMO)).status).toBe('imported')
  await importMappingCsv(ws, 'account-cost-center', join(EXAMPLES, 'account-cost-center.csv'))
  await importDriverCsv(ws, 'cluster-cpu-hours', join(EXAMPLES, 'cluster-cpu-hours.csv'))
  out = tempDir('focal-rules-')
  result = await writePack(ws, {
    kind: 'chargeback',
    period: '2024-09',
    metric: 'BilledCost',
    source: allocationLinesSource({ ruleSet }),
    outDir: out,
    company: 'Acme Corp',
    formats: ['pdf', 'csv'],
    creditAccount: '2100',
  })
}, 180_000)
afterAll(() => ws.close())

describe('writePack by allocation rules', () => {
  it('reconciles to the invoice total and states the rule set', () => {
    const total = oracle(DEMO, '2024-09', 'SubAccountName').total
    expect(result.model.reconciliation).toEqual([
      expect.objectContaining({ currency: 'USD', sum: total, periodTotal: total, ok: true }),
    ])
    expect(result.model.groupedBy).toBe('Cost center')
    expect(result.model.ruleSet).toBe(`Rule set "${ruleSet.name}", version not saved`)
    const text = pdfText(join(out, 'chargeback-2024-09-summary.pdf'))
    expect(text).toContain(flat(`Rule set "${ruleSet.name}", version not saved`))
    expect(text).toContain(
      flat(`period invoice total (BilledCost) ${formatExact(total, 'USD')} — reconciled`),
    )
  })

  it('lists every pool with its method, and each cost center its share', () => {
    const facts = result.model.allocation
    expect(facts?.pools.map((p) => p.id).sort()).toEqual([
      'clusters',
      'network',
      'platform',
      'policy:credits',
    ])
    const rows = pdfLines(join(out, 'chargeback-2024-09-summary.pdf'))
    for (const pool of facts?.pools ?? []) {
      const shares = result.model.targets.flatMap((t) => t.pools.filter((p) => p.pool === pool.id))
      const allocated = formatAmount(sumDecimals(shares.map((s) => s.amount)), 'USD')
      expect(
        hasRow(rows, `${pool.name} ${pool.method} ${shares.length} ${allocated}`),
        pool.name,
      ).toBe(true)
    }
    const engineering = result.model.targets.find((t) => t.target === 'Engineering')
    expect(engineering?.pools.length).toBeGreaterThan(0)
    const page = pdfLines(join(out, 'cost-centers/chargeback-2024-09-Engineering.pdf'))
    for (const share of engineering?.pools ?? [])
      expect(
        hasRow(
          page,
          `${share.poolName} ${share.method} ${formatAmount(share.amount, 'USD')} ${formatAmount(share.poolTotal, 'USD')}`,
        ),
        share.poolName,
      ).toBe(true)
    const text = pdfText(join(out, 'cost-centers/chargeback-2024-09-Engineering.pdf'))
    expect(text).toContain('split proportional by direct cost among 6 cost centers')
    // A cost center's PDF lists the residues placed on it; the summary lists every residue.
    expect(text).toMatch(
      /Residue of Shared container clusters: USD 0\.\d+, rounding residue of splitting .* Engineering/,
    )
    expect(text).not.toContain('Residue of Shared network')
    expect(text).toMatch(
      /\d+ more rounding residues, placed on other cost centers, are listed in the summary PDF/,
    )
    const summary = pdfText(join(out, 'chargeback-2024-09-summary.pdf'))
    expect(summary).toMatch(/Residue of Shared network: USD 0\.\d+, rounding residue of splitting/)
    firstPagePng(
      join(out, 'cost-centers/chargeback-2024-09-Engineering.pdf'),
      'chargeback-by-rules-cost-center',
    )
  })

  it('posts no line without a ledger account: every charge is listed as not posted instead', () => {
    const total = oracle(DEMO, '2024-09', 'SubAccountName').total
    const [header = [], ...journal] = parseCsv(
      readFileSync(join(out, 'chargeback-2024-09-journal.csv'), 'utf8'),
    )
    expect(header).toContain('Account')
    expect(journal).toEqual([])
    const manifest = JSON.parse(
      readFileSync(join(out, 'chargeback-2024-09-manifest.json'), 'utf8'),
    ) as { journal: { unposted: Array<{ target: string; amount: string; reason: string }> } }
    const unposted = manifest.journal.unposted
    expect(unposted.every((u) => u.reason === 'no ledger account')).toBe(true)
    expect(sumDecimals(unposted.map((u) => u.amount))).toBe(roundDecimal(total, 2))
    expect(new Set(unposted.map((u) => u.target))).toEqual(
      new Set(
        result.model.targets
          .filter((t) => t.amounts.some((a) => a.lines > 0 && a.charged !== '0'))
          .map((t) => t.target),
      ),
    )
    // The summary PDF says so where the controller looks first.
    expect(pdfText(join(out, 'chargeback-2024-09-summary.pdf'))).toContain(
      'Not posted, no ledger account:',
    )
  })
})
