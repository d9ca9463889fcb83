/**
 * The audit trail screen: the filtered log a page at a time (newest first), the verification
 * of the chain and of what is stored, and the filtered log exported as CSV or PDF. Kept under
 * one `audit` key (CONVENTIONS.md: state stays small per slice).
 */
import type { StateCreator } from 'zustand'
import type {
  AuditFilterRequest,
  AuditPage,
  AuditVerificationView,
} from '../../../shared/contract/audit'
import type { PivotExportFileData } from '../../../shared/contract'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** Entries per page of the audit trail. */
export const AUDIT_PAGE_SIZE = 100

/** The audit trail state. */
export interface AuditState {
  readonly filter: AuditFilterRequest
  readonly page: AuditPage | null
  /** The data version the page was read at: a later change reads it again. */
  readonly version: number | null
  readonly task: Task
  readonly verification: AuditVerificationView | null
  readonly verifyTask: Task
  readonly exportTask: Task
}

/** Audit trail state and actions. */
export interface AuditSlice {
  readonly audit: AuditState
  /** Reads the page at `offset` under `filter` (the current one when absent). */
  loadAudit(filter?: AuditFilterRequest, offset?: number): Promise<void>
  verifyAudit(): Promise<void>
  /** The filtered log as a file, for the screen to download; null when it failed. */
  exportAudit(format: 'csv' | 'pdf'): Promise<PivotExportFileData | null>
}

/** Creates the audit trail slice over a transport. */
export function createAuditSlice(api: FocalTransport): StateCreator<AppState, [], [], AuditSlice> {
  return (set, get) => {
    const patch = (change: Partial<AuditState>): void =>
      set((s) => ({ audit: { ...s.audit, ...change } }))
    return {
      audit: {
        filter: {},
        page: null,
        version: null,
        task: IDLE,
        verification: null,
        verifyTask: IDLE,
        exportTask: IDLE,
      },
      loadAudit: async (filter, offset = 0) => {
        const chosen = filter ?? get().audit.filter
        const version = get().dataVersion
        patch({ filter: chosen, task: RUNNING })
        try {
          const page = await api['audit:log']({ ...chosen, offset, limit: AUDIT_PAGE_SIZE })
          patch({ page, version, task: DONE })
        } catch (cause) {
          patch({ task: failed(cause) })
        }
      },
      verifyAudit: async () => {
        patch({ verifyTask: RUNNING })
        try {
          patch({ verification: await api['audit:verify']({}), verifyTask: DONE })
        } catch (cause) {
          patch({ verifyTask: failed(cause) })
        }
      },
      exportAudit: async (format) => {
        patch({ exportTask: RUNNING })
        try {
          const file = await api['audit:export']({ ...get().audit.filter, format })
          patch({ exportTask: DONE })
          return file
        } catch (cause) {
          patch({ exportTask: failed(cause) })
          return null
        }
      },
    }
  }
}
