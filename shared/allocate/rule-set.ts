/**
 * The allocation rule-set model (DESIGN.md, Allocate and report): allocation
 * dimensions (cost center, team, tenant…), each with ordered rules (first
 * match wins) and shared-cost pools, plus the rounding scale, the coverage
 * target and the stated policies for credits, refunds, taxes and
 * commitments. It is a serializable value: exported and imported as JSON,
 * stored as versions in the workspace, compiled to SQL by rules-sql.ts.
 * Shapes are after the peers' ordered "Where…Then" rules with a default of
 * "Unallocated" (reference/peers.md §1.5).
 */
import { z } from '../zod'

/** The format tag of a rule file, so later layouts can be migrated. */
export const RULE_SET_FORMAT = 'focal.allocation-rules/1'

/** Ids of dimensions, rules, pools, mapping and driver tables: short, no colon (reserved for policies). */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'use letters, digits, "_", "." or "-" (max 64)')

/** A column of the focus view ("ServiceName") or a tag key ("tag:team"), as the CLI's --by takes it. */
export const FieldSchema = z.string().min(1).max(300)

/** A target name: the cost center / team / … a cost lands on. */
export const TargetNameSchema = z.string().trim().min(1).max(200)

const common = {
  field: FieldSchema,
  /** Compare without regard to case (tag values are often typed inconsistently). */
  ignoreCase: z.boolean().optional(),
  /** Negates the condition. */
  not: z.boolean().optional(),
}

/** One test on a field; all conditions of a rule must hold. Values are compared as text. */
export const ConditionSchema = z.discriminatedUnion('op', [
  z.strictObject({ ...common, op: z.literal('equals'), value: z.string() }),
  z.strictObject({
    ...common,
    op: z.literal('in'),
    values: z.array(z.string()).min(1).max(10_000),
  }),
  z.strictObject({ ...common, op: z.literal('prefix'), value: z.string().min(1) }),
  z.strictObject({
    ...common,
    op: z.literal('regex'),
    pattern: z.string().min(1).max(1000).refine(isRegex, 'not a valid regular expression'),
  }),
  // Missing = absent, null or empty text.
  z.strictObject({ ...common, op: z.literal('missing') }),
])
/** A rule or driver condition. */
export type Condition = z.infer<typeof ConditionSchema>

/** Where a matched row goes: a literal, a field's value, a field's value looked up in a mapping, or a pool. */
export const TargetSchema = z.preprocess(
  inferTargetKind,
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('value'), value: TargetNameSchema }),
    z.strictObject({ kind: z.literal('field'), field: FieldSchema }),
    z.strictObject({ kind: z.literal('mapping'), mapping: IdSchema, field: FieldSchema }),
    z.strictObject({ kind: z.literal('pool'), pool: IdSchema }),
  ]),
)
/** A rule's target. */
export type Target = z.infer<typeof TargetSchema>

/**
 * An ordered rule. A row takes the first rule whose conditions all hold and
 * whose target has a value (a field or mapping target that is empty for the
 * row lets the row fall through to the next rule).
 */
export const RuleSchema = z.strictObject({
  id: IdSchema,
  description: z.string().max(500).optional(),
  when: z.array(ConditionSchema).max(50).default([]),
  then: TargetSchema,
})
/** One allocation rule. */
export type Rule = z.infer<typeof RuleSchema>

/** A percentage 0–100 as an exact decimal string (JSON numbers are accepted and converted). */
export const PercentSchema = z
  .union([z.number(), z.string()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,3}(\.\d{1,10})?$/.test(v) && Number(v) <= 100, 'a percentage 0–100')

/** A usage driver: a numeric column summed per target (over rows matching `when`), or an imported table. */
export const DriverSchema = z.union([
  z.strictObject({ field: FieldSchema, when: z.array(ConditionSchema).max(50).default([]) }),
  z.strictObject({ table: IdSchema }),
])
/** A pool's usage driver. */
export type Driver = z.infer<typeof DriverSchema>

