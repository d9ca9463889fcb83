/**
 * The Tag compliance tab: the period and metric measured, the stored policy, an edited
 * draft measured before it is saved, the report, and the policy's save or import. Kept under
 * one `compliance` key (CONVENTIONS.md: state stays small per slice).
 */
import type { StateCreator } from 'zustand'
import type { CostMetricName } from '../../../shared/contract/allocation'
import type {
  ComplianceOwnerCsv,
  ComplianceReport,
  PolicyState,
} from '../../../shared/contract/compliance'
import type { CompliancePolicy } from '../../../shared/compliance/policy'
import type { FocalTransport } from '../api'
import { DONE, failed, IDLE, RUNNING, type Task } from './task'
import type { AppState } from './store'

/** The tag compliance state. */
export interface ComplianceState {
  /** The period shown; null until the first report names the latest with data. */
  readonly period: string | null
  readonly metric: CostMetricName
  readonly stored: PolicyState | null
  /** An edited policy measured but not saved; null when the stored one is measured. */
  readonly draft: CompliancePolicy | null
  readonly report: ComplianceReport | null
  readonly task: Task
  /** Saving or importing the policy. */
  readonly policyTask: Task
}

/** Tag compliance state and actions. */
export interface ComplianceSlice {
  readonly compliance: ComplianceState
  /** Reads the stored policy and measures the period. */
  loadCompliance(): Promise<void>
  setCompliancePeriod(period: string): Promise<void>
  setComplianceMetric(metric: CostMetricName): Promise<void>
  /** Measures `policy` without saving it. */
  measureComplianceDraft(policy: CompliancePolicy): Promise<void>
  /** Back to the stored policy. */
  discardComplianceDraft(): Promise<void>
  /** Saves `policy` as the new version and measures it. */
  saveCompliancePolicy(policy: CompliancePolicy): Promise<void>
  /** Imports a policy JSON file (saved as the new version). */
  importCompliancePolicy(file: File): Promise<void>
  /** One owner's resources to fix as CSV text. */
  complianceOwnerCsv(owner: string): Promise<ComplianceOwnerCsv>
}

/** Creates the slice over a transport. */
export function createComplianceSlice(
  api: FocalTransport,
): StateCreator<AppState, [], [], ComplianceSlice> {
  return (set, get) => {
    const patch = (change: Partial<ComplianceState>): void =>
      set((s) => ({ compliance: { ...s.compliance, ...change } }))
    // Only the latest request's answer is shown when a person changes things quickly.
    let asked = 0
    const measure = async (): Promise<void> => {
      const mine = ++asked
      const { period, metric, draft } = get().compliance
      patch({ task: RUNNING })
      try {
        const report = await api['compliance:report']({
          ...(period ? { period } : {}),
          metric,
          ...(draft ? { policy: draft } : {}),
        })
        if (mine === asked) patch({ report, period: report.period, task: DONE })
      } catch (cause) {
        if (mine === asked) patch({ task: failed(cause) })
      }
    }
    const keep = async (work: () => Promise<PolicyState>): Promise<void> => {
      patch({ policyTask: RUNNING })
      try {
        patch({ stored: await work(), draft: null, policyTask: DONE })
      } catch (cause) {
        patch({ policyTask: failed(cause) })
        return
      }
      await measure()
    }
    return {
      compliance: {
        period: null,
        metric: 'BilledCost',
        stored: null,
        draft: null,
        report: null,
        task: IDLE,
        policyTask: IDLE,
      },
      loadCompliance: async () => {
        try {
          patch({ stored: await api['compliance:policy']({}) })
        } catch (cause) {
          patch({ task: failed(cause) })
          return
        }
        await measure()
      },
      setCompliancePeriod: async (period) => {
        patch({ period })
        await measure()
      },
      setComplianceMetric: async (metric) => {
        patch({ metric })
        await measure()
      },
      measureComplianceDraft: async (policy) => {
        patch({ draft: policy })
        await measure()
      },
      discardComplianceDraft: async () => {
        patch({ draft: null })
        await measure()
      },
      saveCompliancePolicy: (policy) => keep(() => api['compliance:savePolicy']({ policy })),
      importCompliancePolicy: async (file) =>
        keep(async () =>
          api['compliance:importPolicy']({ fileName: file.name, text: await file.text() }),
        ),
      complianceOwnerCsv: (owner) => {
        const { period, metric, draft } = get().compliance
        return api['compliance:ownerCsv']({
          period: period ?? '',
          owner,
          metric,
          ...(draft ? { policy: draft } : {}),
        })
      },
    }
  }
}
