/**
 * The workspace schema (DESIGN.md, Workspace): one DuckDB file holding the
 * normalized cost rows, the import registry with per-currency totals, and an
 * append-only audit log. Money is DECIMAL(38,18), time is TIMESTAMPTZ (UTC).
 */
import { FOCUS_COLUMNS, type FocusType } from '../../../shared/focus'
import { CONTRACT_COMMITMENT_COLUMNS } from '../../../shared/focus/contract-commitment'
import { quoteIdent } from '../../../shared/sql/identifiers'
import { ANOMALY_TABLES } from '../anomalies/anomaly-sql'
import { BACKLOG_TABLES } from '../backlog/backlog-sql'
import { BUDGET_TABLES } from '../budgets/budgets-sql'
import { CLOSE_TABLES } from '../close/close-sql'
import { COMPLIANCE_TABLES } from '../compliance/compliance-sql'
import { FX_TABLES } from '../fx/fx-sql'
import { LEDGER_TABLES } from '../ledger/ledger-sql'
import { ROLLUP_TABLES } from '../query/rollup-sql'
import { columnDefinition } from './column-storage'
import { SOURCE_FILE_TABLES } from '../sources/source-files-sql'
import { USER_MAPPING_TABLES } from '../mappings/mappings-sql'
import { TAG_ALIAS_TABLES } from '../tags/tag-policy-sql'
import { UNIT_COST_TABLES } from '../unit-costs/unit-costs-sql'
import { VENDOR_TABLES } from '../vendors/vendors-sql'
import { SAVED_VIEW_TABLES } from '../views/saved-views-sql'

/** Version of the workspace layout, stored in `meta`; bumped with each migration (migrate.ts). */
export const WORKSPACE_FORMAT = 7

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
  ...FOCUS_COLUMNS.map((c) => columnDefinition(c.name, SQL_TYPE[c.type])),
  ...FOCAL_COLUMNS.map((c) => columnDefinition(c.name, c.sqlType)),
]

// Rows a later import superseded stay stored for audit but leave every total: every reader
// (pivots, What's loaded, allocation, reports, the CLI) reads this view, never cost_rows.
// Written exactly as DuckDB renders it back, so catalog-guard.ts recognizes it when it reopens.
const FOCUS_VIEW =
  'SELECT * FROM cost_rows AS c WHERE (NOT EXISTS(SELECT 1 FROM superseded_scopes AS s WHERE (' +
  '(s.import_id = c.x_ImportId) AND (s.provider IS NOT DISTINCT FROM c.ServiceProviderName) AND ' +
  '(s.billing_account_id IS NOT DISTINCT FROM c.BillingAccountId) AND ' +
  '(s.billing_period_start IS NOT DISTINCT FROM c.BillingPeriodStart))))'

/**
 * The focus view of a workspace holding both Azure cost views (focus-view.ts): Azure's actual
 * and amortized exports of one period form one view (finops-toolkit convert.md,
 * reference/mappings.md §3). While an amortized import of a billing account and period is
 * counted, an actual import of the same account and period counts only its commitment
 * purchases and refunds (ChargeCategory Purchase, PricingCategory Committed); its other rows
 * stay stored for audit, as superseded rows do, and come back if the amortized import leaves.
 * Its second test costs every query over the view, so only such a workspace has it.
 */
export const FOCUS_VIEW_MERGED =
  'SELECT * FROM cost_rows AS c WHERE ((NOT EXISTS(SELECT 1 FROM superseded_scopes AS s WHERE (' +
  '(s.import_id = c.x_ImportId) AND (s.provider IS NOT DISTINCT FROM c.ServiceProviderName) AND ' +
  '(s.billing_account_id IS NOT DISTINCT FROM c.BillingAccountId) AND ' +
  '(s.billing_period_start IS NOT DISTINCT FROM c.BillingPeriodStart)))) AND ' +
  "(((c.ChargeCategory = 'Purchase') AND (c.PricingCategory = 'Committed')) OR " +
  '(NOT EXISTS(SELECT 1 FROM import_cost_views AS v , import_cost_views AS a , import_scopes AS m WHERE (' +
  "(v.import_id = c.x_ImportId) AND (v.cost_view = 'actual') AND (a.cost_view = 'amortized') AND " +
  '(m.import_id = a.import_id) AND (m.billing_account_id IS NOT DISTINCT FROM c.BillingAccountId) AND ' +
  '(m.billing_period_start IS NOT DISTINCT FROM c.BillingPeriodStart) AND ' +
  '(NOT EXISTS(SELECT 1 FROM superseded_scopes AS s2 WHERE ((s2.import_id = m.import_id) AND ' +
  '(s2.provider IS NOT DISTINCT FROM m.provider) AND ' +
  '(s2.billing_account_id IS NOT DISTINCT FROM m.billing_account_id) AND ' +
  '(s2.billing_period_start IS NOT DISTINCT FROM m.billing_period_start)))))))))'

/**
 * Tables of delivery identity (delivery-identity.ts, supersede.ts): each import's scopes with
 * their content fingerprint, the scopes of earlier imports a later one superseded, the delta
 * per currency it brought, and the overlaps a user chose to keep.
 */