const poolCommon = {
  id: IdSchema,
  label: z.string().max(200).optional(),
  /** Restricts who shares the pool; default: every target with direct cost in the currency. */
  targets: z.array(TargetNameSchema).min(1).max(10_000).optional(),
}

/** A shared-cost pool: rows sent to it by rules, split among targets by one method. */
export const PoolSchema = z.discriminatedUnion('method', [
  z.strictObject({ ...poolCommon, method: z.literal('even') }),
  z.strictObject({ ...poolCommon, method: z.literal('proportional') }),
  z.strictObject({
    id: IdSchema,
    label: z.string().max(200).optional(),
    method: z.literal('fixed'),
    percentages: z.record(TargetNameSchema, PercentSchema),
  }),
  z.strictObject({ ...poolCommon, method: z.literal('driver'), driver: DriverSchema }),
])
/** A shared-cost pool. */
export type Pool = z.infer<typeof PoolSchema>
/** How a pool is split. */
export type SplitMethod = Pool['method']

/** An allocation dimension: its ordered rules and its pools. */
export const AllocationDimensionSchema = z.strictObject({
  id: IdSchema,
  label: z.string().max(200).optional(),
  rules: z.array(RuleSchema).max(1000).default([]),
  pools: z.array(PoolSchema).max(100).default([]),
})
/** One allocation dimension (cost center, team, …). */
export type AllocationDimension = z.infer<typeof AllocationDimensionSchema>

const RowPolicy = z.enum(['rules', 'proportional', 'separate'])

/**
 * What happens to special rows, checked before the rules in this order:
 * taxes (ChargeCategory Tax), credits (Credit), refunds (ChargeClass
 * Correction — FOCUS 1.0+ flags refunds of closed periods that way),
 * adjustments (Adjustment), commitments (commitment Purchase rows and
 * CommitmentDiscountStatus Unused). 'rules': the row follows its own rule;
 * 'proportional': spread over targets by their direct cost; 'separate': a
 * line of its own; 'withUsage': over the targets that used the commitment.
 */
export const PoliciesSchema = z.strictObject({
  taxes: RowPolicy.default('rules'),
  credits: RowPolicy.default('rules'),
  refunds: RowPolicy.default('rules'),
  adjustments: RowPolicy.default('rules'),
  commitments: z.enum(['rules', 'withUsage', 'separate']).default('rules'),
})
/** The stated policies. */
export type Policies = z.infer<typeof PoliciesSchema>
/** A policy's name. */
export type PolicyName = keyof Policies

/** A whole rule set, as a file holds it and as a version stores it. */
export const RuleSetSchema = z.strictObject({
  format: z.literal(RULE_SET_FORMAT).default(RULE_SET_FORMAT),
  name: z.string().max(200).optional(),
  /** Decimals split parts are rounded to (2 = cents); the residue goes to the largest share. */
  scale: z.number().int().min(0).max(18).default(2),
  /** Coverage (allocated % of cost) the team aims for. */
  coverageTarget: z.number().min(0).max(100).default(95),
  policies: PoliciesSchema.default(() => PoliciesSchema.parse({})),
  dimensions: z.array(AllocationDimensionSchema).min(1).max(20),
})
/** A validated rule set with every default filled in. */
export type RuleSet = z.infer<typeof RuleSetSchema>

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern)
    return true
  } catch {
    return false
  }
}

// Lets files write {"pool": "support"} instead of {"kind": "pool", "pool": "support"}.
function inferTargetKind(input: unknown): unknown {
  if (typeof input === 'string') return { kind: 'value', value: input }
  if (typeof input !== 'object' || input === null || 'kind' in input) return input
  const keys = new Set(Object.keys(input))
  const kind = keys.has('pool')
    ? 'pool'
    : keys.has('mapping')
      ? 'mapping'
      : keys.has('value')
        ? 'value'
        : keys.has('field')
          ? 'field'
          : undefined
  return kind ? { kind, ...input } : input
}
