/**
 * The figures a chart draws, read from a pivot view for one currency (or unit): the result rows
 * are summed exactly (scaled bigints, shared/money.ts), ranked by size, and what is beyond the
 * top K is folded into "(Other)" with an exact sum, so 200 series stay legible. ECharts gets
 * Numbers made from these exact sums only for drawing; tooltips show the exact text.
 */
import { fromScaled, toScaled } from '../../../../shared/money'
import type { PivotView } from './pivot-view'

/** Series (or categories) a chart keeps before folding the rest into "(Other)". */
export const SERIES_LIMIT = 12

/** Categories a chart without time keeps on its axis before folding the rest. */
export const CATEGORY_LIMIT = 30

/** Units (currencies) drawn as separate charts at most; the table shows every one. */
export const CHART_UNIT_LIMIT = 8

/** Every unit (currency or quantity unit) in the result, in order; '' where there is none. */
export function chartUnits(view: PivotView): string[] {
  const units = new Set<string>()
  for (let row = 0; row < view.rowCount; row += 1) units.add(view.unit?.text(row) ?? '')
  return [...units].sort()
}

/** The result rows of one unit: a chart never mixes currencies. */
export function rowsOfUnit(view: PivotView, unit: string): number[] {
  const rows: number[] = []
  for (let row = 0; row < view.rowCount; row += 1)
    if ((view.unit?.text(row) ?? '') === unit) rows.push(row)
  return rows
}

/** The exact value of a row as a scaled bigint; null when SQL gave none. */
export function rowValue(view: PivotView, row: number): bigint | null {
  const text = view.value?.text(row) ?? null
  return text === null ? null : toScaled(text)
}

/** A group of rows under one key: its exact total, a row to read its values from, and whether it is the top N's fold. */
export interface Group {
  readonly key: string
  total: bigint
  readonly row: number
  readonly fold: boolean
}

/** Groups `rows` by `keyOf`, summing exact values; keys keep their first row. */
export function groupRows(
  view: PivotView,
  rows: readonly number[],
  keyOf: (row: number) => string,
  foldOf: (row: number) => boolean = () => false,
): Map<string, Group> {
  const groups = new Map<string, Group>()
  for (const row of rows) {
    const key = keyOf(row)
    const group = groups.get(key) ?? { key, total: 0n, row, fold: foldOf(row) }
    group.total += rowValue(view, row) ?? 0n
    groups.set(key, group)
  }
  return groups
}

/** Largest size first (credits count by size too), ties by key so the order is stable. */
export function bySize(a: Group, b: Group): number {
  const size = (g: Group): bigint => (g.total < 0n ? -g.total : g.total)
  const diff = size(b) - size(a)
  return diff > 0n ? 1 : diff < 0n ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

/**
 * The `limit` largest groups, and the rest folded. The top N's own fold is never one of the kept:
 * it joins the folded ones, so there is a single "(Other)". `folded` counts the real groups folded.
 */
export function keepTop(
  groups: Iterable<Group>,
  limit: number,
  order: (a: Group, b: Group) => number = bySize,
): { kept: Group[]; rest: Group[]; folded: number } {
  const all = [...groups]
  const real = all.filter((g) => !g.fold).sort(order)
  const kept = real.length > limit ? real.slice(0, limit) : real
  const beyond = real.slice(kept.length)
  return { kept, rest: [...beyond, ...all.filter((g) => g.fold)], folded: beyond.length }
}

/** The exact decimal text of a scaled sum. */
export function exactText(value: bigint): string {
  return fromScaled(value)
}
