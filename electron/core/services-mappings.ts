/**
 * The column-mapping channels of the core services: a staged CSV's columns
 * and first rows, a live preview of a mapping being made, and the mappings
 * saved in the workspace (listed, saved, written out as a file's text). A
 * file is named by its staged token only, never by a path from the UI.
 */
import type { FocalApi, MappingFile } from '../../shared/contract'
import { loadMappingJson, mappingText } from './mappings/mapping-file'
import { previewMapping, sampleCsv } from './mappings/mapping-preview'
import { fail } from '../../shared/contract'
import { getMapping, importMapping, listMappings, saveMapping } from './mappings/mappings-store'
import type { UserMapping } from '../../shared/formats/user-mapping'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type MappingChannel =
  | 'mappings:list'
  | 'mappings:inspect'
  | 'mappings:preview'
  | 'mappings:save'
  | 'mappings:export'
  | 'imports:mapping'

/** What the mapping handlers need from the services. */
export interface MappingContext {
  /** The open workspace; fails NO_WORKSPACE when none is. */
  workspace(): Workspace
  /** The path and display name of a staged file; fails NOT_FOUND for an unknown token. */
  staged(token: string): { path: string; name: string }
}

/** Creates the mapping handlers. */
export function createMappingServices(context: MappingContext): Pick<FocalApi, MappingChannel> {
  const sample = (token: string) => {
    const file = context.staged(token)
    return sampleCsv(file.path, file.name)
  }
  return {
    'mappings:list': async () =>
      (await listMappings(context.workspace())).map((m) => ({
        name: m.mapping.name,
        sha256: m.sha256,
        savedAt: m.savedAt,
        mapping: m.mapping,
      })),
    'mappings:inspect': async ({ token }) => sample(token),
    'mappings:preview': async ({ token, mapping }) => previewMapping(await sample(token), mapping),
    'mappings:save': async ({ mapping }) => {
      const loaded = loadMappingJson(mapping, `The mapping "${mapping.name}"`)
      await saveMapping(context.workspace(), loaded)
      const saved = (await listMappings(context.workspace())).find(
        (m) => m.mapping.name === mapping.name,
      )
      return {
        name: loaded.mapping.name,
        sha256: loaded.sha256,
        savedAt: saved?.savedAt ?? new Date().toISOString(),
        mapping: loaded.mapping,
      }
    },
    'mappings:export': async ({ name }) =>
      mappingFile((await getMapping(context.workspace(), name)).mapping),
    'imports:mapping': async ({ importId }) => {
      const loaded = await importMapping(context.workspace(), importId)
      if (!loaded)
        fail('NOT_FOUND', `Import #${importId} was not read with a column mapping.`, {
          hint: 'Only files imported with a column mapping have one to show.',
        })
      const { mapping, sha256 } = loaded
      return { importId, name: mapping.name, sha256, mapping, file: mappingFile(mapping) }
    },
  }
}

/** The mapping as the file `focal import --mapping` reads, named after the mapping. */
function mappingFile(mapping: UserMapping): MappingFile {
  // A file name from the mapping's name, with only characters every file system takes.
  const base = mapping.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'mapping'
  return { fileName: `${base}.focal-mapping.json`, text: mappingText(mapping) }
}
