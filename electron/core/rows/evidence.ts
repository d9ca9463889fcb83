/**
 * "Explain this number" for a figure's rows (issue 11): an evidence bundle an auditor can
 * check without Focal. One ZIP holding the request that defines the figure, its totals per
 * currency, every row behind it with its provenance (import, source file, source row), the
 * source files' records (name, SHA-256, size, format, rows of the figure, source-row range)
 * with the hash-chained audit entry that logged each import, and those entries. The rows are
 * the Rows drawer's own (compileRowsRequest), so the bundle holds exactly what the figure sums.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fail } from '../../../shared/contract'
import type { RowsPageRequest } from '../../../shared/contract/rows'
import { quoteIdent, quoteLiteral } from '../../../shared/sql/identifiers'
import type { CompiledRows } from '../../../shared/sql/rows-sql'
import { entriesCsv } from '../audit/audit-export'
import { listAuditEntries } from '../audit/audit-log'
import { csvField } from '../report/csv'
import { writePackZip } from '../report/zip'
import { maskedNotice } from '../presentation/presentation-mode'
import type { Workspace } from '../workspace/workspace'
import { withRowsQuery } from './rows-page'

/** Rows a bundle may hold: more is a figure to narrow first (a bundle is read by people). */
export const EVIDENCE_ROW_LIMIT = 200_000

/** The bundle: a file name without a folder and the ZIP's bytes. */
export interface EvidenceBundle {
  readonly fileName: string
  readonly bytes: Uint8Array
  readonly rows: number
}

const line = (cells: ReadonlyArray<string | number | null>): string =>
  cells.map((c) => csvField(c, typeof c !== 'number')).join(',')

