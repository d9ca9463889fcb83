/**
 * The API contract (CONVENTIONS.md #2): a map from `domain:verb` channel to
 * its request and response schemas. Every host (Electron IPC, the engine's
 * MessagePort, the web host, tests) is typed by it and validates every
 * incoming request against it.
 */
import { z } from '../zod'
import { CommitmentListSchema } from './commitments'
import { TagEditSchema, TagPolicySchema } from './tags'
import {
  ImportMappingSchema,
  MappingFileSchema,
  MappingName,
  MappingPreviewSchema,
  MappingSampleSchema,
  SavedMappingSchema,
} from './mappings'
import { UserMappingSchema } from '../formats/user-mapping'
import { PivotSpecSchema } from '../pivot'
import { PeriodCloseRequestSchema, PeriodEntrySchema, PeriodReopenRequestSchema } from './periods'
import { PivotTableSchema } from './pivot-table'
import { FxImportRequestSchema, FxImportResultSchema, FxListSchema } from './fx'
import { PivotExportFileSchema, PivotExportRequestSchema } from './pivot-export'
import { PivotValuesRequestSchema, PivotValuesSchema } from './pivot-values'
import {
  SavedViewSchema,
  ViewFileDownloadSchema,
  ViewImportRequestSchema,
  ViewName,
  ViewSaveRequestSchema,
} from './views'
import {
  RowDetailSchema,
  RowKeySchema,
  RowSourceSchema,
  RowsEvidenceRequestSchema,
  RowsEvidenceSchema,
  RowsPageRequestSchema,
  RowsPageSchema,
} from './rows'
import {
  AllocationExampleSchema,
  AllocationPreviewRequestSchema,
  AllocationPreviewSchema,
  AllocationSaveRequestSchema,
  AllocationSavedSchema,
  AllocationStateSchema,
  PeriodRowsSchema,
} from './allocation'
import {
  AppInfoSchema,
  CatalogSchema,
  ImportJobSchema,
  ImportRecordSchema,
  LoadedRowSchema,
  OverlapChoice,
  AzureCostView,
  AssumedValues,
  PivotMetaSchema,
  PivotProgressSchema,
  StagedFileSchema,
  WorkspaceEntrySchema,
  WorkspaceInfoSchema,
  WorkspaceName,
} from './models'
import {
  ReportExportRequestSchema,
  ReportJobSchema,
  ReportLedgerRequestSchema,
  ReportLedgerSchema,
  ReportPreviewRequestSchema,
  ReportPreviewSchema,
  ReportSettingsSchema,
} from './report'

import { LEDGER_CHANNELS } from './ledger'
import { BUDGET_CHANNELS } from './budgets'
import { ANOMALY_CHANNELS } from './anomalies'
import { COMPLIANCE_CHANNELS } from './compliance'
import { UNIT_COST_CHANNELS } from './unit-costs'
import { VENDOR_CHANNELS } from './vendors'
import { BACKLOG_CHANNELS } from './backlog'
import { COMMITMENT_RATE_CHANNELS } from './commitment-rates'
import { AUDIT_CHANNELS } from './audit'
import { EXPLAIN_CHANNELS } from './explain'
import { PRESENTATION_CHANNELS } from './presentation'
import { SOURCES_CHANNELS } from './sources'
import { CARRY_CHANNELS } from './carry'
import { ENCRYPTION_CHANNELS } from './encryption'

const Empty = z.object({}).strict()

