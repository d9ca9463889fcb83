/**
 * Allocation values that cross process boundaries: periods, saved rule
 * versions, the preview of a candidate rule set, and what a save did. Rule
 * sets travel as plain JSON objects; the core validates them with the
 * allocation schema (shared/allocate/parse-rules.ts) so every error names the
 * dimension, the rule and the field, which a schema path here could not.
 */
import { z } from '../zod'
import { IdSchema, RuleSetSchema } from '../allocate/rule-set'
import { DecimalString } from './models'

/** A billing period, YYYY-MM. */
export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a period YYYY-MM')

/** The cost metric: billed (the invoice) or amortized effective cost; never mixed. */
export const CostMetricSchema = z.enum(['BilledCost', 'EffectiveCost'])
/** One of the two cost metrics. */
export type CostMetricName = z.infer<typeof CostMetricSchema>

/** A rule set as the UI sends it: any JSON object, validated by the core with messages naming rule and field. */
export const RuleSetInputSchema = z.record(z.string(), z.unknown())

/** A billing period with its row count. */
export const PeriodRowsSchema = z.object({ period: z.string(), rows: z.number().int() })

/** A saved rule-set version without its rules. */
export const RuleVersionInfoSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  author: z.string(),
  note: z.string(),
  digest: z.string(),
})
/** A saved version, for the history list. */
export type RuleVersionInfo = z.infer<typeof RuleVersionInfoSchema>

/** The saved rules: the latest version with its rule set, and every version newest first. */
export const AllocationStateSchema = z.object({
  latest: RuleVersionInfoSchema.extend({ ruleSet: RuleSetSchema }).nullable(),
  versions: z.array(RuleVersionInfoSchema),
})
/** What `allocation:get` answers. */
export type AllocationState = z.infer<typeof AllocationStateSchema>

/** The bundled example rules and the example lookup tables imported for them. */
export const AllocationExampleSchema = z.object({
  ruleSet: RuleSetSchema,
  /** Tables the example needs that were imported now; tables already present are left as they are. */
  imported: z.array(
    z.object({ kind: z.enum(['mapping', 'driver']), name: z.string(), rows: z.number().int() }),
  ),
})
/** What `allocation:example` answers. */
export type AllocationExample = z.infer<typeof AllocationExampleSchema>

/** A preview request: a candidate rule set on one period and metric; dimension defaults to the first. */
export const AllocationPreviewRequestSchema = z
  .object({
    ruleSet: RuleSetInputSchema,
    period: PeriodSchema,
    metric: CostMetricSchema,
    dimension: IdSchema.optional(),
  })
  .strict()

/** One target in one currency: before (latest saved version, or no rules) → after (the candidate). */
export const PreviewTargetSchema = z.object({
  currency: z.string(),
  target: z.string(),
  before: DecimalString,
  after: DecimalString,
  change: DecimalString,
  /** `after` at the currency's minor unit, exactly as Reports charges it (one rounding everywhere). */
  charged: DecimalString,
  /** `before` rounded the same way. */
  chargedBefore: DecimalString,
  /** Cost its rules sent it directly, and its shares of pools (after). */
  direct: DecimalString,
  shared: DecimalString,
  lines: z.number().int(),
  unallocated: z.boolean(),
})

/** A pool split in one currency: what, how, on what basis, and why not when it stayed unallocated. */
export const PreviewPoolSchema = z.object({
  pool: z.string(),
  label: z.string(),
  method: z.string(),
  currency: z.string(),
  group: z.string().nullable(),
  amount: DecimalString,
  rows: z.number().int(),
  basis: z.string(),
  targets: z.number().int(),
  unsplit: z.string().nullable(),
})

/** A rounding residue of an exact split and the targets it was placed on. */
export const PreviewResidueSchema = z.object({
  pool: z.string(),
  currency: z.string(),
  group: z.string().nullable(),
  whole: DecimalString,
  amount: DecimalString,
  parts: z.number().int(),
  placements: z.array(z.object({ target: z.string(), amount: DecimalString })),
})

/** Coverage of one currency against the rule set's target. */
export const CoverageSchema = z.object({
  currency: z.string(),
  total: DecimalString,
  allocated: DecimalString,
  unallocated: DecimalString,
  percent: z.string().nullable(),
  meetsTarget: z.boolean(),
})

/** Per currency: the sum of the allocated lines against the period total (must be equal). */
export const AllocationReconciliationSchema = z.object({
  currency: z.string(),
  periodTotal: DecimalString,
  linesTotal: DecimalString,
  equal: z.boolean(),
})

/** The preview of a candidate rule set. */
export const AllocationPreviewSchema = z.object({
  period: z.string(),
  metric: CostMetricSchema,
  dimension: z.object({ id: z.string(), label: z.string() }),
  /** The saved version equal to the candidate, or null when it is not saved. */
  ruleVersion: z.number().int().nullable(),
  /** What "before" is: a saved version, or null for no rules (everything Unallocated). */
  beforeVersion: z.number().int().nullable(),
  scale: z.number().int(),
  coverageTarget: z.number(),
  coverageMet: z.boolean(),
  targets: z.array(PreviewTargetSchema),
  coverage: z.array(CoverageSchema),
  pools: z.array(PreviewPoolSchema),
  residues: z.array(PreviewResidueSchema),
  reconciliation: z.array(AllocationReconciliationSchema),
  inputs: z.array(
    z.object({
      kind: z.enum(['mapping', 'driver']),
      name: z.string(),
      rows: z.number().int(),
      digest: z.string().nullable(),
    }),
  ),
  rows: z.number().int(),
})
/** What `allocation:preview` answers. */
export type AllocationPreview = z.infer<typeof AllocationPreviewSchema>

/** A save request: the rules and why they changed (every version has a note). */
export const AllocationSaveRequestSchema = z
  .object({
    ruleSet: RuleSetInputSchema,
    note: z.string().trim().min(1, 'a note saying why the rules changed').max(500),
  })
  .strict()

/** What a save did: a new version, or none because the rules equal the latest version. */
export const AllocationSavedSchema = z.object({
  version: z.number().int(),
  created: z.boolean(),
  /** One sentence for people ("Saved as version 3." / "Unchanged: same as version 2; nothing saved."). */
  message: z.string(),
})
/** What `allocation:save` answers. */
export type AllocationSaved = z.infer<typeof AllocationSavedSchema>
