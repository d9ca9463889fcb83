/** The tag alias policy across the boundary: canonical keys, their aliases, and the edits a user makes. */
import { z } from '../zod'
import { DecimalString } from './models'

const TagKey = z.string().min(1).max(512)

/**
 * One stored override of the automatic rule: `key` kind sends an original key to a
 * canonical key (a key sent to itself is kept separate); `name` kind names the automatic
 * group of a normalized key (shared/tags/normalize.ts).
 */
export const TagOverrideSchema = z
  .object({ kind: z.enum(['key', 'name']), key: TagKey, canonical: TagKey })
  .strict()
/** An override of the automatic tag alias rule. */
export type TagOverride = z.infer<typeof TagOverrideSchema>

/** BilledCost of some rows in one currency. */
export const TagCostSchema = z.object({ currency: z.string().nullable(), billed: DecimalString })
/** BilledCost in one currency. */
export type TagCost = z.infer<typeof TagCostSchema>

/** An original tag key as imported, with the rows and cost that carry it. */
export const TagAliasSchema = z.object({
  key: z.string(),
  rows: z.number().int(),
  cost: z.array(TagCostSchema),
  /** True when an override (merge or split) placed it, not the automatic rule. */
  explicit: z.boolean(),
})
/** An original key of a canonical tag key. */
export type TagAlias = z.infer<typeof TagAliasSchema>

/** A canonical tag key: the name `tag:<key>` resolves to, and the original keys it reads, first present wins. */
export const TagGroupSchema = z.object({
  canonical: z.string(),
  aliases: z.array(TagAliasSchema),
  /** Rows carrying at least one of the aliases. */
  rows: z.number().int(),
  cost: z.array(TagCostSchema),
  /** Rows carrying two of the aliases with different values (the first alias present wins). */
  conflicts: z.number().int(),
})
/** A canonical tag key with its aliases. */
export type TagGroup = z.infer<typeof TagGroupSchema>

/** The tag alias policy of a workspace as the Tags screen and `focal tags aliases` show it. */
export const TagPolicySchema = z.object({
  groups: z.array(TagGroupSchema),
  overrides: z.array(TagOverrideSchema),
})
/** The tag alias policy with its groups. */
export type TagPolicy = z.infer<typeof TagPolicySchema>

/** An edit of the policy: merge a canonical key into another, split an alias out, rename, or reset. */
export const TagEditSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('merge'), from: TagKey, into: TagKey }).strict(),
  z.object({ action: z.literal('split'), key: TagKey }).strict(),
  z.object({ action: z.literal('rename'), canonical: TagKey, name: TagKey }).strict(),
  z.object({ action: z.literal('reset'), key: TagKey }).strict(),
])
/** An edit of the tag alias policy. */
export type TagEdit = z.infer<typeof TagEditSchema>
