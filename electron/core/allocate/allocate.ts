/**
 * Allocation of one billing period (DESIGN.md, Allocate and report): compiles
 * the rules to one SQL pass over the focus view, splits the pools exactly,
 * and leaves an allocated-lines TEMP table (lines.ts) on the writer
 * connection for the reports. Before returning it checks, per currency, that
 * the lines add up to the period's total exactly.
 */
import { randomUUID } from 'node:crypto'
import { computeCoverage, type Coverage } from '../../../shared/allocate/coverage'
import { createLinesSql } from '../../../shared/allocate/lines-sql'
import type { Residue } from '../../../shared/allocate/pool-split'
import type { AllocationDimension, Policies, RuleSet } from '../../../shared/allocate/rule-set'
import { compileAssignment } from '../../../shared/allocate/rules-sql'
import { fail } from '../../../shared/contract'
import { decimalsEqual, normalizeDecimal, subtractDecimals } from '../../../shared/money'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { loadTagResolver } from '../tags/tag-policy'
import type { Workspace } from '../workspace/workspace'
import { checkInputs, checkPatterns, type InputTable } from './inputs'
import { UNALLOCATED, periodCondition, type CostMetric, type Period } from './lines'
import { splitPools } from './pools'
import { MAPPINGS_TABLE, findRuleVersion, latestRuleVersion } from './store'
import { summarizeLines, type PoolSummary, type TargetSummary } from './summary'

/** Per currency: the period's total in the focus view and the sum of the lines. */
export interface Reconciliation {
  readonly currency: string
  readonly periodTotal: string
  readonly linesTotal: string
  readonly equal: boolean
}

/** What allocateLines produced; `table` is the TEMP table the caller reads and drops. */
export interface AllocationResult {
  readonly table: string
  readonly ruleVersion: number | null
  readonly period: Period
  readonly metric: CostMetric
  readonly dimension: { readonly id: string; readonly label: string }
  readonly scale: number
  readonly policies: Policies
  readonly coverage: Coverage
  readonly residues: readonly Residue[]
  readonly pools: readonly PoolSummary[]
  readonly summary: readonly TargetSummary[]
  readonly reconciliation: readonly Reconciliation[]
  readonly inputs: readonly InputTable[]
  readonly rows: number
}

/** Options of allocateLines: no ruleSet = the latest saved version; no dimension = the first. */
export interface AllocateOptions {
  readonly period: Period
  readonly metric: CostMetric
  readonly ruleSet?: RuleSet
  readonly dimension?: string
}

/** Allocates one period into a new allocated-lines TEMP table on the workspace's writer connection. */
export async function allocateLines(
  ws: Workspace,
  options: AllocateOptions,
): Promise<AllocationResult> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.period))
    fail('BAD_VALUE', `Period ${options.period} is not YYYY-MM.`)
  let ruleSet = options.ruleSet
  let ruleVersion: number | null
  if (ruleSet) ruleVersion = await findRuleVersion(ws, ruleSet)
  else {
    const latest = await latestRuleVersion(ws)
    if (!latest)
      fail('NOT_FOUND', 'This workspace has no saved allocation rules.', {
        hint: 'Pass a rule file (focal allocate --rules rules.json) and --save it.',
      })
    ruleSet = latest.ruleSet
    ruleVersion = latest.version
  }
  const dimension = pickDimension(ruleSet, options.dimension)
  const inputs = await checkInputs(ws, dimension)
  await checkPatterns(ws, dimension)
  const columns = new Set(
    (
      await ws.all(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'focus' AND database_name <> 'temp'",
      )
    ).map((r) => String(r.column_name)),
  )
  const assignment = compileAssignment({
    ruleSet,
    dimension,
    metric: options.metric,
    period: options.period,
    columns,
    periodCondition,
    mappingTable: MAPPINGS_TABLE,
    tags: await loadTagResolver(ws),
  })
  const id = randomUUID().replaceAll('-', '').slice(0, 12)
  const names = {
    assigned: `focal_alloc_assigned_${id}`,
    groups: `focal_alloc_groups_${id}`,
    shares: `focal_alloc_shares_${id}`,
  }
  const table = `focal_allocated_lines_${id}`
  try {
    await ws
      .run(`CREATE TEMP TABLE ${quoteIdent(names.assigned)} AS ${assignment.sql}`, [
        ...assignment.params,
      ])
      .catch((cause: unknown) => {
        fail(
          'BAD_VALUE',
          `The rules could not be applied: ${(cause as Error).message.split('\n')[0]}`,
          {
            hint: 'Check regular expressions (DuckDB uses RE2 syntax) and column names in the rules.',
          },
        )
      })
    const [counted] = await ws.all(`SELECT count(*) AS n FROM ${quoteIdent(names.assigned)}`)
    if (Number(counted?.n ?? 0) === 0) {
      const periods = (await listPeriods(ws)).map((p) => p.period)
      fail('NO_ROWS', `The workspace has no cost rows in ${options.period}.`, {
        hint: periods.length
          ? `Periods with rows: ${periods.join(', ')}.`
          : 'Import a billing file first.',
      })
    }
    const splits = await splitPools(ws, {
      ruleSet,
      dimension,
      period: options.period,
      driverColumns: assignment.driverColumns,
      ...names,
    })
    await ws.run(createLinesSql(table, names, UNALLOCATED))
    const reconciliation = await reconcile(ws, table, options.period, options.metric)
    const { summary, pools, rows } = await summarizeLines(ws, table, splits)
    const coverage = computeCoverage(
      reconciliation.map((r) => ({
        currency: r.currency,
        total: r.periodTotal,
        unallocated:
          summary.find((s) => s.currency === r.currency && s.target === UNALLOCATED)?.total ?? '0',
      })),
      ruleSet.coverageTarget,
    )
    return {
      table,
      ruleVersion,
      period: options.period,
      metric: options.metric,
      dimension: { id: dimension.id, label: dimension.label ?? dimension.id },
      scale: ruleSet.scale,
      policies: ruleSet.policies,
      coverage,
      residues: splits.flatMap((s) => (s.residue ? [s.residue] : [])),
      pools,
      summary,
      reconciliation,
      inputs,
      rows,
    }
  } catch (cause) {
    await ws.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`).catch(() => undefined)
    throw cause
  } finally {
    for (const name of Object.values(names))
      await ws.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`).catch(() => undefined)
  }
}

