/**
 * The pivot table on the wire (issue 9, Pivot): rows × the column axis × several measures, laid
 * out by shared/pivot/table.ts with subtotals and one grand total per currency. Figures travel
 * as exact decimal text, never floats.
 */
import { z } from '../zod'

/** One laid-out row of the table: detail, the (Other) fold, a subtotal or the grand total. */
export const PivotTableRowSchema = z.object({
  kind: z.enum(['detail', 'other', 'subtotal', 'total']),
  folded: z.boolean(),
  innerFolded: z.boolean(),
  keys: z.array(z.string().nullable()).readonly(),
  cells: z.array(z.string().nullable()).readonly(),
})

/** The whole table: headers, the column axis's values, the measures and the rows. */
export const PivotTableSchema = z.object({
  dateBasis: z.enum(['charge', 'billing']),
  rowHeaders: z.array(z.string()).readonly(),
  columnKeys: z.array(z.string().nullable()).readonly(),
  measures: z
    .array(z.object({ label: z.string(), kind: z.enum(['money', 'quantity', 'count', 'ratio']) }))
    .readonly(),
  cellHeaders: z.array(z.string()).readonly(),
  currencyIndex: z.number().int(),
  rows: z.array(PivotTableRowSchema).readonly(),
  /** True when the answer came from the cache of answered specs. */
  cached: z.boolean().optional(),
})
/** A pivot table as the screen receives it. */
export type PivotTableData = z.infer<typeof PivotTableSchema>