/** Builds the evidence bundle of the figure `title` whose rows `request` selects. */
export async function evidenceBundle(
  ws: Workspace,
  request: RowsPageRequest,
  title: string,
  now: Date,
): Promise<EvidenceBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'focal-evidence-'))
  // The figure's rows land in a temp table of the connection they are read on (dropped below:
  // a figure's part is read on the writer, which stays open).
  const figure = quoteIdent(ws.tempName('evidence'))
  const whole = { ...request, offset: 0, limit: EVIDENCE_ROW_LIMIT, sort: null }
  try {
    return await withRowsQuery(ws, whole, async ({ compiled }, connection) => {
      try {
        return await bundle(ws, compiled, connection, figure, dir, request, title, now)
      } finally {
        await ws.all(`DROP TABLE IF EXISTS ${figure}`, [], connection)
      }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function bundle(
  ws: Workspace,
  compiled: CompiledRows,
  connection: DuckDBConnection,
  figure: string,
  dir: string,
  request: RowsPageRequest,
  title: string,
  now: Date,
): Promise<EvidenceBundle> {
  const params = [...compiled.params]
  const [count] = await ws.all(compiled.countSql, params, connection)
  const rows = Number(count?.n ?? 0)
  if (rows > EVIDENCE_ROW_LIMIT)
    fail(
      'BAD_REQUEST',
      `This figure sums ${rows.toLocaleString('en-US')} rows; an evidence bundle holds at most ${EVIDENCE_ROW_LIMIT.toLocaleString('en-US')}.`,
      { hint: 'Narrow the figure (a filter, a shorter period) and export its evidence again.' },
    )
  // Every row as stored (DECIMAL text keeps every digit), read once into a temp table of this
  // connection for the three files below; rows.csv in the drawer's order (import, then
  // source row, as numbers).
  await ws.all(`CREATE TEMP TABLE ${figure} AS ${compiled.pageSql}`, params, connection)
  const rowsCsv = ws.output(join(dir, 'rows.csv'))
  await ws.all(
    `COPY (SELECT * FROM ${figure} ORDER BY CAST(x_ImportId AS INTEGER), CAST(x_SourceRow AS BIGINT)) TO ${quoteLiteral(rowsCsv.path)} (FORMAT csv, HEADER true)`,
    [],
    connection,
  )
  await rowsCsv.commit()
  const totals = await ws.all(
    `SELECT BillingCurrency AS currency, count(*)::BIGINT AS rows,
       sum(CAST(BilledCost AS DECIMAL(38, 18)))::VARCHAR AS billed,
       sum(CAST(EffectiveCost AS DECIMAL(38, 18)))::VARCHAR AS effective
     FROM ${figure} GROUP BY ALL ORDER BY currency NULLS LAST`,
    [],
    connection,
  )
  const sources = await ws.all(
    `SELECT i.id, i.file_name, i.sha256, i.size_bytes, i.format, i.status,
       strftime(i.finished_at, '%Y-%m-%dT%H:%M:%SZ') AS finished, f.rows, f.first_row, f.last_row
     FROM (SELECT CAST(x_ImportId AS INTEGER) AS id, count(*)::BIGINT AS rows,
             min(CAST(x_SourceRow AS BIGINT)) AS first_row, max(CAST(x_SourceRow AS BIGINT)) AS last_row
           FROM ${figure} GROUP BY 1) AS f
     JOIN imports AS i USING (id) ORDER BY i.id`,
    [],
    connection,
  )
  const ids = new Set(sources.map((s) => Number(s.id)))
  const logged = (await listAuditEntries(ws, { kind: 'import' })).filter((e) => {
    const id = (e.details as { importId?: unknown } | null)?.importId
    return typeof id === 'number' && ids.has(id)
  })
  const importedEntry = new Map(
    logged
      .filter((e) => e.action === 'import.imported')
      .map((e) => [(e.details as { importId: number }).importId, e]),
  )
  const hashes = await ws.all(
    "SELECT seq, hash FROM audit_log WHERE action LIKE 'import.%' AND seq IS NOT NULL",
    [],
    connection,
  )
  const hashOf = new Map(hashes.map((h) => [Number(h.seq), String(h.hash)]))

  writeFileSync(
    join(dir, 'totals.csv'),
    [
      line(['currency', 'rows', 'BilledCost', 'EffectiveCost']),
      ...totals.map((t) =>
        line([
          t.currency === null ? null : String(t.currency),
          Number(t.rows),
          decimalText(t.billed),
          decimalText(t.effective),
        ]),
      ),
    ].join('\r\n'),
  )
  writeFileSync(
    join(dir, 'sources.csv'),
    [
      line([
        'import_id',
        'file_name',
        'sha256',
        'size_bytes',
        'format',
        'status',
        'imported_at',
        'rows_in_figure',
        'first_source_row',
        'last_source_row',
        'audit_seq',
        'audit_hash',
      ]),
      ...sources.map((s) => {
        const entry = importedEntry.get(Number(s.id))
        const seq = entry?.seq ?? null
        return line([
          Number(s.id),
          String(s.file_name),
          String(s.sha256),
          Number(s.size_bytes),
          String(s.format),
          String(s.status),
          s.finished === null ? null : String(s.finished),
          Number(s.rows),
          Number(s.first_row),
          Number(s.last_row),
          seq,
          seq === null ? null : (hashOf.get(seq) ?? null),
        ])
      }),
    ].join('\r\n'),
  )
  writeFileSync(join(dir, 'audit.csv'), entriesCsv(logged))
  writeFileSync(join(dir, 'request.json'), `${JSON.stringify(request, null, 2)}\n`)
  // Presentation mode is stated first: the rows' ids and names are aliases then.
  const masked = maskedNotice(ws)
  writeFileSync(
    join(dir, 'README.txt'),
    (masked ? `${masked}\n\n` : '') + readme(ws.name, title, rows, now),
  )
  const names = ['README.txt', 'totals.csv', 'rows.csv', 'sources.csv', 'audit.csv']
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  await writePackZip(
    [...names, 'request.json'].map((name) => ({ name, path: join(dir, name) })),
    sink,
    now,
  )
  return {
    fileName: `${ws.name}-evidence-${now.toISOString().slice(0, 19).replace(/[-:T]/g, '')}.zip`,
    bytes: new Uint8Array(Buffer.concat(chunks)),
    rows,
  }
}

function decimalText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = String(value)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

function readme(workspace: string, title: string, rows: number, now: Date): string {
  let user = 'unknown'
  try {
    user = userInfo().username
  } catch {
    // the name is only informative here
  }
  return [
    `Evidence for: ${title}`,
    `Workspace: ${workspace}. Exported ${now.toISOString()} by ${user} with Focal.`,
    '',
    `rows.csv     the ${rows} rows the figure sums, every column as stored; x_ImportId, x_SourceFile`,
    '             and x_SourceRow name the import, the file and the line (data row) each came from.',
    'totals.csv   rows, BilledCost and EffectiveCost per currency, summed exactly from rows.csv.',
    'sources.csv  each source file: SHA-256, size, format, the rows of the figure and their source-row',
    '             range, and the audit entry (number and hash) that logged its import.',
    'audit.csv    those audit entries; `focal audit verify` recomputes the whole hash chain.',
    'request.json the filters, conditions and period that select the rows (the Rows drawer request);',
    "             for a report figure's part, the figure and the part whose allocated lines name them.",
    '',
    'To check: sum BilledCost of rows.csv per BillingCurrency and compare with totals.csv; hash each',
    'source file (sha256sum) and compare with sources.csv; read its lines x_SourceRow.',
    '',
  ].join('\n')
}
