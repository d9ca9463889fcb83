/**
 * Column mappings on the command line (core/mappings): `focal import --mapping
 * <file.json>` reads CSVs no known format matches, and `focal mappings
 * list|export|import` moves mappings between a workspace and files.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { ImportRecord, OverlapChoice } from '../../shared/contract'
import { importWithMapping } from '../core/mappings/import-with-mapping'
import { mappingText, readMappingFile } from '../core/mappings/mapping-file'
import { getMapping, listMappings, saveMapping } from '../core/mappings/mappings-store'
import { Workspace } from '../core/workspace/workspace'
import { expandInputs } from './files'
import { describeImport, textTable } from './format'
import { parseCommand, usageError } from './usage'

/** Help text of `focal mappings` (and of `focal import --mapping`). */
export const MAPPINGS_HELP = `focal import <file|folder>... -w <workspace.focal> --mapping <mapping.json> [--json]
      Import CSV files no known format matches, read with a column mapping (a JSON
      file from focal mappings export or the app's mapping screen; see README). The
      mapping is saved in the workspace and each import records it and its SHA-256.
  focal mappings list -w <workspace.focal> [--json]
  focal mappings export <name> -w <workspace.focal> --out <mapping.json>
  focal mappings import <mapping.json> -w <workspace.focal>
      List the column mappings saved in a workspace, write one to a file, or check a
      mapping file and save it in the workspace.`

function usage(message: string): number {
  return usageError(message, MAPPINGS_HELP)
}

/** `focal import --mapping`: each file read with the mapping; 0 only if all imported. */
export async function runMappedImportCommand(
  workspacePath: string,
  inputs: string[],
  mappingPath: string,
  json: boolean,
  onOverlap?: OverlapChoice,
): Promise<number> {
  // A bad mapping is refused before the workspace is opened or created.
  const loaded = await readMappingFile(resolve(mappingPath))
  const files = expandInputs(inputs, true)
  const ws = await Workspace.open(resolve(workspacePath), { create: true })
  const records: ImportRecord[] = []
  const skipped: { fileName: string; reason: string }[] = []
  try {
    for (const file of files) {
      const result = await importWithMapping(ws, file, loaded, {
        displayName: basename(file),
        onOverlap,
      })
      records.push(...result.records)
      skipped.push(...result.skipped)
      if (json) continue
      for (const record of result.records) console.log(describeImport(record))
      for (const entry of result.skipped)
        console.log(`${entry.fileName}: skipped (${entry.reason})`)
    }
  } finally {
    ws.close()
  }
  const allImported = records.length > 0 && records.every((r) => r.status === 'imported')
  const mapping = { name: loaded.mapping.name, sha256: loaded.sha256 }
  if (json)
    console.log(
      JSON.stringify(
        { ok: allImported, workspace: basename(workspacePath), mapping, imports: records, skipped },
        null,
        2,
      ),
    )
  else if (files.length === 0) console.error('No CSV or ZIP files found in the given folders.')
  else console.log(`Read with column mapping "${mapping.name}" (sha256 ${mapping.sha256}).`)
  return allImported ? 0 : 1
}

/** Runs `focal mappings …`; `argv` is everything after `mappings`. Returns the exit code. */
export async function runMappingsCommand(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      workspace: { type: 'string', short: 'w' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    MAPPINGS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [verb, argument, ...extra] = positionals
  const workspace = values.workspace
  if (!workspace) return usage(`focal mappings ${verb ?? ''} needs -w <workspace.focal>.`.trim())
  if (extra.length > 0) return usage(`Unexpected argument ${extra[0]}.`)
  switch (verb) {
    case 'list':
      if (argument !== undefined) return usage('focal mappings list takes no argument.')
      return listCommand(workspace, values.json)
    case 'export':
      if (argument === undefined) return usage('focal mappings export needs the mapping name.')
      if (!values.out) return usage('focal mappings export needs --out <mapping.json>.')
      return exportCommand(workspace, argument, values.out)
    case 'import':
      if (argument === undefined) return usage('focal mappings import needs a mapping file.')
      return importCommand(workspace, argument)
    default:
      return usage(
        verb === undefined
          ? 'focal mappings needs list, export or import.'
          : `Unknown mappings command ${verb}; use list, export or import.`,
      )
  }
}

async function listCommand(workspacePath: string, json: boolean): Promise<number> {
  const ws = await Workspace.open(resolve(workspacePath), { readOnly: true })
  try {
    const saved = await listMappings(ws)
    if (json) {
      const mappings = saved.map((m) => ({
        name: m.mapping.name,
        sha256: m.sha256,
        savedAt: m.savedAt,
        mapping: m.mapping,
      }))
      console.log(JSON.stringify({ ok: true, mappings }, null, 2))
      return 0
    }
    if (saved.length === 0) {
      console.log('No saved column mappings.')
      return 0
    }
    const rows = saved.map((m) => [
      m.mapping.name,
      String(Object.keys(m.mapping.columns).length),
      m.mapping.header.join(', '),
      m.sha256.slice(0, 12),
      m.savedAt,
    ])
    console.log(
      textTable(['name', 'columns', 'made for header', 'sha256', 'saved'], rows, new Set([1])),
    )
    return 0
  } finally {
    ws.close()
  }
}

async function exportCommand(workspacePath: string, name: string, out: string): Promise<number> {
  const destination = resolve(out)
  // Never overwrite a file silently: the person names a new one or removes the old.
  if (existsSync(destination)) {
    console.error(`${basename(destination)} already exists; name another file or remove it first.`)
    return 1
  }
  const ws = await Workspace.open(resolve(workspacePath), { readOnly: true })
  try {
    const loaded = await getMapping(ws, name)
    writeFileSync(destination, mappingText(loaded.mapping), { flag: 'wx' })
    console.log(
      `Wrote column mapping "${name}" to ${basename(destination)} (sha256 ${loaded.sha256}).`,
    )
    return 0
  } finally {
    ws.close()
  }
}

async function importCommand(workspacePath: string, file: string): Promise<number> {
  const loaded = await readMappingFile(resolve(file))
  const ws = await Workspace.open(resolve(workspacePath), { create: true })
  try {
    await saveMapping(ws, loaded)
    console.log(`Saved column mapping "${loaded.mapping.name}" (sha256 ${loaded.sha256}).`)
    return 0
  } finally {
    ws.close()
  }
}
