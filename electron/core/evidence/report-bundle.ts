/**
 * The evidence bundle of a report figure (issue 11): one ZIP an auditor checks without Focal.
 * lines.csv holds every allocated line of the figure (summing exactly to it), rows.csv the
 * source rows as stored, totals.csv the parts and the figure, sources.csv the files with their
 * SHA-256 and import entries, audit.csv those entries and the pack's, rules.json the rule
 * version, appendix.csv the data of the pack's appendix for auditors, and README.txt.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fail } from '../../../shared/contract'
import { ruleSetJson } from '../../../shared/allocate/parse-rules'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import { getRuleVersion } from '../allocate/store'
import { entriesCsv } from '../audit/audit-export'
import { listAuditEntries } from '../audit/audit-log'
import { maskedNotice, withMaskedWriter } from '../presentation/presentation-mode'
import { writePackZip } from '../report/zip'
import { EVIDENCE_ROW_LIMIT, type EvidenceBundle } from '../rows/evidence'
import type { Workspace } from '../workspace/workspace'
import { figureLinesSql, figureRowsSql } from './explain-sql'
import { appendixCsv, linesCsv, sourcesCsv, totalsCsv } from './figure-csv'
import {
  importEntries,
  withExplainedFigure,
  type ExplainedFigure,
  type FigureRequest,
} from './report-figure'

const NAMES = [
  'README.txt',
  'totals.csv',
  'lines.csv',
  'rows.csv',
  'sources.csv',
  'audit.csv',
  'rules.json',
  'appendix.csv',
] as const

/** Builds the bundle of the figure `request` names; also returns the explanation it holds. */
export async function reportFigureBundle(
  ws: Workspace,
  request: FigureRequest,
  now: Date,
): Promise<EvidenceBundle & { figure: ExplainedFigure }> {
  return withExplainedFigure(ws, request, async (figure, table, model) => {
    if (figure.totalLines > EVIDENCE_ROW_LIMIT)
      fail(
        'BAD_REQUEST',
        `This figure has ${figure.totalLines.toLocaleString('en-US')} lines; an evidence bundle holds at most ${EVIDENCE_ROW_LIMIT.toLocaleString('en-US')}.`,
        {
          hint: 'Export the allocated FOCUS data of the pack instead (focal report --format focus-csv).',
        },
      )
    const dir = mkdtempSync(join(tmpdir(), 'focal-evidence-'))
    const params = [figure.target, figure.currency, figure.period]
    try {
      const lines = (await ws.all(figureLinesSql(table, figure.metric, null), params)).map((r) => ({
        pool: r.pool == null ? null : String(r.pool),
        method: r.method == null ? null : String(r.method),
        rule: r.rule == null ? null : String(r.rule),
        importId: r.import_id == null ? null : Number(r.import_id),
        sourceRow: r.source_row == null ? null : Number(r.source_row),
        sourceFile: r.source_file == null ? null : String(r.source_file),
        chargePeriodStart: r.charge_start == null ? null : String(r.charge_start),
        service: r.service == null ? null : String(r.service),
        resource: r.resource == null ? null : String(r.resource),
        rowAmount: r.row_amount == null ? null : trimDecimal(String(r.row_amount)),
        share: r.share == null ? null : String(r.share),
        amount: trimDecimal(String(r.amount)),
      }))
      writeFileSync(join(dir, 'lines.csv'), linesCsv(figure, lines))
      // The source rows as stored, read where the lines table lives (the writer), through the
      // presentation mode's masking like the rest of the figure.
      const rows = quoteIdent(ws.tempName('explain_rows'))
      const rowsCsv = ws.output(join(dir, 'rows.csv'))
      try {
        await withMaskedWriter(ws, async () => {
          await ws.all(`CREATE TEMP TABLE ${rows} AS ${figureRowsSql(table)}`, params)
          await ws.all(
            `COPY (SELECT * FROM ${rows} ORDER BY x_ImportId, x_SourceRow) TO ${quoteLiteral(rowsCsv.path)} (FORMAT csv, HEADER true)`,
          )
        })
        await rowsCsv.commit()
      } finally {
        await ws.run(`DROP TABLE IF EXISTS ${rows}`)
      }
      writeFileSync(join(dir, 'totals.csv'), totalsCsv(figure))
      const hashes = await ws.all(
        "SELECT seq, hash FROM audit_log WHERE (action LIKE 'import.%' OR action LIKE 'report.%') AND seq IS NOT NULL",
      )
      const hashOf = new Map(hashes.map((h) => [Number(h.seq), String(h.hash)]))
      writeFileSync(join(dir, 'sources.csv'), sourcesCsv(figure, hashOf))
      const byImport = await importEntries(ws)
      const logged = figure.sources.flatMap((s) => {
        const e = byImport.get(s.importId)
        return e ? [e] : []
      })
      const packEntry =
        figure.pack?.entrySeq == null
          ? []
          : (await listAuditEntries(ws, { kind: `report.${figure.kind}` })).filter(
              (e) => e.seq === figure.pack?.entrySeq,
            )
      writeFileSync(join(dir, 'audit.csv'), entriesCsv([...logged, ...packEntry]))
      writeFileSync(join(dir, 'rules.json'), rulesJson(figure, await ruleText(ws, figure)))
      writeFileSync(join(dir, 'appendix.csv'), appendixCsv(model, figure.target))
      const masked = maskedNotice(ws)
      writeFileSync(
        join(dir, 'README.txt'),
        (masked ? `${masked}\n\n` : '') + readme(ws.name, figure, now),
      )
      const chunks: Buffer[] = []
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk)
          done()
        },
      })
      await writePackZip(
        NAMES.map((name) => ({ name, path: join(dir, name) })),
        sink,
        now,
      )
      const stamp = now.toISOString().slice(0, 19).replace(/[-:T]/g, '')
      const who = figure.target.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)
      return {
        fileName: `${ws.name}-${figure.kind}-${figure.period}-${who}-evidence-${stamp}.zip`,
        bytes: new Uint8Array(Buffer.concat(chunks)),
        rows: figure.totalLines,
        figure,
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
}

