/** The one app store (CONVENTIONS.md #9): typed slices over one transport. */
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { FocalTransport } from '../api'
import { createAllocateSlice, type AllocateSlice } from './allocate-slice'
import { createExploreSlice, type ExploreSlice } from './explore-slice'
import { createImportSlice, type ImportSlice } from './import-slice'
import { createLoadedSlice, type LoadedSlice } from './loaded-slice'
import { createReportsSlice, type ReportsSlice } from './reports-slice'
import { createSessionSlice, type SessionSlice } from './session-slice'
import { createTagsSlice, type TagsSlice } from './tags-slice'
import { createMappingSlice, type MappingSlice } from './mapping-slice'
import { createRowsSlice, type RowsSlice } from './rows-slice'
import { createViewsSlice, type ViewsSlice } from './views-slice'
import { createPivotTableSlice, type PivotTableSlice } from './pivot-table-slice'
import { createPeriodsSlice, type PeriodsSlice } from './periods-slice'
import { createFxSlice, type FxSlice } from './fx-slice'
import { createAuditSlice, type AuditSlice } from './audit-slice'
import { createLedgerSlice, type LedgerSlice } from './ledger-slice'
import { createBudgetsSlice, type BudgetsSlice } from './budgets-slice'
import { createAnomaliesSlice, type AnomaliesSlice } from './anomalies-slice'
import { createCommitmentRatesSlice, type CommitmentRatesSlice } from './commitment-rates-slice'
import { createComplianceSlice, type ComplianceSlice } from './compliance-slice'
import { createUnitCostsSlice, type UnitCostsSlice } from './unit-costs-slice'
import { createBacklogSlice, type BacklogSlice } from './backlog-slice'
import { createVendorsSlice, type VendorsSlice } from './vendors-slice'
import { createPresentationSlice, type PresentationSlice } from './presentation-slice'
import { createCarrySlice, type CarrySlice } from './carry-slice'
import { createEncryptionSlice, type EncryptionSlice } from './encryption-slice'
import { createExplainSlice, type ExplainSlice } from './explain-slice'
import { createSourcesSlice, type SourcesSlice } from './sources-slice'

/** The whole app state. */
export type AppState = SessionSlice &
  ImportSlice &
  LoadedSlice &
  ExploreSlice &
  AllocateSlice &
  ReportsSlice &
  TagsSlice &
  MappingSlice &
  RowsSlice &
  ViewsSlice &
  PivotTableSlice &
  PeriodsSlice &
  FxSlice &
  AuditSlice &
  ExplainSlice &
  LedgerSlice &
  BudgetsSlice &
  AnomaliesSlice &
  CommitmentRatesSlice &
  ComplianceSlice &
  UnitCostsSlice &
  BacklogSlice &
  VendorsSlice &
  PresentationSlice &
  CarrySlice &
  EncryptionSlice &
  SourcesSlice

/** The store type components read through useAppStore. */
export type AppStore = StoreApi<AppState>

/** Creates the store over a transport (the web host's, Electron's, or a test's). */
export function createAppStore(api: FocalTransport): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createSessionSlice(api)(...args),
    ...createImportSlice(api)(...args),
    ...createLoadedSlice(api)(...args),
    ...createExploreSlice(api)(...args),
    ...createAllocateSlice(api)(...args),
    ...createReportsSlice(api)(...args),
    ...createTagsSlice(api)(...args),
    ...createMappingSlice(api)(...args),
    ...createRowsSlice(api)(...args),
    ...createViewsSlice(api)(...args),
    ...createPivotTableSlice(api)(...args),
    ...createPeriodsSlice(api)(...args),
    ...createFxSlice(api)(...args),
    ...createAuditSlice(api)(...args),
    ...createExplainSlice(api)(...args),
    ...createLedgerSlice(api)(...args),
    ...createBudgetsSlice(api)(...args),
    ...createAnomaliesSlice(api)(...args),
    ...createCommitmentRatesSlice(api)(...args),
    ...createComplianceSlice(api)(...args),
    ...createUnitCostsSlice(api)(...args),
    ...createBacklogSlice(api)(...args),
    ...createVendorsSlice(api)(...args),
    ...createPresentationSlice(api)(...args),
    ...createCarrySlice(api)(...args),
    ...createEncryptionSlice(api)(...args),
    ...createSourcesSlice(api)(...args),
  }))
}
