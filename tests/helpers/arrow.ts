/** Decodes pivot Arrow bytes into plain rows keyed by the meta's column names. */
import { tableFromIPC } from 'apache-arrow'
import type { PivotMeta } from '../../shared/contract'

/** Rows of a pivot result as objects: display name → value. */
export function pivotRows(meta: PivotMeta, arrow: Uint8Array): Array<Record<string, unknown>> {
  const table = tableFromIPC(arrow)
  return table
    .toArray()
    .map((row: Record<string, unknown>) =>
      Object.fromEntries(meta.columns.map((c, i) => [c.name, row[`c${i}`] ?? null])),
    )
}