/** DuckDB prints DECIMAL(38,18) with every decimal; the bundle keeps the canonical form. */
function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

async function ruleText(ws: Workspace, figure: ExplainedFigure): Promise<unknown> {
  if (!figure.rules) return null
  const version = await getRuleVersion(ws, figure.rules.version)
  return version ? JSON.parse(ruleSetJson(version.ruleSet)) : null
}

function rulesJson(figure: ExplainedFigure, ruleSet: unknown): string {
  const body = figure.rules
    ? { ...figure.rules, ruleSet }
    : {
        version: null,
        groupedBy: figure.groupedBy,
        note: 'No rules: each target is a value of this column or tag.',
      }
  return `${JSON.stringify(body, null, 2)}\n`
}

function readme(workspace: string, figure: ExplainedFigure, now: Date): string {
  let user = 'unknown'
  try {
    user = userInfo().username
  } catch {
    // the name is only informative here
  }
  const f = figure
  const status = !f.pack
    ? 'From the Reports preview (no pack recorded).'
    : (f.mismatch ??
      `The ${f.kind} pack exported ${f.pack.at} by ${f.pack.actor} still matches the data.`)
  return [
    `Evidence for: ${f.target}, ${f.kind} ${f.period}, ${f.metric} in ${f.currency}: ${f.figure.exact} (charged ${f.figure.charged}).`,
    status,
    `Cost centers from: ${f.ruleSet}.`,
    `Workspace: ${workspace}. Exported ${now.toISOString()} by ${user} with Focal.`,
    '',
    `lines.csv    the ${f.totalLines} allocated lines of the figure: the pool or rule that gave each, the`,
    '             source row (x_ImportId, x_SourceFile, x_SourceRow), its amount of the metric, the share',
    '             (amount ÷ row, nine decimals, for reading) and the amount; the amounts sum exactly to the figure.',
    'rows.csv     the source rows of those lines, every column as stored.',
    "totals.csv   each rule's and pool's part, the figure, the charged amount (rounded to the minor unit so",
    '             that all cost centers add up to the invoice) and the figure as the pack recorded it.',
    'sources.csv  each source file: SHA-256, size, format, its rows in the figure and their range, and the',
    '             audit entry (number and hash) that logged its import.',
    "audit.csv    those import entries and the pack's report entry; `focal audit verify` checks the chain.",
    'rules.json   the rule version (number, author, time, note, digest and the rules themselves).',
    "appendix.csv the data of the pack's appendix for auditors (reconciliation, pools, residues, imports).",
    '',
    'To check: sum the amount column of lines.csv and compare with totals.csv; hash each source file',
    '(sha256sum) and compare with sources.csv; read its line x_SourceRow.',
    '',
  ].join('\n')
}