/** Drops an allocated-lines table (the consumer's duty; safe to call twice). */
export async function dropLines(ws: Workspace, table: string): Promise<void> {
  await ws.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`)
}

/** The billing periods that have rows, oldest first, with row counts. */
export async function listPeriods(ws: Workspace): Promise<Array<{ period: string; rows: number }>> {
  const rows = await ws.all(
    `SELECT strftime(coalesce(BillingPeriodStart, date_trunc('month', ChargePeriodStart)), '%Y-%m') AS p, count(*) AS n
     FROM focus GROUP BY 1 HAVING p IS NOT NULL ORDER BY 1`,
  )
  return rows.map((r) => ({ period: String(r.p), rows: Number(r.n) }))
}

function pickDimension(ruleSet: RuleSet, id: string | undefined): AllocationDimension {
  const dimension = id ? ruleSet.dimensions.find((d) => d.id === id) : ruleSet.dimensions[0]
  if (!dimension) {
    fail('NOT_FOUND', `The rule set has no dimension "${id}".`, {
      details: { dimensions: ruleSet.dimensions.map((d) => d.id) },
    })
  }
  return dimension
}

// The invariant of lines.ts, checked on every run: per currency, lines sum to the period total.
async function reconcile(
  ws: Workspace,
  table: string,
  period: string,
  metric: CostMetric,
): Promise<Reconciliation[]> {
  const rows = await ws.all(
    `WITH f AS (
       SELECT coalesce(BillingCurrency, '') AS cur, sum(coalesce(${quoteIdent(metric)}, 0)) AS t
       FROM focus WHERE ${periodCondition('$1')} GROUP BY 1),
     l AS (SELECT coalesce(BillingCurrency, '') AS cur, sum(amount) AS t FROM ${quoteIdent(table)} GROUP BY 1)
     SELECT coalesce(f.cur, l.cur) AS cur, coalesce(f.t, 0)::VARCHAR AS ft, coalesce(l.t, 0)::VARCHAR AS lt
     FROM f FULL JOIN l ON f.cur = l.cur ORDER BY 1`,
    [period],
  )
  const result = rows.map((r) => ({
    currency: String(r.cur),
    periodTotal: normalizeDecimal(String(r.ft)),
    linesTotal: normalizeDecimal(String(r.lt)),
    equal: decimalsEqual(String(r.ft), String(r.lt)),
  }))
  const off = result.find((r) => !r.equal)
  if (off) {
    fail(
      'RECONCILIATION_FAILED',
      `Allocated lines do not add up to the ${off.currency} total of ${period}.`,
      {
        details: { ...off, difference: subtractDecimals(off.linesTotal, off.periodTotal) },
      },
    )
  }
  return result
}
