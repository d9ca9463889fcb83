/**
 * Treemap and sunburst of the two group-bys (rows[0] → rows[1]) of one currency, summed exactly
 * over time. An area is a size, so items whose total is zero or a credit are left out of the
 * drawing and counted in the note. Parents beyond the top K, and children beyond the top K of a
 * parent, are folded into "(Other)", which filters on nothing it folds.
 */
import { OTHER_LABEL, type PivotSpec } from '../../../../shared/pivot'
import type { ChartOption } from '../../components/echart'
import { exactText, groupRows, keepTop, SERIES_LIMIT } from './chart-data'
import { rowFilters, type ChartTarget } from './chart-filter'
import { amountText, escapeHtml, type AmountFormat } from './chart-format'
import { dimensionText, isFold, type PivotView } from './pivot-view'

/** Parents a treemap or sunburst keeps before "(Other)". */
export const PARENT_LIMIT = 20

/** One node: its exact total (the sum of its drawn children for a parent), path and click target. */
export interface HierarchyNode {
  readonly name: string
  readonly path: string
  readonly total: bigint
  readonly target: ChartTarget
  readonly children: readonly HierarchyNode[]
}

/** What a treemap or sunburst draws, and how many items it left out for having no positive size. */
export interface HierarchyData {
  readonly nodes: readonly HierarchyNode[]
  readonly foldedParents: number
  readonly notPositive: number
}

/** The two-level hierarchy of `rows` (one currency's rows). */
export function hierarchyData(
  view: PivotView,
  spec: PivotSpec,
  rows: readonly number[],
): HierarchyData {
  const parentKey = (row: number): string => dimensionText(view, 0, row)
  const childKey = (row: number): string =>
    view.dimensions.length > 1 ? dimensionText(view, 1, row) : spec.measure
  const parents = keepTop(
    groupRows(view, rows, parentKey, (row) => isFold(view, row)).values(),
    PARENT_LIMIT,
  )
  const folded = new Set(parents.rest.map((g) => g.key))
  let notPositive = 0
  const node = (
    parentName: string,
    parentRows: readonly number[],
    parentTarget: ChartTarget,
    real: boolean,
  ): HierarchyNode | null => {
    const top = keepTop(groupRows(view, parentRows, childKey).values(), SERIES_LIMIT)
    const children: HierarchyNode[] = []
    const add = (name: string, total: bigint, target: ChartTarget): void => {
      if (total <= 0n) notPositive += 1
      else children.push({ name, path: `${parentName} › ${name}`, total, target, children: [] })
    }
    for (const g of top.kept)
      add(g.key, g.total, {
        // Under a fold the child's own value alone would filter to more than the node shows.
        filters: real ? rowFilters(view, spec, g.row, [0, 1]) : [],
      })
    if (top.rest.length)
      add(
        OTHER_LABEL,
        top.rest.reduce((sum, g) => sum + g.total, 0n),
        real ? parentTarget : { filters: [] },
      )
    if (!children.length) return null
    const total = children.reduce((sum, c) => sum + c.total, 0n)
    return { name: parentName, path: parentName, total, target: parentTarget, children }
  }

  const nodes: HierarchyNode[] = []
  for (const g of parents.kept) {
    const parentRows = rows.filter((row) => parentKey(row) === g.key && !isFold(view, row))
    const made = node(g.key, parentRows, { filters: rowFilters(view, spec, g.row, [0]) }, true)
    if (made) nodes.push(made)
  }
  if (parents.rest.length) {
    const otherRows = rows.filter((row) => isFold(view, row) || folded.has(parentKey(row)))
    const made = node(OTHER_LABEL, otherRows, { filters: [] }, false)
    if (made) nodes.push(made)
  }
  return { nodes, foldedParents: parents.folded, notPositive }
}

interface NodeItem {
  readonly name: string
  readonly value: number
  readonly exact: string
  readonly path: string
  readonly target: ChartTarget
  readonly children?: NodeItem[]
}

function item(node: HierarchyNode): NodeItem {
  const exact = exactText(node.total)
  return {
    name: node.name,
    value: Number(exact),
    exact,
    path: node.path,
    target: node.target,
    ...(node.children.length ? { children: node.children.map(item) } : {}),
  }
}

/** The treemap or sunburst option; a click on a node filters rather than zooming into it. */
export function hierarchyOption(
  data: HierarchyData,
  kind: 'treemap' | 'sunburst',
  format: AmountFormat,
  name: string,
): { option: ChartOption; note: string | null } {
  const common = { name, nodeClick: false, data: data.nodes.map(item) }
  const series =
    kind === 'treemap'
      ? {
          ...common,
          type: 'treemap',
          top: 48,
          bottom: 8,
          left: 8,
          right: 8,
          roam: false,
          breadcrumb: { show: false },
          upperLabel: { show: true, height: 20 },
          // Level 0 is the root (no label of its own), 1 the first group-by, 2 the second.
          levels: [
            { upperLabel: { show: false }, itemStyle: { borderWidth: 0, gapWidth: 2 } },
            { itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 1 } },
            {
              colorSaturation: [0.35, 0.6],
              itemStyle: { gapWidth: 1, borderColorSaturation: 0.6 },
            },
          ],
        }
      : {
          ...common,
          type: 'sunburst',
          center: ['50%', '56%'],
          radius: ['12%', '88%'],
          emphasis: { focus: 'ancestor' },
          label: { minAngle: 10, overflow: 'truncate', width: 90 },
        }
  const notes: string[] = []
  if (data.foldedParents > 0)
    notes.push(
      `Top ${PARENT_LIMIT} by size; ${data.foldedParents} more are summed in ${OTHER_LABEL}.`,
    )
  if (data.notPositive > 0)
    notes.push(
      `${data.notPositive} ${data.notPositive === 1 ? 'item' : 'items'} with a zero or credit total ${
        data.notPositive === 1 ? 'is' : 'are'
      } not drawn (an area is a size).`,
    )
  return {
    option: {
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: { data?: NodeItem }) =>
          params.data
            ? `${escapeHtml(params.data.path)}: <b>${amountText(params.data.exact, format)}</b>`
            : '',
      },
      series: [series],
    },
    note: notes.length ? notes.join(' ') : null,
  }
}
