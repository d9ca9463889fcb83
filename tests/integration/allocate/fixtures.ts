/** Allocation test fixtures: the demo workspace with its example rules, hand-made cost rows, line checks. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { importFile } from '../../../electron/core/ingest/import-file'
import { importDriverCsv, importMappingCsv } from '../../../electron/core/allocate/tables'
import type { Workspace } from '../../../electron/core/workspace/workspace'
import { parseRuleSet, parseRuleSetText } from '../../../shared/allocate/parse-rules'
import type { RuleSet } from '../../../shared/allocate/rule-set'
import { sumDecimals } from '../../../shared/money'
import { ROOT } from '../../helpers/paths'
import { freshWorkspace } from '../../helpers/workspace'

/** The bundled demo data (FOCUS 1.0 sample). */
export const DEMO = join(ROOT, 'resources/demo/focus-sample.csv')
/** The example rule, mapping and driver files for the demo data. */
export const EXAMPLES = join(ROOT, 'resources/examples')

/** The example rule set for the demo data. */
export function exampleRules(): RuleSet {
  return parseRuleSetText(readFileSync(join(EXAMPLES, 'allocation-rules.json'), 'utf8'))
}

/** A workspace with the demo data and the example mapping and driver tables imported. */
export async function demoWorkspace(): Promise<Workspace> {
  const ws = await freshWorkspace('demo')
  const record = await importFile(ws, DEMO)
  expect(record.status).toBe('imported')
  await importMappingCsv(ws, 'account-cost-center', join(EXAMPLES, 'account-cost-center.csv'))
  await importDriverCsv(ws, 'cluster-cpu-hours', join(EXAMPLES, 'cluster-cpu-hours.csv'))
  return ws
}

/** A hand-made cost row: any focus columns as text (money as decimal strings). */
export type HandRow = Record<string, string | null>

/** Inserts hand-made rows (September 2025, USD unless given) numbered from x_SourceRow 1. */
export async function insertRows(ws: Workspace, rows: readonly HandRow[]): Promise<void> {
  let n = 0
  for (const row of rows) {
    n++
    const full: HandRow = {
      BillingPeriodStart: '2025-09-01 00:00:00+00',
      ChargePeriodStart: '2025-09-01 00:00:00+00',
      BillingCurrency: 'USD',
      ChargeCategory: 'Usage',
      EffectiveCost: row.BilledCost ?? '0',
      x_ImportId: '1',
      x_SourceRow: String(n),
      ...row,
    }
    const columns = Object.keys(full)
    await ws.run(
      `INSERT INTO cost_rows (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => full[c] ?? null),
    )
  }
}

/** A rule set with one dimension "team" of these rules and pools, and optional settings. */
export function teamRules(rules: unknown[], pools: unknown[] = [], settings: object = {}): RuleSet {
  return parseRuleSet({ ...settings, dimensions: [{ id: 'team', rules, pools }] })
}

/** Target → total of a lines table (one currency assumed), optionally of the lines matching `where`. */
export async function totalsByTarget(
  ws: Workspace,
  table: string,
  where = 'TRUE',
): Promise<Record<string, string>> {
  const rows = await ws.all(
    `SELECT target, sum(amount)::VARCHAR AS t FROM "${table}" WHERE ${where} GROUP BY 1`,
  )
  return Object.fromEntries(rows.map((r) => [String(r.target), sumDecimals([String(r.t)])]))
}

/** Asserts that every source row's lines add up to the row's amount exactly; returns the row count. */
export async function expectRowsAddUp(
  ws: Workspace,
  table: string,
  metric: 'BilledCost' | 'EffectiveCost',
  period: string,
): Promise<number> {
  const rows = await ws.all(
    `WITH l AS (SELECT x_ImportId, x_SourceRow, sum(amount) AS a FROM "${table}" GROUP BY ALL),
          f AS (SELECT x_ImportId, x_SourceRow, coalesce("${metric}", 0) AS a FROM focus
                WHERE strftime(coalesce(BillingPeriodStart, date_trunc('month', ChargePeriodStart)), '%Y-%m') = $1)
     SELECT count(*) AS n, count(*) FILTER (WHERE l.a IS DISTINCT FROM f.a) AS off
     FROM f FULL JOIN l USING (x_ImportId, x_SourceRow)`,
    [period],
  )
  expect(Number(rows[0]?.off)).toBe(0)
  return Number(rows[0]?.n)
}
