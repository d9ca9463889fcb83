/**
 * "Explain this number" for a report figure (issue 11): a cost center's amount in a
 * chargeback or showback pack, made again the way the pack made it — the same facts and
 * report model (report/read-facts.ts, shared/report build-model), the same allocated lines
 * from the allocation engine under the pack's rule version — so nothing re-implements the
 * split. The chain: the figure (as recorded and as made now, and whether the pack still
 * matches), the rule version, the rules and pools that gave the target its cost, its lines
 * (summing exactly to the figure), and the source files with the audit entries of their imports.
 */
import { fail } from '../../../shared/contract'
import { normalizeDecimal, sumDecimals } from '../../../shared/money'
import { parseDimension } from '../../../shared/pivot'
import { buildReportModel, type ReportModel } from '../../../shared/report'
import { listAuditEntries, type AuditEntry } from '../audit/audit-log'
import { allocationFingerprint } from '../close/fingerprint'
import { withMaskedWriter } from '../presentation/presentation-mode'
import { dropLines, readFacts } from '../report/read-facts'
import type { Row, Workspace } from '../workspace/workspace'
import { figureLinesSql, figurePartsSql, figureSourcesSql } from './explain-sql'
import {
  figureBasis,
  type FigureBasis,
  type FigureRequest,
  type RecordedFigure,
} from './figure-basis'

export type { FigureRequest } from './figure-basis'

/** Lines an explanation lists; the evidence bundle holds them all. */
export const EXPLAIN_LINES_PAGE = 100

/** One allocated line behind the figure. */
export interface FigureLine {
  pool: string | null
  method: string | null
  rule: string | null
  importId: number | null
  sourceRow: number | null
  sourceFile: string | null
  chargePeriodStart: string | null
  service: string | null
  resource: string | null
  /** The source row's amount of the metric, exact. */
  rowAmount: string | null
  /** amount ÷ row amount, nine decimals, for reading. */
  share: string | null
  amount: string
}

/** A rule's direct lines or a pool's share of the figure. */
export interface FigurePart {
  kind: 'rule' | 'pool' | 'group'
  /** Rule id, pool id, or null for a column/tag grouping. */
  id: string | null
  name: string
  method: string | null
  /** How the pool was split, from the allocation engine (pools only). */
  description: string | null
  lines: number
  amount: string
  /**
   * The part's key among the lines (pool and rule as grouped, null for none) for the Rows
   * drawer (contract ExplainPartSchema, part-rows.ts), and its distinct source rows.
   */
  rows: { pool: string | null; rule: string | null; count: number }
}

/** A source file of the figure's rows. */
export interface FigureSource {
  importId: number
  fileName: string
  sha256: string
  sizeBytes: number
  format: string
  rows: number
  firstRow: number
  lastRow: number
  auditSeq: number | null
}

/** The whole chain of one figure. */
export interface ExplainedFigure {
  kind: 'chargeback' | 'showback'
  period: string
  metric: 'BilledCost' | 'EffectiveCost'
  groupedBy: string
  ruleSet: string
  target: string
  currency: string
  figure: { exact: string; charged: string; lines: number }
  recorded: RecordedFigure | null
  /** Null without a recorded pack (the preview). */
  pack: { at: string; actor: string; entrySeq: number | null; matches: boolean } | null
  /** A sentence when the pack no longer matches the data; null otherwise. */
  mismatch: string | null
  rules: { version: number; author: string; createdAt: string; note: string; digest: string } | null
  parts: FigurePart[]
  lines: FigureLine[]
  totalLines: number
  sources: FigureSource[]
}

const text = (v: unknown): string | null => (v == null ? null : String(v))
const num = (v: unknown): number | null => (v == null ? null : Number(v))

/** Explains the figure, running `work` with the lines table still there (the bundle reads it). */
export async function withExplainedFigure<T>(
  ws: Workspace,
  request: FigureRequest,
  work: (explained: ExplainedFigure, table: string, model: ReportModel) => Promise<T>,
): Promise<T> {
  const basis = await figureBasis(ws, request)
  // Names as the pack and the preview state them (presentation mode, presentation-mode.ts).
  const read = await withMaskedWriter(ws, () =>
    readFacts(ws, {
      kind: basis.kind,
      period: basis.period,
      metric: basis.metric,
      source: basis.source,
      company: null,
      topN: 10,
      budgets: [],
      ledger: parseDimension('tag:ledger_account'),
    }),
  )
  try {
    const model = buildReportModel(read.facts)
    const explained = await explain(ws, basis, request, model, read.facts.current, read.lines.table)
    return await work(explained, read.lines.table, model)
  } finally {
    await dropLines(ws, read.lines.table)
  }
}

/** The chain of one report figure (see the file comment). */
export async function explainReportFigure(
  ws: Workspace,
  request: FigureRequest,
): Promise<ExplainedFigure> {
  return withExplainedFigure(ws, request, async (explained) => explained)
}

