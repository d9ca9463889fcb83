/**
 * Imports files read with a person's column mapping: the mapping is compiled
 * to a FormatMapping and given to the usual import (so checks, store and
 * reconciliation are the same as for any native format), saved in the
 * workspace under its name, and recorded with every import it made.
 */
import { compileUserMapping } from '../../../shared/formats/user-mapping-compile'
import type { FormatMapping } from '../../../shared/formats/mapping-types'
import { importSource, type SourceImport } from '../ingest/import-source'
import type { ArchiveImportOptions } from '../ingest/import-archive'
import type { Workspace } from '../workspace/workspace'
import type { LoadedMapping } from './mapping-file'
import { recordImportMapping, saveMapping } from './mappings-store'

/** The FormatMapping an import reads with; its id names the mapping and its hash (`mapping:<name>@<sha12>`). */
export function importFormat(loaded: LoadedMapping): FormatMapping {
  const format = compileUserMapping(loaded.mapping)
  return { ...format, id: `${format.id}@${loaded.sha256.slice(0, 12)}` }
}

/** Imports `path` (a CSV, or a ZIP of them) with `loaded`; every attempt records the mapping. */
export async function importWithMapping(
  ws: Workspace,
  path: string,
  loaded: LoadedMapping,
  options: ArchiveImportOptions = {},
): Promise<SourceImport> {
  await saveMapping(ws, loaded)
  const result = await importSource(ws, path, { ...options, format: importFormat(loaded) })
  const mapping = { name: loaded.mapping.name, sha256: loaded.sha256 }
  for (const record of result.records)
    if (record.id > 0) await recordImportMapping(ws, record.id, loaded)
  // The records returned name the mapping as the registry will (imports-registry.ts).
  return {
    ...result,
    records: result.records.map((record) => (record.id > 0 ? { ...record, mapping } : record)),
  }
}