/** Every channel with its request and response schema. */
export const CHANNELS = {
  'app:info': { request: Empty, response: AppInfoSchema },
  'workspace:list': { request: Empty, response: z.array(WorkspaceEntrySchema) },
  'workspace:create': {
    request: z.object({ name: WorkspaceName }).strict(),
    response: WorkspaceInfoSchema,
  },
  'workspace:open': {
    request: z.object({ name: WorkspaceName }).strict(),
    response: WorkspaceInfoSchema,
  },
  'workspace:openSample': { request: Empty, response: WorkspaceInfoSchema },
  'workspace:close': { request: Empty, response: z.null() },
  'workspace:info': { request: Empty, response: WorkspaceInfoSchema.nullable() },
  'import:start': {
    request: z
      .object({
        files: z.array(StagedFileSchema.shape.token).min(1).max(500),
        // What to do with a file that overlaps earlier imports; absent, such a file fails with OVERLAP.
        onOverlap: OverlapChoice.optional(),
        // A saved column mapping to read the files with (a CSV no known format matches).
        mapping: MappingName.optional(),
        // Which Azure cost export an ambiguous file is; absent, such a file fails with AZURE_COST_VIEW.
        azureCostView: AzureCostView.optional(),
        // Import an AWS CUR delivery whose manifest lists parts that are missing; absent, it fails with INCOMPLETE_DELIVERY.
        allowIncomplete: z.boolean().optional(),
        // Values the user supplied for required FOCUS columns a file lacks; absent, it fails with MISSING_COLUMNS.
        assume: AssumedValues.optional(),
      })
      .strict(),
    response: z.object({ jobId: z.string() }),
  },
  'import:status': {
    request: z.object({ jobId: z.string().max(64) }).strict(),
    response: ImportJobSchema,
  },
  'import:cancel': {
    request: z.object({ jobId: z.string().max(64) }).strict(),
    response: z.null(),
  },
  'imports:list': { request: Empty, response: z.array(ImportRecordSchema) },
  'loaded:summary': { request: Empty, response: z.array(LoadedRowSchema) },
  // The FOCUS Contract Commitment dataset's counted commitments (commitments/list-commitments.ts).
  'commitments:list': { request: Empty, response: CommitmentListSchema },
  // The tag alias policy (electron/core/tags): canonical keys with their aliases, and edits of it.
  'tags:policy': { request: Empty, response: TagPolicySchema },
  'tags:edit': { request: TagEditSchema, response: TagPolicySchema },
  // Column mappings for CSVs no known format matches (electron/core/mappings).
  'mappings:list': { request: Empty, response: z.array(SavedMappingSchema) },
  'mappings:inspect': {
    request: z.object({ token: StagedFileSchema.shape.token }).strict(),
    response: MappingSampleSchema,
  },
  'mappings:preview': {
    request: z.object({ token: StagedFileSchema.shape.token, mapping: UserMappingSchema }).strict(),
    response: MappingPreviewSchema,
  },
  'mappings:save': {
    request: z.object({ mapping: UserMappingSchema }).strict(),
    response: SavedMappingSchema,
  },
  'mappings:export': {
    request: z.object({ name: MappingName }).strict(),
    response: MappingFileSchema,
  },
  // The mapping one import was read with, as recorded then (the import-details drawer).
  'imports:mapping': {
    request: z.object({ importId: z.number().int().positive() }).strict(),
    response: ImportMappingSchema,
  },
  'catalog:get': { request: Empty, response: CatalogSchema },
  'pivot:run': {
    request: z.object({ spec: PivotSpecSchema, queryId: z.string().max(64) }).strict(),
    response: z.object({ meta: PivotMetaSchema, arrow: z.instanceof(Uint8Array) }),
  },
  'pivot:cancel': {
    request: z.object({ queryId: z.string().max(64) }).strict(),
    response: z.null(),
  },
  // The matrix: rows × a column axis × several measures, subtotals and totals per currency.
  // A queryId lets `pivot:cancel` stop it and `pivot:progress` follow it, as for `pivot:run`.
  'pivot:table': {
    request: z.object({ spec: PivotSpecSchema, queryId: z.string().max(64).optional() }).strict(),
    response: PivotTableSchema,
  },
  // How far a running `pivot:run` or `pivot:table` is; null once it has ended (or never ran).
  'pivot:progress': {
    request: z.object({ queryId: z.string().max(64) }).strict(),
    response: PivotProgressSchema.nullable(),
  },
  // The pivot table as a CSV or XLSX file, exactly as shown (electron/core/query/pivot-export.ts).
  'pivot:export': { request: PivotExportRequestSchema, response: PivotExportFileSchema },
  // The filter editor's values list: one dimension's values with counts under the other filters.
  'pivot:values': { request: PivotValuesRequestSchema, response: PivotValuesSchema },
  // Saved views (electron/core/views): a name and a pivot spec, kept in the workspace.
  'views:list': { request: Empty, response: z.array(SavedViewSchema) },
  'views:save': { request: ViewSaveRequestSchema, response: SavedViewSchema },
  'views:rename': {
    request: z.object({ name: ViewName, to: ViewName }).strict(),
    response: SavedViewSchema,
  },
  'views:duplicate': {
    request: z.object({ name: ViewName, to: ViewName }).strict(),
    response: SavedViewSchema,
  },
  'views:delete': { request: z.object({ name: ViewName }).strict(), response: z.null() },
  'views:export': {
    request: z.object({ name: ViewName }).strict(),
    response: ViewFileDownloadSchema,
  },
  'views:import': { request: ViewImportRequestSchema, response: SavedViewSchema },
  // Drill-through (electron/core/rows): a cell's rows, a row's detail, its line in the source file.
  'rows:page': { request: RowsPageRequestSchema, response: RowsPageSchema },
  'rows:detail': { request: RowKeySchema, response: RowDetailSchema },
  'rows:source': { request: RowKeySchema, response: RowSourceSchema },
  // A figure's rows with their provenance and audit entries as one ZIP (electron/core/rows/evidence.ts).
  'rows:evidence': { request: RowsEvidenceRequestSchema, response: RowsEvidenceSchema },
  'allocation:periods': { request: Empty, response: z.array(PeriodRowsSchema) },
  'allocation:get': { request: Empty, response: AllocationStateSchema },
  'allocation:example': { request: Empty, response: AllocationExampleSchema },
  'allocation:preview': {
    request: AllocationPreviewRequestSchema,
    response: AllocationPreviewSchema,
  },
  'allocation:save': { request: AllocationSaveRequestSchema, response: AllocationSavedSchema },
  'report:preview': { request: ReportPreviewRequestSchema, response: ReportPreviewSchema },
  'report:export': {
    request: ReportExportRequestSchema,
    response: z.object({ jobId: z.string() }),
  },
  'report:settings': { request: Empty, response: ReportSettingsSchema },
  'report:saveSettings': { request: ReportSettingsSchema, response: ReportSettingsSchema },
  // The journal's ledger mapping (target,ledger_account,cost_center_code), uploaded as text.
  'report:ledger': { request: Empty, response: ReportLedgerSchema },
  'report:saveLedger': { request: ReportLedgerRequestSchema, response: ReportLedgerSchema },
  // Exchange rates for a reporting currency (electron/core/fx): uploaded as text, listed.
  'fx:list': { request: Empty, response: FxListSchema },
  'fx:import': { request: FxImportRequestSchema, response: FxImportResultSchema },
  'report:status': {
    request: z.object({ jobId: z.string().max(64) }).strict(),
    response: ReportJobSchema,
  },
  // Closing a month (electron/core/close): the months with their state and packs, close, reopen.
  'periods:list': { request: Empty, response: z.array(PeriodEntrySchema) },
  'periods:close': { request: PeriodCloseRequestSchema, response: PeriodEntrySchema },
  'periods:reopen': { request: PeriodReopenRequestSchema, response: PeriodEntrySchema },
  // The weekly review and the savings work: each feature's channels, from its own contract file.
  ...LEDGER_CHANNELS,
  ...BUDGET_CHANNELS,
  ...ANOMALY_CHANNELS,
  ...COMPLIANCE_CHANNELS,
  ...UNIT_COST_CHANNELS,
  ...VENDOR_CHANNELS,
  ...BACKLOG_CHANNELS,
  ...COMMITMENT_RATE_CHANNELS,
  // The audit trail screen (electron/core/audit).
  ...AUDIT_CHANNELS,
  // "Explain this number" for a report figure (electron/core/evidence).
  ...EXPLAIN_CHANNELS,
  ...PRESENTATION_CHANNELS,
  // Whether imports embed their files in the workspace (electron/core/sources).
  ...SOURCES_CHANNELS,
  ...CARRY_CHANNELS,
  // Encrypting a workspace to carry it (electron/core/crypto).
  ...ENCRYPTION_CHANNELS,
} as const

/** A channel name. */
export type Channel = keyof typeof CHANNELS

/** The request type of a channel. */
export type RequestOf<C extends Channel> = z.infer<(typeof CHANNELS)[C]['request']>

/** The response type of a channel. */
export type ResponseOf<C extends Channel> = z.infer<(typeof CHANNELS)[C]['response']>

/** Events pushed from the engine to the UI. */
export const EVENTS = {
  'import:progress': ImportJobSchema,
  'workspace:changed': WorkspaceInfoSchema.nullable(),
  'report:progress': ReportJobSchema,
} as const

/** An event name. */
export type EventName = keyof typeof EVENTS

/** The payload type of an event. */
export type EventOf<E extends EventName> = z.infer<(typeof EVENTS)[E]>

/** True when `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(CHANNELS, name)
}
