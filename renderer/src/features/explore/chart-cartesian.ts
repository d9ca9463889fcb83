/**
 * Bars, stacked areas and lines of one currency. Over time the x axis is every time bucket of the
 * result and every dimension goes into the series; without time the first dimension is the x axis
 * and the second the series. Every series gets every bucket, null where it has no row, so a line
 * shows a gap for an empty month instead of a straight line across it.
 */
import type { Filter, PivotSpec } from '../../../../shared/pivot'
import { OTHER_LABEL } from '../../../../shared/pivot'
import { CATEGORY_LIMIT, exactText, groupRows, keepTop, rowValue, SERIES_LIMIT } from './chart-data'
import { rowFilters } from './chart-filter'
import { dimensionText, formatTime, isFold, type PivotView } from './pivot-view'

/** One series: its exact value per category (null where no row is drawn) and what a click on it filters. */
export interface CartesianSeries {
  readonly name: string
  /** True for the "(Other)" fold of the series beyond the top K (and the top N's own fold). */
  readonly other: boolean
  readonly filters: readonly Filter[]
  readonly points: readonly (bigint | null)[]
}

/** What a bar, area or line chart of one currency draws. */
export interface CartesianData {
  readonly categories: readonly string[]
  readonly categoryFilters: readonly (readonly Filter[])[]
  readonly series: readonly CartesianSeries[]
  /** Real series before the fold, and how many of them "(Other)" holds. */
  readonly seriesCount: number
  readonly foldedSeries: number
  readonly foldedCategories: number
}

/** The series and categories of `rows` (one currency's rows of the result). */
export function cartesianData(
  view: PivotView,
  spec: PivotSpec,
  rows: readonly number[],
  overTime: boolean,
): CartesianData {
  const dims = view.dimensions.map((_, index) => index)
  const seriesDims = overTime ? dims : dims.slice(1)
  const seriesKey = (row: number): string =>
    seriesDims.map((index) => dimensionText(view, index, row)).join(' · ') || spec.measure
  const categoryKey = (row: number): string =>
    overTime
      ? (view.time?.text(row) ?? '')
      : view.dimensions.length > 0
        ? dimensionText(view, 0, row)
        : 'Total'
  const foldsFirst = (row: number): boolean => isFold(view, row)

  // Categories: time buckets in order, or the largest first-dimension values with their fold last.
  const categoryGroups = groupRows(view, rows, categoryKey, overTime ? undefined : foldsFirst)
  const categoryTop = overTime
    ? {
        kept: [...categoryGroups.values()].sort((a, b) => a.key.localeCompare(b.key)),
        rest: [],
        folded: 0,
      }
    : keepTop(categoryGroups.values(), CATEGORY_LIMIT)
  const categoryIndex = new Map(categoryTop.kept.map((g, index) => [g.key, index]))
  const otherCategory = categoryTop.rest.length > 0 ? categoryTop.kept.length : -1
  for (const g of categoryTop.rest) categoryIndex.set(g.key, otherCategory)
  const categories = categoryTop.kept.map((g) =>
    overTime ? formatTime(g.key, spec.timeGrain) : g.key,
  )
  const categoryFilters: Filter[][] = categoryTop.kept.map((g) =>
    overTime ? [] : rowFilters(view, spec, g.row, [0]),
  )
  if (otherCategory >= 0) {
    categories.push(OTHER_LABEL)
    categoryFilters.push([])
  }

  const seriesGroups = groupRows(
    view,
    rows,
    seriesKey,
    (row) => seriesDims[0] === 0 && foldsFirst(row),
  )
  const top = keepTop(seriesGroups.values(), SERIES_LIMIT)
  const seriesOf = new Map<string, number>(top.kept.map((g, index) => [g.key, index]))
  for (const g of top.rest) seriesOf.set(g.key, top.kept.length)
  const points = [...top.kept, ...(top.rest.length ? [null] : [])].map(() =>
    categories.map((): bigint | null => null),
  )
  for (const row of rows) {
    const value = rowValue(view, row)
    const s = seriesOf.get(seriesKey(row))
    const c = categoryIndex.get(categoryKey(row))
    if (value === null || s === undefined || c === undefined) continue
    const line = points[s]
    if (line) line[c] = (line[c] ?? 0n) + value
  }
  const series: CartesianSeries[] = top.kept.map((g, index) => ({
    name: g.key,
    other: false,
    filters: rowFilters(view, spec, g.row, seriesDims),
    points: points[index] ?? [],
  }))
  if (top.rest.length)
    series.push({
      name: OTHER_LABEL,
      other: true,
      filters: [],
      points: points[top.kept.length] ?? [],
    })
  return {
    categories,
    categoryFilters,
    series,
    seriesCount: [...seriesGroups.values()].filter((g) => !g.fold).length,
    foldedSeries: top.folded,
    foldedCategories: categoryTop.folded,
  }
}

/** Exact text of a point, for tooltips and tests; null stays null. */
export function pointText(value: bigint | null): string | null {
  return value === null ? null : exactText(value)
}

/** Sums the points of one category across series (a stacked bucket's total), exactly. */
export function categoryTotal(data: CartesianData, category: number): bigint | null {
  let total: bigint | null = null
  for (const s of data.series) {
    const point = s.points[category]
    if (point !== null && point !== undefined) total = (total ?? 0n) + point
  }
  return total
}
