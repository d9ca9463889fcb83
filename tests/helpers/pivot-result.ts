/**
 * A pivot result as `pivot:run` returns it (an Arrow table and its meta), written row by row, for
 * tests of what the screen makes of a result (renderer/src/features/explore).
 */
import { tableFromArrays } from 'apache-arrow'
import type { PivotMeta } from '../../shared/contract'
import { pivotView, type PivotView } from '../../renderer/src/features/explore/pivot-view'

/** One result row: time bucket, group-by values, currency, exact value, and the top N fold flag. */
export interface ResultRow {
  readonly time?: string
  readonly dims: readonly (string | null)[]
  readonly unit: string
  readonly value: string
  readonly other?: boolean
}

/** The view of a result with these rows; `dimNames` names the group-by columns. */
export function resultView(
  rows: readonly ResultRow[],
  dimNames: readonly string[],
  options: { timeName?: string; folding?: boolean } = {},
): PivotView {
  const columns: Record<string, unknown> = {}
  const meta: PivotMeta['columns'] = []
  let index = 0
  const add = (name: string, role: PivotMeta['columns'][number]['role'], data: unknown): void => {
    columns[`c${index}`] = data
    index += 1
    meta.push({ name, role })
  }
  if (options.timeName)
    add(
      options.timeName,
      'time',
      rows.map((r) => r.time ?? null),
    )
  dimNames.forEach((name, d) =>
    add(
      name,
      'dimension',
      rows.map((r) => r.dims[d] ?? null),
    ),
  )
  add(
    'BillingCurrency',
    'unit',
    rows.map((r) => r.unit),
  )
  if (options.folding) add('other', 'other', Int32Array.from(rows.map((r) => (r.other ? 1 : 0))))
  add(
    'BilledCost',
    'value',
    rows.map((r) => r.value),
  )
  add('chart', 'chart', Float64Array.from(rows.map((r) => Number(r.value))))
  add('rows', 'count', Float64Array.from(rows.map(() => 1)))
  const table = tableFromArrays(columns as Parameters<typeof tableFromArrays>[0])
  return pivotView(table, {
    rowCount: rows.length,
    truncated: false,
    currencies: [...new Set(rows.map((r) => r.unit))].sort(),
    elapsedMs: 1,
    columns: meta,
  })
}
