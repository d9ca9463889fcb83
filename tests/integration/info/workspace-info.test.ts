/**
 * workspaceInfo (electron/core/info/workspace-info.ts) on two real samples: every figure
 * equals one the test computes from the source CSVs with its own parser, and the registry
 * facts (imports by status, rule versions, saved views, closed months) follow what was done.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closePeriod, reopenPeriod } from '../../../electron/core/close/close-period'
import { workspaceInfo } from '../../../electron/core/info/workspace-info'
import { saveRuleVersion } from '../../../electron/core/allocate/store'
import { importFile } from '../../../electron/core/ingest/import-file'
import { dimensionLinesSource } from '../../../electron/core/report/lines-source'
import { saveView } from '../../../electron/core/views/saved-views'
import { WORKSPACE_FORMAT } from '../../../electron/core/workspace/schema'
import { Workspace } from '../../../electron/core/workspace/workspace'
import { sumDecimals } from '../../../shared/money'
import { DEFAULT_PIVOT, parseDimension } from '../../../shared/pivot'
import { csvSums, parseCsv } from '../../helpers/csv-sums'
import { sample, tempDir } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'
import { exampleRules } from '../allocate/fixtures'
import { DEMO } from '../report/support'

const MULTI = sample('focus-data-toolkit-golden/consolidated_multi_provider_1_3.csv')
const FILES = [DEMO, MULTI]

let open: Workspace | undefined
afterEach(async () => {
  await open?.close()
  open = undefined
})

/** Each file's rows as column → value records, by the test's own CSV parser. */
function records(file: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'))
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

/** Distinct values of `pick` over the files' rows, with how many rows carry each, sorted. */
function counted(pick: (r: Record<string, string>) => string): { value: string; rows: number }[] {
  const counts = new Map<string, number>()
  for (const r of FILES.flatMap(records)) counts.set(pick(r), (counts.get(pick(r)) ?? 0) + 1)
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, rows]) => ({ value, rows }))
}

describe('workspaceInfo', () => {
  it('states the rows, periods, providers, accounts and exact totals of the imported files', async () => {
    const ws = (open = await freshWorkspace('info'))
    for (const file of FILES) expect((await importFile(ws, file)).status).toBe('imported')
    const empty = join(tempDir(), 'empty.csv')
    writeFileSync(empty, '')
    expect((await importFile(ws, empty)).status).toBe('failed')
    await saveView(ws, 'monthly', DEFAULT_PIVOT)
    await saveRuleVersion(ws, exampleRules(), 'first')
    const source = dimensionLinesSource(parseDimension('SubAccountName'))
    await closePeriod(ws, { period: '2024-09', note: 'signed off', metric: 'BilledCost', source })
    await closePeriod(ws, { period: '2026-05', note: 'signed off', metric: 'BilledCost', source })
    await reopenPeriod(ws, { period: '2026-05', note: 'late invoice' })

    const info = await workspaceInfo(ws)
    const all = FILES.flatMap(records)
    const currencies = [...new Set(all.map((r) => r.BillingCurrency ?? ''))].sort()
    const sums = (column: string, currency: string): string =>
      sumDecimals(FILES.map((f) => csvSums(f, column)[currency]?.sum ?? '0'))
    expect(info).toMatchObject({
      workspace: 'info',
      format: WORKSPACE_FORMAT,
      rows: { counted: all.length, stored: all.length },
      periods: counted((r) => (r.BillingPeriodStart ?? '').slice(0, 7)),
      providers: counted((r) => r.ServiceProviderName || r.ProviderName || ''),
      accounts: {
        billingAccounts: new Set(all.map((r) => r.BillingAccountId)).size,
        subAccounts: new Set(all.map((r) => r.SubAccountId).filter((v) => v && v !== 'NULL')).size,
      },
      imports: { total: 3, byStatus: { imported: 2, failed: 1 } },
      focusVersions: ['1.0', '1.3'],
      ruleVersions: { count: 1, latest: 1 },
      savedViews: 1,
      closes: [
        { period: '2024-09', state: 'closed' },
        { period: '2026-05', state: 'reopened' },
      ],
      sourcesEmbedded: false,
    })
    expect(info.currencies).toEqual(
      currencies.map((currency) => ({
        currency,
        rows: all.filter((r) => r.BillingCurrency === currency).length,
        BilledCost: sums('BilledCost', currency),
        EffectiveCost: sums('EffectiveCost', currency),
      })),
    )
    expect(info.sizeBytes).toBeGreaterThanOrEqual(statSync(ws.path).size)
    expect(info.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(info.lastModified >= (info.createdAt ?? '')).toBe(true)
  })

  it('reads a workspace opened read-only without creating the tables made on first use', async () => {
    const made = await freshWorkspace('plain')
    const path = made.path
    await made.close()
    const ws = (open = await Workspace.open(path, { readOnly: true }))
    const info = await workspaceInfo(ws)
    expect(info).toMatchObject({
      rows: { counted: 0, stored: 0 },
      periods: [],
      imports: { total: 0, byStatus: {} },
      ruleVersions: { count: 0, latest: null },
      savedViews: 0,
      closes: [],
    })
    const [tables] = await ws.all(
      "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'allocation_rule_versions'",
    )
    expect(tables?.n).toBe(0)
  })
})
