/**
 * The values list of Explore's filter editor on the wire (issue 9, Filters): one dimension's
 * values with row counts and billed cost per currency as exact decimal text, under the
 * spec's other filters, capped, with how many more the search matched.
 */
import { z } from '../zod'
import { DimensionSchema, PivotSpecSchema } from '../pivot'

/** Asks for the values of `dimension` under `spec`'s other filters whose text holds `search`. */
export const PivotValuesRequestSchema = z
  .object({
    spec: PivotSpecSchema,
    dimension: DimensionSchema,
    search: z.string().max(200),
    limit: z.number().int().min(1).max(500),
  })
  .strict()
/** A values request. */
export type PivotValuesRequest = z.infer<typeof PivotValuesRequestSchema>

/** The values, most rows first; `more` counts the matching values the cap left out. */
export const PivotValuesSchema = z.object({
  values: z.array(
    z.object({
      value: z.string().nullable(),
      rows: z.number().int(),
      costs: z.array(z.object({ currency: z.string().nullable(), amount: z.string() })),
    }),
  ),
  more: z.number().int(),
})
/** A values list as the filter editor receives it. */
export type PivotValues = z.infer<typeof PivotValuesSchema>
