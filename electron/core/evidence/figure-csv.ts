/**
 * The CSV files of a report figure's evidence bundle (report-bundle.ts): its lines, its
 * parts and totals, its source files and the data of the pack's appendix for auditors
 * (report/pdf/appendix.ts draws the same facts: how the figures were made, this cost
 * center's exact figures, the reconciliation, the residues and the source imports).
 */
import type { ReportModel } from '../../../shared/report'
import { csvField } from '../report/csv'
import type { ExplainedFigure, FigureLine } from './report-figure'

type Cell = string | number | null

// A plain number (an amount, a negative share) stays a number; other text gets csv.ts's formula guard.
const cell = (c: Cell): string =>
  csvField(c, typeof c !== 'number' && !/^-?\d+(\.\d+)?$/.test(c ?? ''))

/** CSV text of a header and rows (CRLF, RFC 4180). */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** lines.csv: every allocated line of the figure. */
export function linesCsv(figure: ExplainedFigure, lines: readonly FigureLine[]): string {
  return csvText(
    [
      'cost_center',
      'currency',
      'pool',
      'method',
      'rule',
      'x_ImportId',
      'x_SourceFile',
      'x_SourceRow',
      'charge_period_start_utc',
      'service',
      'resource_id',
      `row_${figure.metric}`,
      'share',
      'amount',
    ],
    lines.map((l) => [
      figure.target,
      figure.currency,
      l.pool,
      l.method,
      l.rule,
      l.importId,
      l.sourceFile,
      l.sourceRow,
      l.chargePeriodStart,
      l.service,
      l.resource,
      l.rowAmount,
      l.share,
      l.amount,
    ]),
  )
}

/** totals.csv: each part (rule or pool), the figure, the charged amount and the recorded one. */
export function totalsCsv(figure: ExplainedFigure): string {
  const c = figure.currency
  return csvText(
    ['what', 'id', 'currency', 'lines', 'amount'],
    [
      ...figure.parts.map((p) => [p.kind, p.id, c, p.lines, p.amount]),
      [
        'figure (exact sum of lines.csv)',
        figure.target,
        c,
        figure.figure.lines,
        figure.figure.exact,
      ],
      [
        'charged (rounded to the minor unit, as the pack states it)',
        figure.target,
        c,
        null,
        figure.figure.charged,
      ],
      ...(figure.recorded
        ? [
            [
              'recorded exact (audit entry of the pack)',
              figure.target,
              c,
              figure.recorded.lines,
              figure.recorded.exact,
            ],
          ]
        : []),
      ...(figure.recorded
        ? [
            [
              'recorded charged (audit entry of the pack)',
              figure.target,
              c,
              null,
              figure.recorded.charged,
            ],
          ]
        : []),
    ],
  )
}

/** sources.csv: each source file with the audit entry that logged its import. */
export function sourcesCsv(figure: ExplainedFigure, hashOf: ReadonlyMap<number, string>): string {
  return csvText(
    [
      'import_id',
      'file_name',
      'sha256',
      'size_bytes',
      'format',
      'rows_in_figure',
      'first_source_row',
      'last_source_row',
      'audit_seq',
      'audit_hash',
    ],
    figure.sources.map((s) => [
      s.importId,
      s.fileName,
      s.sha256,
      s.sizeBytes,
      s.format,
      s.rows,
      s.firstRow,
      s.lastRow,
      s.auditSeq,
      s.auditSeq === null ? null : (hashOf.get(s.auditSeq) ?? null),
    ]),
  )
}

/** appendix.csv: the data of the pack's appendix for auditors, one fact per line. */
export function appendixCsv(model: ReportModel, target: string): string {
  const rows: Cell[][] = [
    ['period', model.period, null, null, null],
    ['workspace', model.workspace, null, null, null],
    ['metric', model.metric, null, null, null],
    ['cost centers from', model.ruleSet, null, null, null],
  ]
  for (const a of model.targets.find((t) => t.target === target)?.amounts ?? [])
    rows.push(
      ['this cost center: exact', target, a.currency, a.lines, a.exact],
      ['this cost center: charged', target, a.currency, null, a.charged],
      ['this cost center: rounding adjustment', target, a.currency, null, a.roundingAdjustment],
    )
  for (const r of model.reconciliation)
    rows.push(
      [
        'reconciliation: sum of cost centers',
        r.ok ? 'reconciled' : 'NOT reconciled',
        r.currency,
        null,
        r.sum,
      ],
      ['reconciliation: period total', model.metric, r.currency, null, r.periodTotal],
    )
  for (const p of model.allocation?.pools ?? [])
    rows.push([`pool ${p.id}`, `${p.name}: ${p.description}`, null, null, null])
  for (const r of model.allocation?.residues ?? [])
    rows.push([`residue of ${r.pool}`, r.note, r.currency, null, r.amount])
  for (const i of model.imports)
    rows.push([
      `source import ${i.id}`,
      `${i.fileName} SHA-256 ${i.sha256}; ${i.lines} pack lines`,
      null,
      i.rows,
      null,
    ])
  rows.push(['generated', model.generatedAt, null, null, null])
  return csvText(['fact', 'value', 'currency', 'rows_or_lines', 'amount'], rows)
}