async function explain(
  ws: Workspace,
  basis: FigureBasis,
  request: FigureRequest,
  model: ReportModel,
  current: Parameters<typeof allocationFingerprint>[0],
  table: string,
): Promise<ExplainedFigure> {
  const target = model.targets.find((t) => t.target === request.target)
  if (!target)
    fail(
      'NOT_FOUND',
      `"${request.target}" has no figure in the ${basis.kind} of ${basis.period}.`,
      {
        hint: `Cost centers: ${model.targets.map((t) => t.target).join(', ')}.`,
      },
    )
  const amount = request.currency
    ? target.amounts.find((a) => a.currency === request.currency)
    : target.amounts.length === 1
      ? target.amounts[0]
      : fail(
          'BAD_REQUEST',
          `${target.target} has figures in ${target.amounts.map((a) => a.currency).join(' and ')}.`,
          {
            hint: 'Say which currency (--currency).',
          },
        )
  if (!amount)
    fail('NOT_FOUND', `${target.target} has no ${request.currency} figure in ${basis.period}.`)
  const params = [target.target, amount.currency, basis.period]
  const lineRows = await ws.all(figureLinesSql(table, basis.metric, EXPLAIN_LINES_PAGE), params)
  const partRows = await ws.all(figurePartsSql(table), params.slice(0, 2))
  const sourceRows = await ws.all(figureSourcesSql(table), params.slice(0, 2))
  const imports = await importEntries(ws)
  const recorded =
    basis.recorded.find((f) => f.target === target.target && f.currency === amount.currency) ?? null
  const matches = basis.pack
    ? allocationFingerprint(current) === basis.pack.allocationFingerprint
    : true
  const figure = { exact: amount.exact, charged: amount.charged, lines: amount.lines }
  return {
    kind: basis.kind,
    period: basis.period,
    metric: basis.metric,
    groupedBy: model.groupedBy,
    ruleSet: model.ruleSet,
    target: target.target,
    currency: amount.currency,
    figure,
    recorded,
    pack: basis.pack
      ? {
          at: basis.pack.at,
          actor: basis.pack.actor,
          entrySeq: basis.entry?.seq ?? null,
          matches,
        }
      : null,
    mismatch: matches ? null : mismatchText(basis, recorded, figure, amount.currency),
    rules: basis.rules
      ? {
          version: basis.rules.version,
          author: basis.rules.author,
          createdAt: basis.rules.createdAt,
          note: basis.rules.note,
          digest: basis.rules.digest,
        }
      : null,
    parts: partRows.map((r) => toPart(r, basis, model)),
    lines: lineRows.map(toLine),
    totalLines: amount.lines,
    sources: sourceRows.map((s) => ({
      importId: Number(s.id),
      fileName: String(s.file_name),
      sha256: String(s.sha256),
      sizeBytes: Number(s.size_bytes),
      format: String(s.format),
      rows: Number(s.rows),
      firstRow: Number(s.first_row),
      lastRow: Number(s.last_row),
      auditSeq: imports.get(Number(s.id))?.seq ?? null,
    })),
  }
}

/** import.imported entries by import id. */
export async function importEntries(ws: Workspace): Promise<Map<number, AuditEntry>> {
  const logged = await listAuditEntries(ws, { kind: 'import.imported' })
  return new Map(
    logged.flatMap((e) => {
      const id = (e.details as { importId?: unknown } | null)?.importId
      return typeof id === 'number' ? [[id, e] as const] : []
    }),
  )
}

function mismatchText(
  basis: FigureBasis,
  recorded: RecordedFigure | null,
  now: { exact: string },
  currency: string,
): string {
  const was = recorded ? `it recorded ${recorded.exact} ${currency}` : 'its recorded figures differ'
  return (
    `This ${basis.kind} pack of ${basis.period} no longer matches the data: ${was}, ` +
    `today's data gives ${now.exact} ${currency}. Export the pack again to state today's figures.`
  )
}

function toPart(r: Row, basis: FigureBasis, model: ReportModel): FigurePart {
  const pool = text(r.pool)
  const rule = text(r.rule)
  const rows = { pool, rule, count: Number(r.pairs) }
  const base = { lines: Number(r.lines), amount: normalizeDecimal(String(r.amount)), rows }
  if (pool) {
    const fact = model.allocation?.pools.find((p) => p.id === pool)
    return {
      kind: 'pool',
      id: pool,
      name: fact?.name ?? pool,
      method: text(r.method),
      description: fact?.description ?? null,
      ...base,
    }
  }
  if (rule) {
    const found = basis.rules?.ruleSet.dimensions.flatMap((d) => d.rules).find((x) => x.id === rule)
    return {
      kind: 'rule',
      id: rule,
      name: rule,
      method: null,
      // The rule as saved in the version (rules.json of the bundle holds the whole set).
      description: found ? JSON.stringify({ when: found.when, then: found.then }) : null,
      ...base,
    }
  }
  return {
    kind: 'group',
    id: null,
    name: basis.rules ? 'No rule' : `Grouped by ${model.groupedBy}`,
    method: null,
    description: null,
    ...base,
  }
}

function toLine(r: Row): FigureLine {
  return {
    pool: text(r.pool),
    method: text(r.method),
    rule: text(r.rule),
    importId: num(r.import_id),
    sourceRow: num(r.source_row),
    sourceFile: text(r.source_file),
    chargePeriodStart: text(r.charge_start),
    service: text(r.service),
    resource: text(r.resource),
    rowAmount: r.row_amount == null ? null : normalizeDecimal(String(r.row_amount)),
    share: text(r.share),
    amount: normalizeDecimal(String(r.amount)),
  }
}

/** Exact sum of lines' amounts (for a caller's check). */
export const linesSum = (lines: readonly FigureLine[]): string =>
  sumDecimals(lines.map((l) => l.amount))
