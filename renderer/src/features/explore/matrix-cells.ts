/**
 * How the pivot table's cells and row labels read (issue 9): amounts in their row's currency,
 * counts and quantities with grouped digits, ratios as percentages, and the fold, a missing
 * value, subtotals and the grand total told apart from real values. The rules live in
 * shared/pivot/table-text.ts, so a copy or an export of the grid reads as the screen does.
 */
export {
  additiveMeasures,
  figureText,
  formatRatio,
  pivotGrid,
  rowLabel,
  rowTotal,
  type RowLabel,
} from '../../../../shared/pivot/table-text'
