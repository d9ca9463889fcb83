/**
 * `focal audit explain`: "Explain this number" for a cost center's figure in a recorded
 * chargeback or showback pack (core/evidence): the figure as recorded and as today's data
 * gives it, the rule version, the rules and pools, the first lines, the source files, and
 * with --out the evidence bundle ZIP.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { reportFigureBundle } from '../core/evidence/report-bundle'
import {
  explainReportFigure,
  type ExplainedFigure,
  type FigureRequest,
} from '../core/evidence/report-figure'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** Help text of `focal audit explain`. */
export const AUDIT_EXPLAIN_HELP = `focal audit explain -w <workspace.focal> --period YYYY-MM --target <cost center>
      [--currency <ISO code>] [--kind chargeback|showback] [--entry <audit entry number>]
      [--out <bundle.zip>] [--json]
      Explain a cost center's figure in the latest recorded pack of that period (or the
      pack of report entry --entry): the figure as recorded and as today's data gives it,
      the rule version (number, author, time, note), the rules and pools that gave the
      cost center its cost, its allocated lines (each with its source file and row) and
      the source files with their SHA-256 and import entry. --out writes the evidence
      bundle (lines, rows, totals, sources, audit entries, rules, the appendix's data).
      Exit code 1 when the pack no longer matches the data (or on an error).`

function usage(message: string): number {
  return usageError(message, AUDIT_EXPLAIN_HELP)
}

/** Runs `focal audit explain`; `argv` is everything after `explain`. */
export async function runAuditExplain(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      ...WORKSPACE_OPTIONS,
      period: { type: 'string' },
      target: { type: 'string' },
      currency: { type: 'string' },
      kind: { type: 'string' },
      entry: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    AUDIT_EXPLAIN_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (positionals.length > 0) return usage(`Unexpected argument ${positionals[0]}.`)
  if (!values.workspace) return usage('focal audit explain needs -w <workspace.focal>.')
  if (!values.period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period))
    return usage(`--period takes a month as YYYY-MM, e.g. 2024-09.`)
  if (!values.target) return usage('--target names the cost center whose figure to explain.')
  if (values.currency !== undefined && !/^[A-Z]{3}$/.test(values.currency))
    return usage(`--currency takes an ISO 4217 code such as USD, not "${values.currency}".`)
  const kind = values.kind
  if (kind !== undefined && kind !== 'chargeback' && kind !== 'showback')
    return usage(`--kind is chargeback or showback, not "${String(kind)}".`)
  if (values.entry !== undefined && !/^\d+$/.test(values.entry))
    return usage(`--entry takes an audit entry number, not "${values.entry}".`)
  const out = values.out ? resolve(values.out) : null
  if (out && existsSync(out) && !values.force)
    return usage(`${basename(out)} exists; give --force to replace it.`)
  const request: FigureRequest = {
    period: values.period,
    target: values.target,
    ...(values.currency ? { currency: values.currency } : {}),
    ...(kind ? { kind } : {}),
    ...(values.entry ? { entry: Number(values.entry) } : {}),
  }
  try {
    const ws = await Workspace.open(resolve(values.workspace), { readOnly: true })
    try {
      let figure: ExplainedFigure
      if (out) {
        const bundle = await reportFigureBundle(ws, request, new Date())
        writeFileSync(out, bundle.bytes)
        figure = bundle.figure
      } else figure = await explainReportFigure(ws, request)
      const matches = figure.pack?.matches ?? true
      console.log(
        values.json
          ? JSON.stringify({ ok: true, figure, bundle: out ? basename(out) : null }, null, 2)
          : describeFigure(figure, out ? basename(out) : null),
      )
      return matches ? 0 : 1
    } finally {
      await ws.close()
    }
  } catch (cause) {
    return refused(cause, values.json)
  }
}

/** The chain as text: figure → rule version → parts → lines → sources. */
export function describeFigure(f: ExplainedFigure, bundle: string | null): string {
  const lines = [
    `${f.target}, ${f.kind} ${f.period}, ${f.metric} in ${f.currency}: ${f.figure.exact} exact from ${f.figure.lines} line${f.figure.lines === 1 ? '' : 's'}, charged ${f.figure.charged}.`,
  ]
  if (f.pack) {
    lines.push(
      `Pack exported ${f.pack.at} by ${f.pack.actor}${f.pack.entrySeq === null ? '' : ` (audit entry ${f.pack.entrySeq})`}` +
        (f.recorded ? `; recorded ${f.recorded.exact} exact, charged ${f.recorded.charged}.` : '.'),
    )
    lines.push(f.mismatch ?? 'The pack still matches the data.')
  } else lines.push('No pack recorded: the figure as the Reports preview gives it.')
  lines.push(
    f.rules
      ? `Rule version ${f.rules.version} by ${f.rules.author}, ${f.rules.createdAt}: "${f.rules.note}".`
      : `Cost centers from: ${f.ruleSet}.`,
  )
  lines.push(
    textTable(
      ['Part', 'Id', 'Lines', 'Amount'],
      f.parts.map((p) => [p.kind, p.id ?? '', String(p.lines), p.amount]),
      new Set([2, 3]),
    ),
  )
  for (const p of f.parts) if (p.description) lines.push(`  ${p.id}: ${p.description}`)
  lines.push(
    textTable(
      ['Rule or pool', 'Source file', 'Row', 'Row amount', 'Share', 'Amount'],
      f.lines.map((l) => [
        l.rule ?? l.pool ?? '',
        l.sourceFile ?? '',
        l.sourceRow === null ? '' : String(l.sourceRow),
        l.rowAmount ?? '',
        l.share ?? '',
        l.amount,
      ]),
      new Set([2, 3, 4, 5]),
    ),
  )
  if (f.totalLines > f.lines.length)
    lines.push(`(first ${f.lines.length} of ${f.totalLines} lines; --out writes them all)`)
  for (const s of f.sources)
    lines.push(
      `Source: import ${s.importId} ${s.fileName} SHA-256 ${s.sha256}, rows ${s.firstRow}–${s.lastRow}${s.auditSeq === null ? '' : `, logged in audit entry ${s.auditSeq}`}.`,
    )
  if (bundle) lines.push(`Evidence bundle written to ${bundle}.`)
  return lines.join('\n')
}
