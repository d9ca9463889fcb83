/**
 * Which chart kinds make sense for a pivot, and why the others do not: the picker offers them
 * all, disables those that cannot draw this pivot and says what they need. "auto" is a line over
 * time when there are several time buckets and bars otherwise.
 */
import type { ChartKind, PivotSpec } from '../../../../shared/pivot'

/** A kind the chart draws (auto resolved). */
export type DrawnKind = Exclude<ChartKind, 'auto'>

/** One entry of the picker: null `reason` when the kind can draw the pivot. */
export interface KindChoice {
  readonly kind: ChartKind
  readonly label: string
  readonly reason: string | null
}

/** The picker's entries for a pivot whose result has `buckets` time buckets. */
export function kindChoices(spec: PivotSpec, buckets: number): KindChoice[] {
  const overTime = buckets > 1 ? null : 'needs two or more time buckets'
  const grouped = spec.rows.length > 0 ? null : 'needs a group-by'
  return [
    { kind: 'auto', label: 'Auto', reason: null },
    { kind: 'bar', label: 'Bars', reason: null },
    { kind: 'area', label: 'Area', reason: overTime },
    { kind: 'line', label: 'Lines', reason: overTime },
    {
      kind: 'treemap',
      label: 'Treemap',
      reason: spec.rows.length === 2 ? null : 'needs two group-bys',
    },
    {
      kind: 'sunburst',
      label: 'Sunburst',
      reason: spec.rows.length === 2 ? null : 'needs two group-bys',
    },
    { kind: 'pareto', label: 'Pareto', reason: grouped },
    {
      kind: 'heatmap',
      label: 'Heatmap',
      reason:
        spec.timeGrain === 'day' && spec.rows.length > 0
          ? null
          : 'needs a day grain and a group-by',
    },
  ]
}

/** The kind drawn for the chosen one: itself when it can draw the pivot, else what auto draws. */
export function drawnKind(
  chosen: ChartKind,
  choices: readonly KindChoice[],
  buckets: number,
): DrawnKind {
  const choice = choices.find((c) => c.kind === chosen)
  if (chosen !== 'auto' && choice && choice.reason === null) return chosen
  return buckets > 1 ? 'line' : 'bar'
}
