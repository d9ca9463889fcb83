/**
 * The workspace schema (DESIGN.md, Workspace): one DuckDB file holding the
 * normalized cost rows, the import registry with per-currency totals, and an
 * append-only audit log. Money is DECIMAL(38,18), time is TIMESTAMPTZ (UTC).
 */
import { FOCUS_COLUMNS, type FocusType } from '../../../shared/focus'
import { quoteIdent } from '../../../shared/sql/identifiers'

/** Version of the workspace layout, stored in `meta`; bumped with each migration. */
export const WORKSPACE_FORMAT = 1

/** The DuckDB type Focal stores each FOCUS data type as. */
export const SQL_TYPE: Readonly<Record<FocusType, string>> = {
  string: 'VARCHAR',
  json: 'VARCHAR',
  decimal: 'DECIMAL(38,18)',
  datetime: 'TIMESTAMPTZ',
}

/** Columns Focal adds beside the FOCUS ones: renamed pre-1.4 data and provenance. */
export const FOCAL_COLUMNS: ReadonlyArray<{ name: string; sqlType: string }> = [
  { name: 'x_PublisherName', sqlType: 'VARCHAR' },
  { name: 'x_ChargeSubcategory', sqlType: 'VARCHAR' },
  { name: 'x_ImportId', sqlType: 'INTEGER' },
  { name: 'x_SourceFile', sqlType: 'VARCHAR' },
  { name: 'x_SourceRow', sqlType: 'BIGINT' },
  { name: 'x_SourceFormat', sqlType: 'VARCHAR' },
  { name: 'x_FixCodes', sqlType: 'VARCHAR[]' },
]

const costColumns = [
  ...FOCUS_COLUMNS.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`),
  ...FOCAL_COLUMNS.map((c) => `${quoteIdent(c.name)} ${c.sqlType}`),
]

const FOCUS_VIEW = 'SELECT * FROM cost_rows'

/** The views Focal defines, by name and body: the only SQL stored in a workspace it runs (catalog-guard.ts). */
export const FOCAL_VIEWS: Readonly<Record<string, string>> = { focus: FOCUS_VIEW }

/** Statements that create an empty workspace, run in one transaction. */
export const CREATE_WORKSPACE: readonly string[] = [
  'CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)',
  'CREATE SEQUENCE import_id_seq START 1',
  `CREATE TABLE imports (
    id INTEGER PRIMARY KEY, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL, format VARCHAR NOT NULL, focus_version VARCHAR,
    row_count BIGINT NOT NULL, status VARCHAR NOT NULL, reconciled BOOLEAN NOT NULL,
    started_at TIMESTAMPTZ NOT NULL, finished_at TIMESTAMPTZ, duration_ms DOUBLE,
    error VARCHAR, fixes VARCHAR, issues VARCHAR, column_map VARCHAR, actor VARCHAR)`,
  `CREATE TABLE import_totals (
    import_id INTEGER NOT NULL, currency VARCHAR, rows BIGINT NOT NULL,
    billed_source DECIMAL(38,18), billed_stored DECIMAL(38,18),
    effective_source DECIMAL(38,18), effective_stored DECIMAL(38,18), reconciled BOOLEAN NOT NULL)`,
  `CREATE TABLE audit_log (
    logged_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL, action VARCHAR NOT NULL, subject VARCHAR, details VARCHAR)`,
  `CREATE TABLE cost_rows (\n  ${costColumns.join(',\n  ')}\n)`,
  // The view every query and the CLI use: the normalized rows under FOCUS names.
  `CREATE VIEW focus AS ${FOCUS_VIEW}`,
]
