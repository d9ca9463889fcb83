/**
 * Reads the facts of a report from the workspace: makes the allocated lines
 * of the period (kept for the detail exports) and of the earlier months of the
 * trend window (aggregated, then dropped), and the period's total straight
 * from the cost rows for the reconciliation line.
 */
import { fail } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import type { Dimension } from '../../../shared/pivot'
import {
  TREND_MONTHS,
  periodWindow,
  type Budget,
  type BreakdownFact,
  type LedgerFact,
  type ReportFacts,
  type ReportKind,
  type TimedFact,
} from '../../../shared/report'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { CostMetric } from '../allocate/lines'
import { focusColumnNames } from '../query/catalog'
import { loadTagResolver } from '../tags/tag-policy'
import { listImports } from '../workspace/imports-registry'
import type { Row, Workspace } from '../workspace/workspace'
import { dimensionValueSql } from './lines-by-dimension'
import * as q from './line-queries'
import type { LinesSource, LinesTable } from './lines-source'

/** What a report is about. */
export interface FactsRequest {
  kind: ReportKind
  period: string
  metric: CostMetric
  source: LinesSource
  company: string | null
  topN: number
  budgets: readonly Budget[]
  /** Where journal lines take their ledger account; absent columns or tags leave it blank. */
  ledger: Dimension
  now?: Date
}

/** The facts, the ledger facts for the journal, and the period's lines table (caller drops it). */
export interface ReadFacts {
  facts: ReportFacts
  ledger: LedgerFact[]
  lines: LinesTable
}

const text = (v: unknown): string => (v == null ? '' : String(v))
/** DuckDB prints DECIMAL(38,18) with all 18 decimals; the model keeps the canonical form. */
const dec = (v: unknown): string => normalizeDecimal(v == null ? '0' : String(v))

/** Drops a lines table, ignoring one already gone. */
export async function dropLines(ws: Workspace, table: string): Promise<void> {
  await ws.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`)
}

/** Reads everything a pack needs for `request.period`. */
export async function readFacts(ws: Workspace, request: FactsRequest): Promise<ReadFacts> {
  const { period, metric, source } = request
  await source.check?.(ws)
  const periods = (await ws.all(q.PERIODS_SQL)).map((r) => text(r.period))
  if (!periods.includes(period))
    fail('NO_ROWS', `The workspace has no cost rows in the billing period ${period}.`, {
      hint: periods.length
        ? `Periods with data: ${periods.join(', ')}.`
        : 'Import billing data first.',
    })
  const earlier = periodWindow(period, TREND_MONTHS)
    .slice(0, -1)
    .filter((p) => periods.includes(p))
  const history: TimedFact[] = []
  for (const month of earlier) {
    const made = await source(ws, month, metric)
    try {
      const rows = await ws.all(q.targetTotalsSql(made.table))
      for (const r of rows)
        history.push({
          at: month,
          target: text(r.target),
          currency: text(r.currency),
          amount: dec(r.amount),
        })
    } finally {
      await dropLines(ws, made.table)
    }
  }

  const lines = await source(ws, period, metric)
  try {
    const t = lines.table
    const current = (await ws.all(q.targetTotalsSql(t))).map((r) => ({
      target: text(r.target),
      currency: text(r.currency),
      amount: dec(r.amount),
      lines: Number(r.lines),
    }))
    const daily = (await ws.all(q.dailySql(t), [`${period}-01`])).map((r) => ({
      at: text(r.at),
      target: text(r.target),
      currency: text(r.currency),
      amount: dec(r.amount),
    }))
    const breakdown = async (kind: q.BreakdownKind): Promise<BreakdownFact[]> =>
      (await ws.all(q.breakdownSql(t, kind, request.topN))).map((r) => toBreakdown(r, kind))
    const pools = (await ws.all(q.poolsSql(t))).map((r) => ({
      target: text(r.target),
      pool: text(r.pool),
      method: r.method == null ? null : text(r.method),
      currency: text(r.currency),
      amount: dec(r.amount),
    }))
    const periodTotals = (await ws.all(q.periodTotalsSql(metric), [period])).map((r) => ({
      currency: text(r.currency),
      amount: dec(r.amount),
    }))
    const importLines = new Map(
      (await ws.all(q.importLinesSql(t))).map((r) => [
        Number(r.id),
        { rows: Number(r.rows), lines: Number(r.lines) },
      ]),
    )
    const imports = (await listImports(ws))
      .filter((i) => importLines.has(i.id))
      .sort((a, b) => a.id - b.id)
      .map((i) => ({
        id: i.id,
        fileName: i.fileName,
        sha256: i.sha256,
        rows: importLines.get(i.id)?.rows ?? 0,
        lines: importLines.get(i.id)?.lines ?? 0,
      }))
    const facts: ReportFacts = {
      kind: request.kind,
      period,
      metric,
      groupedBy: lines.groupedBy,
      company: request.company,
      workspace: ws.name,
      generatedAt: (request.now ?? new Date()).toISOString(),
      topN: request.topN,
      current,
      history,
      daily,
      services: await breakdown('service'),
      resources: await breakdown('resource'),
      pools,
      periodTotals,
      imports,
      allocation: lines.allocation,
      budgets: request.budgets,
    }
    return { facts, ledger: await readLedger(ws, t, period, request.ledger), lines }
  } catch (cause) {
    await dropLines(ws, lines.table)
    throw cause
  }
}

function toBreakdown(r: Row, kind: q.BreakdownKind): BreakdownFact {
  const other = r.other === true
  const folded = Number(r.folded)
  const noun = kind === 'service' ? 'service' : 'resource'
  return {
    target: text(r.target),
    currency: text(r.currency),
    label: other ? `Other (${folded} ${noun}${folded === 1 ? '' : 's'})` : text(r.label),
    detail: other || r.detail == null ? null : text(r.detail),
    amount: dec(r.amount),
    lines: Number(r.lines),
    other,
  }
}

async function readLedger(
  ws: Workspace,
  table: string,
  period: string,
  ledger: Dimension,
): Promise<LedgerFact[]> {
  const columns = await focusColumnNames(ws)
  const available = ledger.kind === 'tag' ? columns.has('Tags') : columns.has(ledger.name)
  // The ledger account tag reads through the alias policy, like every tag:<key>.
  const tags = available && ledger.kind === 'tag' ? await loadTagResolver(ws) : undefined
  const value = available ? dimensionValueSql(ledger, 2, tags) : null
  const params = value ? [period, ...value.params] : []
  return (await ws.all(q.ledgerSql(table, value?.sql ?? null), params)).map((r) => ({
    target: text(r.target),
    ledgerAccount: r.ledger == null ? null : text(r.ledger),
    currency: text(r.currency),
    amount: dec(r.amount),
    lines: Number(r.lines),
  }))
}
