/**
 * SQL of embedded source files (issue 11, "Portable and versioned"): each imported file
 * gzip-compressed inside the workspace, so "Show in source" works on another machine. A
 * file's gzip stream is cut into parts of at most PART_BYTES, one row each, so neither
 * writing nor reading ever holds a whole big file in memory.
 */

/** The table of embedded sources; empty (and tiny) until a person turns embedding on. */
export const SOURCE_FILE_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS source_files (
    import_id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    sha256 VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    size BIGINT NOT NULL,
    compressed BLOB NOT NULL,
    PRIMARY KEY (import_id, part)
  )`,
]

/** Most bytes of compressed data in one row. */
export const PART_BYTES = 8 * 1024 * 1024

/** One part of an import's compressed source. */
export const INSERT_PART_SQL = `INSERT INTO source_files VALUES ($1, $2, $3, $4, $5, $6)`

/** The identity of an import's embedded source and its number of parts (none: no rows). */
export const EMBEDDED_SOURCE_SQL = `SELECT any_value(sha256) AS sha256, any_value(name) AS name,
  any_value(size)::BIGINT AS size, count(*)::BIGINT AS parts
  FROM source_files WHERE import_id = $1 HAVING count(*) > 0`

/** One part's compressed bytes. */
export const PART_SQL = `SELECT compressed FROM source_files WHERE import_id = $1 AND part = $2`

/** How many imports have their source embedded, and the compressed bytes they take. */
export const EMBEDDED_COUNT_SQL = `SELECT count(DISTINCT import_id)::BIGINT AS files,
  coalesce(sum(octet_length(compressed)), 0)::BIGINT AS bytes FROM source_files`

/** The workspace setting: whether imports embed their source (meta key, absent: off). */
export const EMBED_SETTING_SQL = `SELECT value FROM meta WHERE key = 'embed_sources'`

/** Sets the setting. */
export const SET_EMBED_SQL = `INSERT OR REPLACE INTO meta VALUES ('embed_sources', $1)`
