/**
 * A column mapping a person writes for a CSV no known format matches (issue 8,
 * "Any other CSV"): a versioned JSON file naming, per FOCUS column, a source
 * column (with value transforms) or a constant, and which columns become tags.
 * It is checked here and compiled (user-mapping-compile.ts) to the same
 * FormatMapping the native formats are written in, so it is imported by the
 * same path: a mapping is data, not a code path.
 */
import { z } from '../zod'

/** The file format's version; a later Focal reads older versions. */
export const USER_MAPPING_VERSION = 1

/** Thousands separators a mapping may name (a space and the Swiss apostrophe included). */
export const THOUSANDS_SEPARATORS = ['.', ',', ' ', "'"] as const

/** How one FOCUS (or x_) column is filled: a constant, or a source column and its transforms. */
export const UserColumnRuleSchema = z
  .object({
    /** The source column, by its header name. */
    column: z.string().min(1).optional(),
    /** A value every row gets (a currency, a provider name). */
    constant: z.string().min(1).optional(),
    /** Characters stripped from both ends (a currency sign: "€ "). */
    trim: z.string().min(1).optional(),
    /** A date written other than ISO 8601: a strptime pattern such as "%d.%m.%Y". */
    date: z.string().min(1).optional(),
    addDays: z.number().int().optional(),
    addMonths: z.number().int().optional(),
    /** The date's month's first day (a billing period from a usage date). */
    monthStart: z.boolean().optional(),
    /** The decimal mark of a number: "." (default) or ",". */
    decimal: z.enum(['.', ',']).optional(),
    thousands: z.enum(THOUSANDS_SEPARATORS).optional(),
    negate: z.boolean().optional(),
    /** An exact multiplier with up to 6 decimals (cents to units: "0.01"). */
    factor: z
      .string()
      .regex(/^-?\d{1,12}(\.\d{1,6})?$/)
      .optional(),
    /** Source value → FOCUS value. */
    lookup: z.record(z.string(), z.string()).optional(),
    /** The value for a source value the lookup lacks; without it the value is kept as written. */
    otherwise: z.string().optional(),
  })
  .strict()

/** One column's rule in a mapping file. */
export type UserColumnRule = z.infer<typeof UserColumnRuleSchema>

/** Which source columns become the FOCUS Tags object: those starting with a prefix, or a list. */
export const UserTagsSchema = z.union([
  z.object({ prefix: z.string().min(1) }).strict(),
  z.object({ columns: z.array(z.string().min(1)).min(1) }).strict(),
])

/** A mapping file: `focalMapping` is the version. */
export const UserMappingSchema = z
  .object({
    focalMapping: z.literal(USER_MAPPING_VERSION),
    name: z.string().trim().min(1).max(80),
    /** The header of the file the mapping was made for. */
    header: z.array(z.string()).min(1),
    columns: z.record(z.string(), UserColumnRuleSchema),
    tags: UserTagsSchema.optional(),
  })
  .strict()

/** A mapping as written in its file. */
export type UserMapping = z.infer<typeof UserMappingSchema>
