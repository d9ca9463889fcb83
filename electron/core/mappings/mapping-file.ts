/**
 * A column mapping as a file: read and checked from disk, written in one
 * canonical JSON form, and identified by the SHA-256 of that form (so the
 * same mapping has the same hash however its file was spaced).
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { fail } from '../../../shared/contract'
import { parseUserMapping, checkUserMapping } from '../../../shared/formats/user-mapping-check'
import type { UserMapping } from '../../../shared/formats/user-mapping'

/** A mapping file larger than this is no mapping (a lookup table of thousands of values fits easily). */
const MAX_MAPPING_BYTES = 4 << 20

/** A checked mapping and its identity. */
export interface LoadedMapping {
  readonly mapping: UserMapping
  /** SHA-256 of the canonical text (mappingText). */
  readonly sha256: string
}

/** The canonical text of a mapping: its fields in the schema's order, two-space JSON, a final newline. */
export function mappingText(mapping: UserMapping): string {
  const { focalMapping, name, header, columns, tags } = mapping
  return `${JSON.stringify({ focalMapping, name, header, columns, ...(tags ? { tags } : {}) }, null, 2)}\n`
}

/** The mapping's identity: SHA-256 (hex) of its canonical text. */
export function mappingSha256(mapping: UserMapping): string {
  return createHash('sha256').update(mappingText(mapping)).digest('hex')
}

/** Checks a mapping given as JSON (the app's screen sends one); fails with BAD_MAPPING. */
export function loadMappingJson(json: unknown, name = 'The mapping'): LoadedMapping {
  const mapping = checkUserMapping(json, name)
  return { mapping, sha256: mappingSha256(mapping) }
}

/** Reads and checks the mapping file at `path`; errors name the file by its base name only. */
export async function readMappingFile(path: string): Promise<LoadedMapping> {
  const fileName = basename(path)
  const info = await stat(path).catch(() =>
    fail('IO_ERROR', `${fileName} does not exist or cannot be read.`, {
      hint: 'Check the mapping file name and try again.',
      location: { file: fileName },
    }),
  )
  if (!info.isFile() || info.size > MAX_MAPPING_BYTES)
    fail(
      'BAD_MAPPING',
      `${fileName} is not a column mapping file (${info.isFile() ? 'over 4 MB' : 'not a file'}).`,
      {
        hint: 'Name the JSON file written by focal mappings export or the mapping screen.',
        location: { file: fileName },
      },
    )
  const mapping = parseUserMapping(await readFile(path, 'utf8'), fileName)
  return { mapping, sha256: mappingSha256(mapping) }
}
