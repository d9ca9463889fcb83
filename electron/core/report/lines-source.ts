/**
 * Where a report's allocated lines come from. A report needs the lines of
 * its period and of the months before it (for the trend), so it takes a
 * function that makes them for any period. No rules: group by a column or tag.
 * With rules, wrap the allocation engine in one call:
 *
 *   const source: LinesSource = async (ws, period, metric) => {
 *     const r = await allocateLines(ws, { period, metric, ruleSet })
 *     return { table: r.table, groupedBy: ruleSet.name, allocation: toAllocationFacts(r) }
 *   }
 */
import { dimensionLabel, type Dimension } from '../../../shared/pivot'
import type { AllocationFacts } from '../../../shared/report'
import type { CostMetric, Period } from '../allocate/lines'
import type { Workspace } from '../workspace/workspace'
import { checkDimension, linesByDimension } from './lines-by-dimension'

/** An allocated-lines TEMP table and what the report says about how it was made. */
export interface LinesTable {
  /** TEMP table on the writer connection; the report drops it when done. */
  readonly table: string
  /** What the targets are ("SubAccountName", "tag:team", a rule set's name). */
  readonly groupedBy: string
  /** Rule version, pools and residues; null in no-rules mode. */
  readonly allocation: AllocationFacts | null
}

/** Makes the allocated lines of one period. */
export interface LinesSource {
  (ws: Workspace, period: Period, metric: CostMetric): Promise<LinesTable>
  /** Checks the request before any work (e.g. that a column exists); optional. */
  check?: (ws: Workspace) => Promise<void>
  /** The column or tag the lines are grouped by ("tag:team"), when it is one; the pack reads that dimension's budgets. */
  dimension?: string
}

/** The no-rules source: target = the value of a column or tag. */
export function dimensionLinesSource(by: Dimension): LinesSource {
  const source: LinesSource = async (ws, period, metric) => ({
    table: await linesByDimension(ws, { period, metric, by }),
    groupedBy: dimensionLabel(by),
    allocation: null,
  })
  source.check = (ws) => checkDimension(ws, by)
  source.dimension = dimensionLabel(by)
  return source
}
