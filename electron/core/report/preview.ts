/**
 * The pack's summary without writing a file: the same facts and report model
 * the pack is laid out from (read-facts.ts, shared/report/build-model.ts), cut
 * down to what the Reports screen shows — per target and currency the charged
 * amounts, Unallocated, the previous period, the reconciliation line and the
 * largest services — so the screen and the PDFs can never disagree.
 */
import type { ReportPreview, ReportRequest } from '../../../shared/contract'
import { normalizeDecimal } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { buildReportModel } from '../../../shared/report'
import { quoteIdent } from '../../../shared/sql/identifiers'
import type { Workspace } from '../workspace/workspace'
import { NO_CURRENCY } from './line-queries'
import { withMaskedWriter } from '../presentation/presentation-mode'
import { dropLines, readFacts } from './read-facts'
import { linesSourceOf } from './report-request'

/** Services shown in the preview, per currency. */
export const TOP_SERVICES = 8

/** Reads the facts, builds the model and summarizes it; leaves no table behind. */
export async function previewReport(ws: Workspace, request: ReportRequest): Promise<ReportPreview> {
  // Presentation mode: the preview names cost centers as the pack would (presentation-mode.ts).
  const read = await withMaskedWriter(ws, () =>
    readFacts(ws, {
      kind: request.kind,
      period: request.period,
      metric: request.metric,
      source: linesSourceOf(request.source),
      company: null,
      topN: 10,
      budgets: [],
      ledger: parseDimension('tag:ledger_account'),
    }),
  )
  try {
    const model = buildReportModel(read.facts)
    const amount = (a: (typeof model.totals)[number]) => ({
      currency: a.currency,
      exact: a.exact,
      charged: a.charged,
      previous: a.previous,
      lines: a.lines,
    })
    return {
      kind: model.kind,
      period: model.period,
      previousPeriod: model.previousPeriod,
      metric: model.metric,
      groupedBy: model.groupedBy,
      ruleSet: model.ruleSet,
      currencies: [...model.currencies],
      totals: model.totals.map(amount),
      targets: model.targets.map((t) => ({
        target: t.target,
        unallocated: t.unallocated,
        amounts: t.amounts.map(amount),
      })),
      reconciliation: model.reconciliation.map((r) => ({ ...r })),
      topServices: await topServices(ws, read.lines.table),
      pools: (model.allocation?.pools ?? []).map((p) => ({ ...p })),
      imports: model.imports.map((i) => ({ ...i })),
      detailLines: model.detailLines,
    }
  } finally {
    await dropLines(ws, read.lines.table)
  }
}

// The largest services of the whole period (by size, credits count), per currency.
async function topServices(ws: Workspace, table: string): Promise<ReportPreview['topServices']> {
  const rows = await ws.all(
    `WITH g AS (
       SELECT coalesce(BillingCurrency, '${NO_CURRENCY}') AS currency,
         coalesce(ServiceName, '(no service)') AS label, sum(amount) AS amount, count(*)::BIGINT AS lines
       FROM ${quoteIdent(table)} GROUP BY 1, 2),
     r AS (SELECT *, row_number() OVER (PARTITION BY currency ORDER BY abs(amount) DESC, label) AS rk FROM g)
     SELECT currency, label, amount::VARCHAR AS amount, lines FROM r
     WHERE rk <= ${TOP_SERVICES} ORDER BY currency, rk`,
  )
  return rows.map((r) => ({
    label: String(r.label),
    currency: String(r.currency),
    amount: normalizeDecimal(String(r.amount)),
    lines: Number(r.lines),
  }))
}
