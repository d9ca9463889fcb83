/**
 * `focal fx import <rates.csv>` and `focal fx list`: the dated exchange rates a report's
 * reporting currency is converted with (electron/core/fx). The import is all or nothing;
 * the same file twice is "already imported".
 */
import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { basename, resolve } from 'node:path'
import { fail } from '../../shared/contract'
import { importRates, listFxImports, readRates } from '../core/fx/fx-rates'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** Help text of `focal fx`. */
export const FX_HELP = `focal fx import <rates.csv> -w <workspace.focal> [--json]
      Import dated exchange rates: a CSV with date (YYYY-MM-DD) or month (YYYY-MM),
      from, to, rate (1 <from> = <rate> <to>, exact decimal above zero) and source.
      Every line is checked first; a bad line stores nothing. A later file's rate for
      the same pair and date restates the earlier one; the same file again is
      "already imported". Reports convert at the month's rate, else the last daily
      rate dated in the month (focal report --reporting-currency).
  focal fx list -w <workspace.focal> [--json]
      List the rates files imported and the rates in force.`

function usage(message: string): number {
  return usageError(message, FX_HELP)
}

/** Runs `focal fx …`; `argv` is everything after `fx`. Exit 0, 1 refused, 2 usage. */
export async function runFxCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv, WORKSPACE_OPTIONS, FX_HELP)
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = '', ...args] = positionals
  if (action !== 'import' && action !== 'list')
    return usage(
      action
        ? `Unknown fx action ${action}; use import or list.`
        : 'focal fx needs import or list.',
    )
  if (!values.workspace) return usage(`focal fx ${action} needs -w <workspace.focal>.`)
  if (action === 'import' && args.length !== 1)
    return usage('focal fx import needs one rates CSV file.')
  if (action === 'list' && args.length > 0) return usage('focal fx list takes no arguments.')
  const json = values.json
  try {
    const text =
      action === 'import'
        ? await runImport(values.workspace, args[0] ?? '', json)
        : await runList(values.workspace, json)
    console.log(text)
    return 0
  } catch (cause) {
    return refused(cause, json)
  }
}

async function runImport(workspace: string, file: string, json: boolean): Promise<string> {
  const name = basename(file)
  let bytes: Buffer
  try {
    bytes = await readFile(resolve(file))
  } catch {
    return fail('IO_ERROR', `Cannot read the rates file ${name}.`)
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const ws = await Workspace.open(resolve(workspace), { create: true })
  try {
    const result = await importRates(ws, bytes.toString('utf8'), name, sha256)
    if (json) return JSON.stringify({ ok: true, ...result }, null, 2)
    if (result.status === 'already-imported')
      return `${name}: already imported (import ${result.importId}, ${result.rates} rates); nothing was added.`
    const restated = result.restated ? `, ${result.restated} restating earlier rates` : ''
    return `${name}: imported ${result.rates} rate${result.rates === 1 ? '' : 's'}${restated} (import ${result.importId}, SHA-256 ${sha256}).`
  } finally {
    await ws.close()
  }
}

async function runList(workspace: string, json: boolean): Promise<string> {
  const ws = await Workspace.open(resolve(workspace), { readOnly: true })
  try {
    const [imports, rates] = [await listFxImports(ws), await readRates(ws)]
    if (json) return JSON.stringify({ ok: true, imports, rates }, null, 2)
    if (imports.length === 0) return 'No exchange rates imported (focal fx import <rates.csv>).'
    return [
      textTable(
        ['import', 'file', 'rates', 'imported', 'by', 'SHA-256'],
        imports.map((i) => [
          String(i.id),
          i.fileName,
          String(i.rates),
          i.importedAt,
          i.actor,
          i.sha256,
        ]),
        new Set([0, 2]),
      ),
      '',
      textTable(
        ['from', 'to', 'date', 'rate', 'source', 'import'],
        rates.map((r) => [r.from, r.to, r.on, r.rate, r.source, String(r.importId)]),
        new Set([3, 5]),
      ),
    ].join('\n')
  } finally {
    await ws.close()
  }
}
