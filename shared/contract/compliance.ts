/**
 * Tag compliance (electron/core/compliance) across the boundary: the tag policy in force,
 * saving or importing one (a JSON upload as name and text, never a path), a period's
 * compliant share of cost per currency with its breakdowns, worst resources and trend, and
 * one owner's resources to fix as a CSV. Money is exact decimal text; the metric is named.
 */
import { CompliancePolicySchema } from '../compliance/policy'
import { z } from '../zod'
import { CostMetricSchema, PeriodSchema } from './allocation'
import { DecimalString } from './models'
import { uploadFields } from './upload'

const Empty = z.object({}).strict()

/** The policy in force: the stored version, or the default (version null) when none was saved. */
export const PolicyStateSchema = z.object({
  policy: CompliancePolicySchema,
  version: z.number().int().nullable(),
  savedAt: z.string().nullable(),
  actor: z.string().nullable(),
})
/** The policy in force. */
export type PolicyState = z.infer<typeof PolicyStateSchema>

/** What a report reads: the period (the latest with data if absent), the metric, an unsaved policy to try. */
export const ComplianceRequestSchema = z
  .object({
    period: PeriodSchema.optional(),
    metric: CostMetricSchema.optional(),
    /** A draft policy to measure instead of the stored one (nothing is saved). */
    policy: CompliancePolicySchema.optional(),
  })
  .strict()
/** A report request. */
export type ComplianceRequest = z.infer<typeof ComplianceRequestSchema>

const Share = {
  currency: z.string().nullable(),
  /** The cost in scope, in the report's metric. */
  cost: DecimalString,
  /** The part of it on compliant rows. */
  compliant: DecimalString,
  /** compliant ÷ cost × 100, rounded half away from zero to 2 decimals; null when cost is 0. */
  percent: DecimalString.nullable(),
  rows: z.number().int(),
  compliantRows: z.number().int(),
}

/** One group of a breakdown (owner, account or service) in one currency; a missing value is "(none)". */
export const ComplianceGroupSchema = z.object({
  group: z.string(),
  /** The account's SubAccountName beside its SubAccountId; null elsewhere. */
  label: z.string().nullable(),
  ...Share,
})
/** A breakdown row. */
export type ComplianceGroup = z.infer<typeof ComplianceGroupSchema>

/** A resource with cost on rows that miss a required key or carry a value the policy does not allow. */
export const ComplianceResourceSchema = z.object({
  resourceId: z.string().nullable(),
  resourceName: z.string().nullable(),
  service: z.string().nullable(),
  account: z.string().nullable(),
  owner: z.string(),
  currency: z.string().nullable(),
  /** The resource's non-compliant cost in the period. */
  cost: DecimalString,
  rows: z.number().int(),
  /** Required keys (as the policy names them) missing on at least one of its rows. */
  missing: z.array(z.string()),
  /** Required keys whose value is not allowed, with the values seen (up to 5 each). */
  wrong: z.array(z.object({ key: z.string(), values: z.array(z.string()) })),
})
/** A resource to fix. */
export type ComplianceResource = z.infer<typeof ComplianceResourceSchema>

/** A period's tag compliance. */
export const ComplianceReportSchema = z.object({
  period: z.string().nullable(),
  metric: CostMetricSchema,
  /** Every period with data, oldest first (the period picker's choices). */
  periods: z.array(z.string()),
  policy: CompliancePolicySchema,
  /** Where the policy came from: the stored version, the default, a draft or a file. */
  policySource: z.enum(['stored', 'default', 'draft', 'file']),
  policyVersion: z.number().int().nullable(),
  /** Per currency: the compliant share, and the cost outside the policy's scope (not counted). */
  totals: z.array(z.object({ ...Share, outOfScope: DecimalString })),
  /** Per required key and currency: cost missing it and cost with a value not allowed. */
  keys: z.array(
    z.object({
      key: z.string(),
      /** The canonical key it reads through the tag alias policy, and the original keys. */
      canonical: z.string(),
      reads: z.array(z.string()),
      currency: z.string().nullable(),
      missing: DecimalString,
      wrong: DecimalString,
    }),
  ),
  byOwner: z.array(ComplianceGroupSchema),
  byAccount: z.array(ComplianceGroupSchema),
  byService: z.array(ComplianceGroupSchema),
  /** The largest resources to fix, most cost first (at most 50). */
  resources: z.array(ComplianceResourceSchema),
  /** Per period with data and currency: the compliant share. */
  trend: z.array(z.object({ period: z.string(), ...Share })),
})
/** A compliance report. */
export type ComplianceReport = z.infer<typeof ComplianceReportSchema>

/** One owner's resources to fix: the period, metric and draft policy as for a report. */
export const ComplianceOwnerCsvRequestSchema = ComplianceRequestSchema.extend({
  period: PeriodSchema,
  owner: z.string().min(1).max(2000),
}).strict()
/** The CSV text of one owner's resources to fix. */
export const ComplianceOwnerCsvSchema = z.object({
  fileName: z.string(),
  text: z.string(),
  resources: z.number().int(),
})
/** An owner's CSV. */
export type ComplianceOwnerCsv = z.infer<typeof ComplianceOwnerCsvSchema>

/** This feature's channels, with their request and response schemas (spread into CHANNELS). */
export const COMPLIANCE_CHANNELS = {
  'compliance:policy': { request: Empty, response: PolicyStateSchema },
  'compliance:savePolicy': {
    request: z.object({ policy: CompliancePolicySchema }).strict(),
    response: PolicyStateSchema,
  },
  'compliance:importPolicy': {
    request: z.object(uploadFields(1024 * 1024)).strict(),
    response: PolicyStateSchema,
  },
  'compliance:report': { request: ComplianceRequestSchema, response: ComplianceReportSchema },
  'compliance:ownerCsv': {
    request: ComplianceOwnerCsvRequestSchema,
    response: ComplianceOwnerCsvSchema,
  },
} as const
