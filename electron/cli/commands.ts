/** The `focal` subcommands: each opens the workspace, does one thing, prints, returns an exit code. */
import { basename, resolve, sep } from 'node:path'
import type { AzureCostView, ImportRecord, OverlapChoice } from '../../shared/contract'
import { normalizeDecimal } from '../../shared/money'
import type { DeliveryOptions } from '../core/ingest/cur-delivery'
import { importGroup } from '../core/ingest/import-group'
import { importSource } from '../core/ingest/import-source'
import { runReadOnlySql } from '../core/query/readonly-sql'
import { listImports } from '../core/workspace/imports-registry'
import { importNotes } from './imports-notes'
import { Workspace } from '../core/workspace/workspace'
import { describeImport, textTable } from './format'
import { expandInputs } from './files'

/**
 * `focal import`: imports each file in its own transaction, and each AWS CUR delivery
 * (parts and manifest) in one; 0 only if all imported.
 */
export async function runImportCommand(
  workspacePath: string,
  inputs: string[],
  json: boolean,
  onOverlap?: OverlapChoice,
  more: {
    allowIncomplete?: boolean
    azureCostView?: AzureCostView
    /** Values for FOCUS columns the files lack (--assume). */
    assume?: Readonly<Record<string, string>>
    /** Store each file, compressed, in the workspace (--embed-source; core/sources). */
    embedSource?: boolean
  } = {},
): Promise<number> {
  const files = expandInputs(inputs, true)
  const ws = await Workspace.open(resolve(workspacePath), { create: true })
  const records: ImportRecord[] = []
  const skipped: { fileName: string; reason: string }[] = []
  const options: DeliveryOptions = {
    onOverlap,
    allowIncomplete: more.allowIncomplete ?? false,
    // The cost view of Azure files whose rows do not tell it (azure-cost-view.ts).
    azureCostView: more.azureCostView,
    ...(more.assume ? { assume: more.assume } : {}),
    ...(more.embedSource ? { embedSource: true } : {}),
    onProgress:
      json || !process.stderr.isTTY
        ? undefined
        : (p) =>
            process.stderr.write(
              `\r${p.fileName}: ${p.phase} ${p.rowsDone ? `${p.rowsDone} rows` : ''}`.padEnd(80),
            ),
  }
  const print = (result: { records: ImportRecord[]; skipped: typeof skipped }): void => {
    if (!json && process.stderr.isTTY) process.stderr.write('\r'.padEnd(81) + '\r')
    records.push(...result.records)
    skipped.push(...result.skipped)
    if (json) return
    for (const record of result.records) console.log(describeImport(record))
    for (const entry of result.skipped) console.log(`${entry.fileName}: skipped (${entry.reason})`)
  }
  try {
    // Manifests are read with the parts they list; every other file is imported as it comes.
    const group = await importGroup(
      ws,
      files.map((path) => ({ path, displayName: basename(path), relativePath: toSlashes(path) })),
      options,
      async (file) => {
        // A ZIP gives one record per billing file inside, named `<archive>.zip/<inner path>`.
        const result = await importSource(ws, file.path, {
          ...options,
          displayName: file.displayName,
        })
        print(result)
        return []
      },
    )
    print(group)
  } finally {
    ws.close()
  }
  const allImported = records.length > 0 && records.every((r) => r.status === 'imported')
  if (json)
    console.log(
      JSON.stringify(
        { ok: allImported, workspace: basename(workspacePath), imports: records, skipped },
        null,
        2,
      ),
    )
  else if (files.length === 0)
    console.error('No CSV, CSV.gz, Parquet, JSON-lines or ZIP files found in the given folders.')
  return allImported ? 0 : 1
}

/** A path with `/` separators, as a CUR delivery's parts are matched (cur-delivery-plan.ts). */
function toSlashes(path: string): string {
  return path.split(sep).join('/')
}

/** `focal imports`: the registry. */
export async function runImportsCommand(workspacePath: string, json: boolean): Promise<number> {
  const ws = await Workspace.open(resolve(workspacePath), { readOnly: true })
  try {
    const records = await listImports(ws)
    if (json) {
      console.log(JSON.stringify({ ok: true, imports: records }, null, 2))
      return 0
    }
    const rows = records.map((r) => [
      String(r.id),
      r.fileName,
      r.status +
        (r.reconciled ? ' ✓' : '') +
        // Its rows of those scopes no longer count in any total.
        (r.supersededBy !== null ? `, superseded by #${r.supersededBy}` : ''),
      r.format,
      r.focusVersion ?? '',
      String(r.rowCount),
      r.totals.map((t) => `${t.billedStored} ${t.currency}`).join('; '),
      r.sha256.slice(0, 12),
    ])
    console.log(
      textTable(
        ['id', 'file', 'status', 'format', 'FOCUS', 'rows', 'BilledCost', 'sha256'],
        rows,
        new Set([0, 5]),
      ),
    )
    const notes = importNotes(records)
    if (notes.length > 0) console.log(['', ...notes].join('\n'))
    return 0
  } finally {
    ws.close()
  }
}

/** `focal query`: read-only SQL over the focus view. */
export async function runQueryCommand(
  workspacePath: string,
  sql: string,
  output: 'text' | 'json' | 'csv',
): Promise<number> {
  const result = await runReadOnlySql(resolve(workspacePath), sql)
  // Decimals print exactly, without the trailing zeros of DECIMAL(38,18).
  result.types.forEach((type, i) => {
    if (!type.startsWith('DECIMAL')) return
    for (const row of result.rows) if (row[i] != null) row[i] = normalizeDecimal(String(row[i]))
  })
  if (output === 'json') {
    const rows = result.rows.map((row) =>
      Object.fromEntries(result.columns.map((c, i) => [c, row[i]])),
    )
    console.log(
      JSON.stringify({ ok: true, columns: result.columns, types: result.types, rows }, null, 2),
    )
  } else if (output === 'csv') {
    const cell = (v: unknown): string => {
      const text = v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)
      return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
    }
    console.log(
      [result.columns.map(cell).join(','), ...result.rows.map((r) => r.map(cell).join(','))].join(
        '\n',
      ),
    )
  } else {
    const text = result.rows.map((r) =>
      r.map((v) => (v == null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v))),
    )
    const numeric = new Set(
      result.types.flatMap((t, i) => (/INT|DECIMAL|DOUBLE|FLOAT|HUGEINT/.test(t) ? [i] : [])),
    )
    console.log(textTable(result.columns, text, numeric))
    console.log(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`)
  }
  return 0
}
