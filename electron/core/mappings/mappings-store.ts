/** The column mappings saved in a workspace, and the one each import was read with. */
import { fail } from '../../../shared/contract'
import { checkUserMapping } from '../../../shared/formats/user-mapping-check'
import type { ImportRecord } from '../../../shared/contract'
import type { Workspace } from '../workspace/workspace'
import { mappingSha256, mappingText, type LoadedMapping } from './mapping-file'
import {
  GET_MAPPING_SQL,
  IMPORT_MAPPING_NAMES_SQL,
  IMPORT_MAPPING_SQL,
  LIST_MAPPINGS_SQL,
  RECORD_IMPORT_MAPPING_SQL,
  SAVE_MAPPING_SQL,
} from './mappings-sql'

/** A saved mapping as listed. */
export interface SavedMapping extends LoadedMapping {
  readonly savedAt: string
}

/** Saves a mapping under its name, replacing an earlier one of that name; a new or changed one is audited. */
export async function saveMapping(ws: Workspace, loaded: LoadedMapping): Promise<void> {
  const [remove, insert] = SAVE_MAPPING_SQL
  await ws.transaction(async () => {
    const [before] = await ws.all(GET_MAPPING_SQL, [loaded.mapping.name])
    await ws.run(remove, [loaded.mapping.name])
    await ws.run(insert, [
      loaded.mapping.name,
      loaded.sha256,
      mappingText(loaded.mapping),
      new Date().toISOString(),
    ])
    // Each import with a mapping saves it again: only a new or changed one is a change to audit.
    if (before?.sha256 !== loaded.sha256)
      await ws.audit(before ? 'mapping.update' : 'mapping.save', loaded.mapping.name, {
        sha256: loaded.sha256,
        ...(before ? { previousSha256: before.sha256 } : {}),
      })
  })
}

/** Every saved mapping, by name. */
export async function listMappings(ws: Workspace): Promise<SavedMapping[]> {
  const rows = await ws.all(LIST_MAPPINGS_SQL)
  return rows.map((row) => ({ ...stored(row), savedAt: String(row.saved_at) }))
}

/** The mapping saved under `name`; fails with NOT_FOUND naming the saved ones. */
export async function getMapping(ws: Workspace, name: string): Promise<LoadedMapping> {
  const row = (await ws.all(GET_MAPPING_SQL, [name]))[0]
  if (row) return stored(row)
  const names = (await listMappings(ws)).map((m) => m.mapping.name)
  return fail('NOT_FOUND', `The workspace has no column mapping named "${name}".`, {
    hint:
      names.length > 0
        ? `Saved mappings: ${names.join(', ')}.`
        : 'It has no saved mappings; import one with focal mappings import <file.json> -w <workspace>.',
  })
}

/** Records the mapping import `importId` was read with. */
export async function recordImportMapping(
  ws: Workspace,
  importId: number,
  loaded: LoadedMapping,
): Promise<void> {
  await ws.run(RECORD_IMPORT_MAPPING_SQL, [
    importId,
    loaded.mapping.name,
    loaded.sha256,
    mappingText(loaded.mapping),
  ])
}

/** The mapping an import was read with, or null for an import detected by format. */
export async function importMapping(
  ws: Workspace,
  importId: number,
): Promise<LoadedMapping | null> {
  const row = (await ws.all(IMPORT_MAPPING_SQL, [importId]))[0]
  return row ? stored(row) : null
}

/** The name and hash of the mapping each import was read with, keyed by import id (one, or `all`). */
export async function readImportMappings(
  ws: Workspace,
  which: number | 'all',
  connection = ws.writer,
): Promise<Map<number, NonNullable<ImportRecord['mapping']>>> {
  const rows =
    which === 'all'
      ? await ws.all(IMPORT_MAPPING_NAMES_SQL, [], connection)
      : await ws.all(`${IMPORT_MAPPING_NAMES_SQL} WHERE import_id = $1`, [which], connection)
  return new Map(
    rows.map((row) => [
      Number(row.import_id),
      { name: String(row.name), sha256: String(row.sha256) },
    ]),
  )
}

/** A stored row as a mapping; its hash is the stored one, so a changed body would show. */
function stored(row: Record<string, unknown>): LoadedMapping {
  const mapping = checkUserMapping(JSON.parse(String(row.body)), String(row.name))
  const sha256 = String(row.sha256)
  // A body that no longer hashes to its recorded hash was changed outside Focal.
  if (mappingSha256(mapping) !== sha256)
    fail(
      'WORKSPACE_INVALID',
      `The stored column mapping "${String(row.name)}" was changed outside Focal.`,
    )
  return { mapping, sha256 }
}