export const DELIVERY_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS import_scopes (
    import_id INTEGER NOT NULL, provider VARCHAR, billing_account_id VARCHAR,
    billing_period_start TIMESTAMPTZ, rows BIGINT NOT NULL, fingerprint VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS superseded_scopes (
    import_id INTEGER NOT NULL, provider VARCHAR, billing_account_id VARCHAR,
    billing_period_start TIMESTAMPTZ, superseded_by INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS import_deltas (
    import_id INTEGER NOT NULL, currency VARCHAR, rows_added BIGINT NOT NULL,
    rows_removed BIGINT NOT NULL, rows_changed BIGINT NOT NULL,
    billed_difference DECIMAL(38,18) NOT NULL, effective_difference DECIMAL(38,18) NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS import_overlaps (import_id INTEGER NOT NULL, earlier_import_id INTEGER NOT NULL)`,
]

/**
 * The FOCUS Contract Commitment dataset (1.3+), stored apart from cost_rows: its rows are
 * contract terms, not charges, so no cost total ever reads them. Every 1.4 column is typed
 * (a 1.3 file leaves the 1.4 ones empty); columns outside the dataset are kept by source
 * name in x_Extra (a JSON object). A restated file supersedes earlier rows per
 * ContractCommitmentId; they stay for audit (electron/core/commitments/commitment-identity.ts).
 */
export const CONTRACT_COMMITMENT_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS contract_commitments (
  ${CONTRACT_COMMITMENT_COLUMNS.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`).join(',\n  ')},
  x_Extra VARCHAR, x_ImportId INTEGER NOT NULL, x_SourceFile VARCHAR NOT NULL,
  x_SourceRow BIGINT NOT NULL, x_SourceFormat VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS superseded_commitments (
    import_id INTEGER NOT NULL, commitment_id VARCHAR, superseded_by INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS commitment_totals (
    import_id INTEGER NOT NULL, currency VARCHAR, rows BIGINT NOT NULL,
    cost_source DECIMAL(38,18), cost_stored DECIMAL(38,18), reconciled BOOLEAN NOT NULL)`,
]

/**
 * Tables format 3 added: what issue 8's parts store beside the cost rows (saved column
 * mappings, the Contract Commitment dataset, the tag alias policy, Azure cost views). Each
 * is `CREATE TABLE IF NOT EXISTS`, so a new workspace and an upgraded one run the same list.
 */
export const FORMAT_3_TABLES: readonly string[] = [
  // Saved column mappings and the one each import was read with (electron/core/mappings).
  ...USER_MAPPING_TABLES,
  ...CONTRACT_COMMITMENT_TABLES,
  // The tag alias policy's overrides (electron/core/tags).
  ...TAG_ALIAS_TABLES,
  // Saved pivot views, by name (electron/core/views).
  ...SAVED_VIEW_TABLES,
  // Each Azure cost details import's view, actual or amortized, and who said so: data or user (azure-cost-view.ts).
  `CREATE TABLE IF NOT EXISTS import_cost_views (
    import_id INTEGER NOT NULL, cost_view VARCHAR NOT NULL, chosen_by VARCHAR NOT NULL)`,
  // Each part of an AWS CUR delivery imported with its manifest: which delivery, part i of N,
  // and whether it was imported incomplete on request, with the parts missing (cur-delivery.ts).
  `CREATE TABLE IF NOT EXISTS cur_delivery_parts (
    import_id INTEGER NOT NULL, manifest VARCHAR NOT NULL, report_name VARCHAR NOT NULL,
    account VARCHAR, billing_period DATE NOT NULL, assembly_id VARCHAR NOT NULL,
    part INTEGER NOT NULL, parts INTEGER NOT NULL, incomplete BOOLEAN NOT NULL, missing VARCHAR[] NOT NULL)`,
  // Closed and reopened months, and the packs exported with their fingerprints (electron/core/close).
  ...CLOSE_TABLES,
  // Exchange rates files imported and their dated rates, for a reporting currency (electron/core/fx).
  ...FX_TABLES,
]

/**
 * Tables format 5 added: the weekly review (ledger explanations, budgets, anomaly states) and
 * the savings work (tag compliance policy, business metrics, the cost-debt backlog, vendors),
 * each from its feature's `*-sql.ts`. Each is `CREATE TABLE IF NOT EXISTS`, so a new workspace
 * and an upgraded one run the same list.
 */
export const FORMAT_5_TABLES: readonly string[] = [
  // Explore's pivot rollups and the stamp of the data they were built from (core/query/rollup.ts).
  ...ROLLUP_TABLES,
  // The weekly ledger's variance explanations and sign-offs (core/ledger).
  ...LEDGER_TABLES,
  // Budgets per month, dimension value and currency (core/budgets).
  ...BUDGET_TABLES,
  // The cost-debt backlog's items (core/backlog).
  ...BACKLOG_TABLES,
  // Business metrics per date and dimension, and the files they came from (core/unit-costs).
  ...UNIT_COST_TABLES,
  // Vendors and contracts entered by hand (core/vendors).
  ...VENDOR_TABLES,
  // Anomaly states and the scan's settings (core/anomalies).
  ...ANOMALY_TABLES,
  // The tag policy's saved versions (core/compliance).
  ...COMPLIANCE_TABLES,
  // Imported source files, compressed, when the workspace embeds them (core/sources).
  ...SOURCE_FILE_TABLES,
]

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
  // Each entry is a link of a hash chain (core/audit/audit-hash.ts): its number, the previous
  // entry's hash, its own, and a digest per field so a break can name the field (format 4).
  `CREATE TABLE audit_log (
    logged_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL, action VARCHAR NOT NULL, subject VARCHAR, details VARCHAR,
    seq BIGINT, prev_hash VARCHAR, hash VARCHAR, field_digests VARCHAR)`,
  `CREATE TABLE cost_rows (\n  ${costColumns.join(',\n  ')}\n)`,
  ...DELIVERY_TABLES,
  ...FORMAT_3_TABLES,
  ...FORMAT_5_TABLES,
  // The view every query and the CLI use: the normalized rows under FOCUS names.
  `CREATE VIEW focus AS ${FOCUS_VIEW}`,
]
