/** How a selection of the pivot grid grows and what it covers (grid-selection.ts). */
import { describe, expect, it } from 'vitest'
import {
  clickSelection,
  isSelected,
  selectAll,
  selectionRange,
  selectionSize,
} from '../../../../../renderer/src/features/explore/grid-selection'

describe('grid selection', () => {
  it('a click picks one cell; shift+click keeps the anchor and spans to the new cell', () => {
    const one = clickSelection(null, { row: 3, column: 4 }, false)
    expect(selectionSize(one)).toBe('1 × 1')
    const span = clickSelection(one, { row: 2, column: 2 }, true)
    expect(selectionRange(span)).toEqual({ rows: [2, 3], columns: [2, 4] })
    expect(selectionSize(span)).toBe('2 × 3')
    expect(isSelected(span, 2, 3)).toBe(true)
    expect(isSelected(span, 1, 3)).toBe(false)
    expect(isSelected(span, 3, 5)).toBe(false)
    // Without shift a click starts afresh; shift with nothing selected starts there too.
    expect(clickSelection(span, { row: 0, column: 0 }, false)).toEqual({
      anchor: { row: 0, column: 0 },
      focus: { row: 0, column: 0 },
    })
    expect(selectionSize(clickSelection(null, { row: 5, column: 1 }, true))).toBe('1 × 1')
  })

  it('select all takes the header row (-1) and every row and column', () => {
    const all = selectAll(10, 4)
    expect(selectionRange(all)).toEqual({ rows: [-1, 9], columns: [0, 3] })
    expect(selectionSize(all)).toBe('11 × 4')
    expect(isSelected(all, -1, 0)).toBe(true)
    expect(isSelected(null, 0, 0)).toBe(false)
  })
})
