/**
 * A rectangular selection of the pivot grid (issue 9, "copy a selection"): an anchor where the
 * click or drag started and a focus where it is now, as in a spreadsheet. Row -1 is the header
 * row, so a selection can take the headers with it. Pure, no React.
 */
import type { GridRange } from '../../../../shared/pivot/table-text'

/** One cell of the grid: a row (-1 for the header row) and a column. */
export interface GridPoint {
  readonly row: number
  readonly column: number
}

/** The selection: where it started and where it ends now. */
export interface GridSelection {
  readonly anchor: GridPoint
  readonly focus: GridPoint
}

/** The range a selection covers, bounds in order. */
export function selectionRange(selection: GridSelection): GridRange {
  const { anchor, focus } = selection
  return {
    rows: [Math.min(anchor.row, focus.row), Math.max(anchor.row, focus.row)],
    columns: [Math.min(anchor.column, focus.column), Math.max(anchor.column, focus.column)],
  }
}

/** True when the cell at `row`, `column` is inside the selection. */
export function isSelected(selection: GridSelection | null, row: number, column: number): boolean {
  if (!selection) return false
  const { rows, columns } = selectionRange(selection)
  return row >= rows[0] && row <= rows[1] && column >= columns[0] && column <= columns[1]
}

/** The selection after a click: a new single cell, or (shift held) the same anchor to here. */
export function clickSelection(
  selection: GridSelection | null,
  point: GridPoint,
  extend: boolean,
): GridSelection {
  return extend && selection
    ? { anchor: selection.anchor, focus: point }
    : { anchor: point, focus: point }
}

/** Everything: the header row and every row, every column. */
export function selectAll(rowCount: number, columnCount: number): GridSelection {
  return {
    anchor: { row: -1, column: 0 },
    focus: { row: rowCount - 1, column: columnCount - 1 },
  }
}

/** "2 × 3 cells" for the copy note: rows × columns. */
export function selectionSize(selection: GridSelection): string {
  const { rows, columns } = selectionRange(selection)
  return `${rows[1] - rows[0] + 1} × ${columns[1] - columns[0] + 1}`
}
