/**
 * Where a workspace keeps column mappings (shared/formats/user-mapping.ts):
 * the saved ones by name, and the exact mapping every import made with one
 * was read by, so an auditor can see how its rows were made.
 */

/** The tables, run by a new workspace and by the format-3 upgrade (schema.ts FORMAT_3_TABLES). */
export const USER_MAPPING_TABLES: readonly string[] = [
  // The latest version saved under each name; the body is the mapping file's JSON.
  `CREATE TABLE IF NOT EXISTS column_mappings (
    name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, body VARCHAR NOT NULL, saved_at TIMESTAMPTZ NOT NULL)`,
  // The mapping an import was read with, as it was then (a later save under its name changes nothing here).
  `CREATE TABLE IF NOT EXISTS import_mappings (
    import_id INTEGER NOT NULL, name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, body VARCHAR NOT NULL)`,
]

/** Replaces the mapping saved under a name ($1 name, $2 sha256, $3 body, $4 saved at). */
export const SAVE_MAPPING_SQL = [
  'DELETE FROM column_mappings WHERE name = $1',
  'INSERT INTO column_mappings (name, sha256, body, saved_at) VALUES ($1, $2, $3, $4::TIMESTAMPTZ)',
] as const

/** Saved mappings by name. */
export const LIST_MAPPINGS_SQL =
  'SELECT name, sha256, body, CAST(saved_at AS VARCHAR) AS saved_at FROM column_mappings ORDER BY lower(name), name'

/** One saved mapping ($1 name). */
export const GET_MAPPING_SQL = 'SELECT name, sha256, body FROM column_mappings WHERE name = $1'

/** Records the mapping an import was read with ($1 import id, $2 name, $3 sha256, $4 body). */
export const RECORD_IMPORT_MAPPING_SQL =
  'INSERT INTO import_mappings (import_id, name, sha256, body) VALUES ($1, $2, $3, $4)'

/** The mapping an import was read with ($1 import id). */
export const IMPORT_MAPPING_SQL =
  'SELECT name, sha256, body FROM import_mappings WHERE import_id = $1'

/** The name and hash of the mapping each import was read with (the import registry lists them). */
export const IMPORT_MAPPING_NAMES_SQL = 'SELECT import_id, name, sha256 FROM import_mappings'
