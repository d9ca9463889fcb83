/** The saved views table (electron/core/views/saved-views.ts): one pivot spec per name, as JSON. */

/** Created with a new workspace and on the upgrade to format 3 (schema.ts FORMAT_3_TABLES). */
export const SAVED_VIEW_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS saved_views (
    name VARCHAR PRIMARY KEY, spec VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL)`,
]
